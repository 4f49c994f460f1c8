// Build time as findings: a regression blocks under fail-on-regression, else warns; a slowdown with
// too little history and a measurement that could not be compared only warn. Decided from the
// section's own fields, never from its wording.
import type { GateConfig } from '../../config.js'
import type { Finding } from '../../findings/finding.js'
import type { TimingSection } from '../../report/schema.js'

const SOURCE = 'timing'

export function timingFindings(
  t: TimingSection | undefined,
  config: Pick<GateConfig, 'failOnRegression'>
): Finding[] {
  if (!t) return []
  if (t.regression === 'true')
    return [
      config.failOnRegression
        ? { code: 'build-time-regression', severity: 'block', message: t.explanation, source: SOURCE }
        : {
            code: 'build-time-regression',
            severity: 'warn',
            message: `${t.explanation} (advisory: fail-on-regression is false)`,
            source: SOURCE
          }
    ]
  if (t.regression === 'false' && t.slower === true)
    return [{ code: 'build-time-slower', severity: 'warn', message: t.explanation, source: SOURCE }]
  if (t.regression === 'not-comparable')
    return [{ code: 'build-time-not-comparable', severity: 'warn', message: t.explanation, source: SOURCE }]
  return []
}

/** A baseline that exists but cannot be read blocks: it is never overwritten and never ignored silently. */
export function baselineProblem(message: string): Finding {
  return { code: 'baseline-error', severity: 'block', message, source: SOURCE }
}
