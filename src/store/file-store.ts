// A JSON document (the baseline, the run history) as a local file (relative to the working
// directory), written atomically: a reader sees the old file or the new one, never half of one.
// While the file does not exist, a legacy one (where an earlier version kept it) is read instead and
// never written: the next write starts the file from it.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { DocumentCodec, DocumentStore } from './document-store.js'

export class FileStore<T> implements DocumentStore<T> {
  readonly file: string
  readonly location: string
  private readonly codec: DocumentCodec<T>

  constructor(
    documentPath: string,
    workingDirectory: string,
    codec: DocumentCodec<T>,
    private readonly legacy: string | null = null
  ) {
    this.file = path.resolve(workingDirectory, documentPath)
    this.location = `file ${this.file}`
    this.codec = codec
  }

  async read(): Promise<T | null> {
    const own = this.readFile(this.file, this.location)
    if (own !== undefined || !this.legacy) return own ?? null
    return this.readFile(this.legacy, `file ${this.legacy}`) ?? null
  }

  /** undefined when the file does not exist. */
  private readFile(file: string, location: string): T | undefined {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw this.codec.error(location, `cannot be read: ${(e as Error).message}`)
    }
    return this.codec.parse(text, location)
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
