// The JSON report file: written whole and atomically, so a reader never sees half a report.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { GateReport } from './schema.js'
import { keepTimingReports } from '../timing/keep-reports.js'

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

/** Writes the report, with cargo's --timings HTML copied beside it (see keep-reports.ts). */
export function writeReport(report: GateReport, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  // Colours are for terminals: the file holds the plain text only.
  writeJsonAtomic(file, keepTimingReports(report, file), (key, value) =>
    key === 'renderedAnsi' ? undefined : value
  )
}
