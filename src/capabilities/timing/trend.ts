// The build-time history as a picture that renders everywhere (job summary, PR comment, terminal):
// Unicode sparklines, one glyph per run, this run last and set apart, the limit stated at its level.
// Pure.
import { sparkline } from '../../report/sparkline.js'
import type { TimingSection } from './section.js'

export { sparkline }
/** Crates with a trend line: the slowest now. */
export const TREND_CRATES = 5

/**
 * Lines of text (monospace) for the history of this run's comparable builds and of its slowest crates.
 * Empty when there is no history to draw.
 */
export function trendLines(t: TimingSection): string[] {
  const trend = t.trend
  if (!trend || trend.seconds.length === 0) return []
  const limit = trend.limitSeconds
  const all = [...trend.seconds, t.seconds, ...(limit === null ? [] : [limit])]
  const lo = Math.min(...all)
  const hi = Math.max(...all)
  const over = limit !== null && t.seconds > limit
  const label = (s: string) => s.padEnd(width(t), ' ')
  const limitWords =
    limit === null
      ? ''
      : `, limit ${limit.toFixed(2)} s (${sparkline([limit], lo, hi)})${over ? ' ← over' : ''}`
  const lines = [
    `${label('build')} ${sparkline(trend.seconds, lo, hi)} │ ${sparkline([t.seconds], lo, hi)}  ${t.seconds.toFixed(2)} s now${limitWords}; ${trend.seconds.length} earlier runs, oldest first`
  ]
  for (const c of trend.crates) {
    const now = t.crates.find(x => x.name === c.name)?.seconds ?? null
    const values = [...c.seconds, now].filter((v): v is number => v !== null)
    const clo = Math.min(...values)
    const chi = Math.max(...values)
    const delta = t.crates.find(x => x.name === c.name)?.deltaPercent ?? null
    const vs = delta === null ? '' : ` (${delta > 0 ? '+' : ''}${delta.toFixed(1)}% vs its median)`
    lines.push(
      `${label(c.name)} ${sparkline(c.seconds, clo, chi)} │ ${sparkline([now], clo, chi)}  ${now === null ? 'not compiled now' : `${now.toFixed(2)} s`}${vs}`
    )
  }
  return lines
}

function width(t: TimingSection): number {
  return Math.max('build'.length, ...(t.trend?.crates.map(c => c.name.length) ?? []))
}
