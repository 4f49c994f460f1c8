// Step outputs: a flat rendering of the report for `steps.<id>.outputs.*`.
import type { GateReport } from './schema.js'
import { timingOutputs } from '../timing/section.js'

export function reportOutputs(
  report: GateReport,
  reportPath: string,
  includeDev = false
): Record<string, string> {
  // A phase that did not run (or did not finish) measured nothing: empty, never 0.
  const seconds = (name: string) => {
    const p = report.phases.filter(x => x.name === name || (name === 'test' && x.name === 'test-build'))
    if (p.length === 0 || p.some(x => !x.ran || x.signal)) return ''
    return String(Math.round(p.reduce((n, x) => n + x.wallSeconds, 0) * 100) / 100)
  }
  const out: Record<string, string> = {
    stable: String(report.verdict.stable),
    errors: String(report.diagnostics.errors),
    warnings: String(report.diagnostics.warnings),
    'tests-passed': String(report.tests.passed),
    'tests-failed': String(report.tests.failed),
    'tests-ignored': String(report.tests.ignored),
    'check-seconds': seconds('check'),
    'test-seconds': seconds('test'),
    'report-path': reportPath,
    reasons: JSON.stringify(report.verdict.reasons.map(r => r.message))
  }
  if (report.conflicts) {
    const counted = (v: { devOnly: boolean }) => includeDev || !v.devOnly
    out['duplicate-crates'] = String(
      report.conflicts.duplicates.filter(d => !d.allowed && d.versions.filter(counted).length > 1).length
    )
    out['single-version-violations'] = String(report.conflicts.singleVersionViolations.length)
    out['msrv-violations'] = String(
      report.conflicts.rustVersion.length + report.conflicts.cargoRefusals.length
    )
  }
  if (report.timing) Object.assign(out, timingOutputs(report.timing))
  // No output may read NaN or Infinity: a figure that is not a finite number was not measured.
  for (const [k, v] of Object.entries(out)) if (/^-?(NaN|Infinity)$/.test(v)) out[k] = ''
  return out
}
