// Build time as findings: a regression blocks under fail-on-regression, else warns; a slowdown with
// too little history and a measurement that could not be compared only warn. Decided from the
// section's own fields, never from its wording.
import type { Finding } from '../../findings/finding.js'
import type { TimingConfig, TimingSection } from './section.js'

const SOURCE = 'timing'

export function timingFindings(
  t: TimingSection | undefined,
  config: Pick<TimingConfig, 'failOnRegression'>
): Finding[] {
  if (!t) return []
  return [...regressionFindings(t, config), ...crateTimingFindings(t)]
}

function regressionFindings(t: TimingSection, config: Pick<TimingConfig, 'failOnRegression'>): Finding[] {
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

/** Per-crate times are context: a report cargo did not write or this gate could not read is said, never fatal. */
function crateTimingFindings(t: TimingSection): Finding[] {
  return t.crateTimingsNote
    ? [{ code: 'crate-timings-unread', severity: 'info', message: t.crateTimingsNote, source: SOURCE }]
    : []
}

/** A baseline that exists but cannot be read blocks: it is never overwritten and never ignored silently. */
export function baselineProblem(message: string): Finding {
  return { code: 'baseline-error', severity: 'block', message, source: SOURCE }
}
