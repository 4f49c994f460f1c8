// The timing section's say in the verdict (same shape as the rules in src/verdict.ts).
import type { GateConfig } from '../config.js'
import type { GateReport, Reason } from '../report/schema.js'

export function timingRule(
  report: Pick<GateReport, 'timing'>,
  config: Pick<GateConfig, 'failOnRegression'>
): { blocking: Reason[]; warnings: Reason[] } {
  const t = report.timing
  const f = { blocking: [] as Reason[], warnings: [] as Reason[] }
  if (!t) return f
  if (t.regression === 'true') {
    const reason = { code: 'build-time-regression', message: t.explanation }
    if (config.failOnRegression) f.blocking.push(reason)
    else f.warnings.push({ ...reason, message: `${reason.message} (advisory: fail-on-regression is false)` })
  } else if (
    t.regression === 'false' &&
    t.deltaPercent !== null &&
    /warning, not a regression/.test(t.explanation)
  ) {
    f.warnings.push({ code: 'build-time-slower', message: t.explanation })
  } else if (t.regression === 'not-comparable') {
    f.warnings.push({ code: 'build-time-not-comparable', message: t.explanation })
  }
  return f
}
