// The JSON report file: written whole and atomically, so a reader never sees half a report, and
// only over nothing or over an earlier build-gate report: never over a file the user keeps.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { ConfigError } from '../inputs.js'
import { TOOL } from '../tool.js'

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

/** Refuses (naming the input) a report path that holds anything but an earlier build-gate report. */
export function assertReportTarget(file: string): void {
  if (!existsSync(file)) return
  const refuse = (what: string) =>
    new ConfigError(
      'report-path',
      `${file} ${what}, so the gate will not overwrite it; point report-path at a new file (e.g. build-gate-report.json) or remove that file.`
    )
  if (!statSync(file).isFile()) throw refuse('is not a file')
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw refuse('exists and is not a build-gate report (not JSON)')
  }
  const v = value as { tool?: { name?: unknown }; schemaVersion?: unknown } | null
  if (!v || typeof v !== 'object' || v.tool?.name !== TOOL.name || typeof v.schemaVersion !== 'number')
    throw refuse('exists and is not a build-gate report (no build-gate tool and schemaVersion)')
}
