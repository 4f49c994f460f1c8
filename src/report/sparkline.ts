// Unicode sparklines: a history as one line that renders the same in the job summary, the PR comment
// and the terminal. Pure.
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']

/** One glyph per value on a common scale from `lo` to `hi`; null (not measured that run) is a gap. */
export function sparkline(values: readonly (number | null)[], lo: number, hi: number): string {
  return values.map(v => (v === null ? ' ' : BARS[level(v, lo, hi)])).join('')
}

function level(v: number, lo: number, hi: number): number {
  if (hi <= lo) return BARS.length >> 1
  const i = Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))
  return Math.min(BARS.length - 1, Math.max(0, i))
}
