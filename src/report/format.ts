// Figures of the report as the outputs give them.
import type { PhaseResult } from './schema.js'

/** Wall seconds of the phases; empty (never 0) when one of them did not run or was killed. */
export function phaseSeconds(report: { phases: readonly PhaseResult[] }, names: string[]): string {
  const p = report.phases.filter(x => names.includes(x.name))
  if (p.length === 0 || p.some(x => !x.ran || x.signal)) return ''
  const seconds = Math.round(p.reduce((n, x) => n + x.wallSeconds, 0) * 100) / 100
  return Number.isFinite(seconds) ? String(seconds) : ''
}
