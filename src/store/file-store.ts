// A JSON document (the baseline, the run history) as a local file (relative to the working
// directory), written atomically: a reader sees the old file or the new one, never half of one.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { Baseline } from '../capabilities/timing/baseline.js'
import { baselineCodec, type DocumentCodec, type DocumentStore } from './document-store.js'

export class FileStore<T = Baseline> implements DocumentStore<T> {
  readonly file: string
  readonly location: string
  private readonly codec: DocumentCodec<T>

  constructor(documentPath: string, workingDirectory: string, codec?: DocumentCodec<T>) {
    this.file = path.resolve(workingDirectory, documentPath)
    this.location = `file ${this.file}`
    this.codec = codec ?? (baselineCodec as unknown as DocumentCodec<T>)
  }

  async read(): Promise<T | null> {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw this.codec.error(this.location, `cannot be read: ${(e as Error).message}`)
    }
    return this.codec.parse(text, this.location)
  }

  async update(change: (current: T | null) => T): Promise<T> {
    const current = await this.read()
    const next = change(current)
    if (current !== null && next === current) return next
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`
    try {
      mkdirSync(path.dirname(this.file), { recursive: true })
      writeFileSync(tmp, this.codec.serialize(next))
      renameSync(tmp, this.file)
    } catch (e) {
      rmSync(tmp, { force: true })
      throw this.codec.error(this.location, `cannot be written: ${(e as Error).message}`)
    }
    return next
  }
}
