// The warnings' burndown: workspace warnings per crate across the recorded runs (this run last), for
// the summary, the living checklist and the escalation: "warnings 14 → 9 since 2 Dec ▇▆▅▃▂". Pure.
import { crateTotals } from '../../cargo/warning-set.js'
import { sparkline } from '../../report/sparkline.js'
import type { RunRecord } from './history.js'

/** Runs drawn: one glyph each. */
export const BURNDOWN_RUNS = 30
/** Crates drawn, those with the most warnings now (then at the start) first. */
const BURNDOWN_CRATES = 8

export interface Burndown {
  /** The first run drawn, and its warnings. */
  since: { at: string; sha: string | null; warnings: number }
  now: number
  /** Warnings of each run drawn, oldest first. */
  totals: number[]
  crates: { name: string; since: number; now: number; points: number[] }[]
}

/** null until a run kept its warnings (a build that completed, recorded by this release). */
export function burndown(runs: readonly RunRecord[]): Burndown | null {
  const drawn = runs.filter(r => r.warnings).slice(-BURNDOWN_RUNS)
  if (!drawn.length) return null
  const perRun = drawn.map(r => crateTotals(r.warnings!))
  const totals = perRun.map(c => Object.values(c).reduce((n, x) => n + x, 0))
  const names = [...new Set(perRun.flatMap(c => Object.keys(c)))]
  const crates = names
    .map(name => {
      const points = perRun.map(c => c[name] ?? 0)
      return { name, since: points[0], now: points.at(-1)!, points }
    })
    .filter(c => c.points.some(p => p > 0))
    .sort((a, b) => b.now - a.now || b.since - a.since || (a.name < b.name ? -1 : 1))
    .slice(0, BURNDOWN_CRATES)
  return {
    since: { at: drawn[0].at, sha: drawn[0].sha, warnings: totals[0] },
    now: totals.at(-1)!,
    totals,
    crates
  }
}

/** "warnings 14 → 9 since 2 Dec". */
export function burndownLine(b: Burndown): string {
  const day = new Date(b.since.at).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC'
  })
  return b.totals.length === 1
    ? `warnings ${b.now} (first recorded run)`
    : `warnings ${b.since.warnings} → ${b.now} since ${day}`
}

/** Monospace lines: the total and each crate, one glyph per run, on the total's scale. */
export function burndownLines(b: Burndown): string[] {
  const hi = Math.max(...b.totals)
  const width = Math.max(5, ...b.crates.map(c => c.name.length))
  const row = (name: string, points: number[], since: number, now: number) =>
    `${name.padEnd(width)} ${sparkline(points, 0, hi)}  ${since} → ${now}`
  return [
    row('total', b.totals, b.since.warnings, b.now),
    ...b.crates.map(c => row(c.name, c.points, c.since, c.now)),
    `(${b.totals.length} run${b.totals.length === 1 ? '' : 's'}, oldest first)`
  ]
}
