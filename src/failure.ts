// The report of a run that could not judge the build: always unstable, with the reason.
import type { GateReport } from './report/schema.js'
import { SCHEMA_VERSION } from './report/schema.js'
import { TOOL } from './tool.js'

export function failureReport(root: string, message: string, code = 'gate-error'): GateReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: new Date().toISOString(),
    workspace: { root, members: [], msrv: null, toolchain: null, requestedToolchain: null },
    crates: [],
    diagnostics: {
      errors: 0,
      warnings: 0,
      items: [],
      omitted: 0,
      dependencyWarnings: 0,
      dependencyErrors: []
    },
    tests: { ran: false, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [] },
    phases: [],
    verdict: { stable: false, reasons: [{ code, message }], warnings: [] }
  }
}
