// cargo's own per-unit times: the `UNIT_DATA` array that `cargo … --timings` embeds in its HTML report.
// Pure. Read tolerantly: the fields moved between cargo releases (`unlocked_*` became `unblocked_*` in
// 1.93, `rmeta_time` went away later), and anything not understood is said, never guessed.
import type { CrateTime } from './crate-times.js'

export interface UnitTime {
  name: string
  version: string
  /** cargo's description of the target, e.g. ` (check)`, ` timing_core "lib" (test)`, `` for a lib build. */
  target: string
  /** Seconds since the build started, and the unit's own wall seconds (cargo rounds both to 10 ms). */
  start: number
  duration: number
}

export type ParsedTimings = { units: UnitTime[]; problem: null } | { units: null; problem: string }

const MARKER = /\bUNIT_DATA\s*=\s*\[/

export function parseCargoTimings(html: string): ParsedTimings {
  const m = MARKER.exec(html)
  if (!m) return fail('no UNIT_DATA found in the cargo timing report')
  const open = m.index + m[0].length - 1
  const close = matchingBracket(html, open)
  if (close === -1) return fail('the UNIT_DATA array in the cargo timing report is cut short')
  let data: unknown
  try {
    data = JSON.parse(html.slice(open, close + 1))
  } catch (e) {
    return fail(`the UNIT_DATA array in the cargo timing report is not JSON (${(e as Error).message})`)
  }
  if (!Array.isArray(data)) return fail('UNIT_DATA in the cargo timing report is not an array')
  const units: UnitTime[] = []
  for (const [i, raw] of data.entries()) {
    const u = raw as Record<string, unknown>
    const { name, version, target, start, duration } = u ?? {}
    if (typeof name !== 'string' || typeof version !== 'string' || typeof duration !== 'number')
      return fail(
        `UNIT_DATA entry ${i} of the cargo timing report has no name, version and duration (keys: ${Object.keys(u ?? {}).join(', ') || 'none'})`
      )
    units.push({
      name,
      version,
      target: typeof target === 'string' ? target : '',
      start: typeof start === 'number' ? start : 0,
      duration
    })
  }
  return { units, problem: null }
}

/** The units of workspace members (same name and version), as crate times. */
export function workspaceCrateTimes(
  units: readonly UnitTime[],
  members: readonly { name: string; version: string }[]
): CrateTime[] {
  const ours = new Set(members.map(p => `${p.name}@${p.version}`))
  return units
    .filter(u => ours.has(`${u.name}@${u.version}`))
    .map(u => ({ crate: u.name, kind: u.target.trim() || 'lib', seconds: u.duration }))
}

/** Where cargo says it wrote the report: `Timing report saved to <path>` on stderr. */
export function savedReportPath(stderrLine: string): string | null {
  const m = /^\s*Timing report saved to (.+?)\s*$/.exec(stderrLine)
  return m ? m[1] : null
}

function fail(problem: string): ParsedTimings {
  return { units: null, problem }
}

/** Index of the `]` closing the `[` at `open`, skipping brackets inside JSON strings; -1 if none. */
function matchingBracket(text: string, open: number): number {
  let depth = 0
  let inString = false
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}
