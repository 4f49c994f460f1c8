// Durations as people write them in a workflow (`3d`, `12h`, `90m`, `1d12h`) and as a summary says them.
const UNITS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 }

/** Milliseconds, null for `off`, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | null | undefined {
  const t = text.trim().toLowerCase()
  if (t === 'off') return null
  if (!/^(\d+[wdhms])+$/.test(t)) return undefined
  let ms = 0
  for (const [, n, unit] of t.matchAll(/(\d+)([wdhms])/g)) ms += Number(n) * UNITS[unit]
  return ms > 0 ? ms : undefined
}

/** "2 days", "5 hours", "1 minute", "30 seconds": the largest whole unit, rounded down. */
export function formatDuration(ms: number): string {
  const names: [number, string][] = [
    [UNITS.d, 'day'],
    [UNITS.h, 'hour'],
    [UNITS.m, 'minute'],
    [UNITS.s, 'second']
  ]
  for (const [size, name] of names) {
    const n = Math.floor(ms / size)
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'}`
  }
  return 'less than a second'
}
