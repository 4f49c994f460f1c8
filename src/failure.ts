// The report of a run that could not judge the build: always unstable, with the reason.
import type { Finding } from './findings/finding.js'
import { foldVerdict } from './findings/fold.js'
import type { GateReport, PhaseResult, WorkspaceInfo } from './report/schema.js'
import { SCHEMA_VERSION } from './report/schema.js'
import { TOOL } from './tool.js'

export function failureReport(root: string, message: string, code = 'gate-error'): GateReport {
  const findings: Finding[] = [{ code, severity: 'block', message, source: 'gate' }]
  return {
    ...blankReport({ root, members: [], msrv: null, toolchain: null, requestedToolchain: null }, []),
    findings,
    verdict: foldVerdict(findings)
  }
}

/** A report with nothing read yet: the start of every run's report. */
export function blankReport(workspace: WorkspaceInfo, phases: PhaseResult[]): Omit<GateReport, 'verdict'> {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: new Date().toISOString(),
    workspace,
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
    phases,
    findings: []
  }
}
