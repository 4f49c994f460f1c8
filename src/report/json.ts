// The JSON report file: written whole and atomically, so a reader never sees half a report.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { GateReport } from './schema.js'

export function writeJsonAtomic(
  file: string,
  value: unknown,
  replacer?: (key: string, value: unknown) => unknown
): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(value, replacer, 2)}\n`)
  renameSync(tmp, file)
}

export function writeReport(report: GateReport, file: string): void {
  // Colours are for terminals: the file holds the plain text only.
  writeJsonAtomic(file, report, (key, value) => (key === 'renderedAnsi' ? undefined : value))
}
