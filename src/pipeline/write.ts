// The JSON report file: each capability first keeps its own files beside it (cargo's --timings HTML),
// then the report is written whole and atomically, only over nothing or an earlier build-gate report.
import * as path from 'node:path'
import { mkdirSync } from 'node:fs'
import type { AnyCapability } from '../capabilities/capability.js'
import { assertReportTarget, writeJsonAtomic } from '../report/json.js'
import { CAPABILITIES, type GateReport } from './registry.js'

export function writeReport(
  report: GateReport,
  file: string,
  capabilities: readonly AnyCapability[] = CAPABILITIES
): void {
  assertReportTarget(file)
  mkdirSync(path.dirname(file), { recursive: true })
  const kept = capabilities.reduce((r, c) => ({ ...r, ...c.beside?.(r, file) }), report)
  // Colours are for terminals: the file holds the plain text only.
  writeJsonAtomic(file, kept, (key, value) => (key === 'renderedAnsi' ? undefined : value))
}
