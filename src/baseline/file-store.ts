// The baseline as a local file (relative to the working directory), written atomically:
// a reader sees the old file or the new one, never half of one.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { BaselineError, parseBaseline, serializeBaseline, type Baseline } from './schema.js'
import type { BaselineStore } from './store.js'

export class FileStore implements BaselineStore {
  readonly file: string
  readonly location: string

  constructor(baselinePath: string, workingDirectory: string) {
    this.file = path.resolve(workingDirectory, baselinePath)
    this.location = `file ${this.file}`
  }

  async read(): Promise<Baseline | null> {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new BaselineError(this.location, `cannot be read: ${(e as Error).message}`)
    }
    return parseBaseline(text, this.location)
  }

  async update(change: (current: Baseline | null) => Baseline): Promise<Baseline> {
    const next = change(await this.read())
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`
    try {
      mkdirSync(path.dirname(this.file), { recursive: true })
      writeFileSync(tmp, serializeBaseline(next))
      renameSync(tmp, this.file)
    } catch (e) {
      rmSync(tmp, { force: true })
      throw new BaselineError(this.location, `cannot be written: ${(e as Error).message}`)
    }
    return next
  }
}
