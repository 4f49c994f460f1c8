// From the run history (the current run last) and the clock: since when the build is unstable, which
// conflicts the stretch found and which are gone, and when escalation is due. Pure.
import { conflictIds } from '../conflicts/index.js'
import { burndown, type Burndown } from './burndown.js'
import type { RunRecord } from './history.js'

export interface RunPoint {
  at: string
  sha: string | null
}

export interface TrackerStatus {
  stable: boolean
  current: RunPoint & { runUrl: string | null }
  /** First run of the current unstable stretch; null when the build is stable. */
  unstableSince: RunPoint | null
  /** First run of the current stable stretch; null when the build is unstable. */
  stableSince: RunPoint | null
  /** Milliseconds the current stretch (stable or unstable) has lasted. */
  forMs: number
  /** The current stretch begins at the oldest run kept: it may have begun earlier. */
  stretchStartsHistory: boolean
  /** The unstable stretch this stable run ended, if it just ended one. */
  endedStretch: { since: RunPoint; forMs: number } | null
  /** Conflict identities (code:crate): seen in the stretch since the last stable run, gone now, still there. */
  conflicts: { found: string[]; resolved: string[]; open: string[] }
  escalation: {
    afterMs: number | null
    /** When the unstable stretch reaches `afterMs`; null when stable or off. */
    dueAt: string | null
    due: boolean
  }
  /** Workspace warnings across the runs that kept them; absent until one did. */
  warnings?: Burndown
}

export function deriveStatus(history: RunRecord[], now: Date, escalateAfterMs: number | null): TrackerStatus {
  if (!history.length) throw new Error('deriveStatus needs the current run in the history')
  const runs = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  const current = runs.at(-1)!
  // The stretch: consecutive runs with the current verdict, back to the last run with the other one.
  let start = runs.length - 1
  while (start > 0 && runs[start - 1].stable === current.stable) start--
  const point = (r: RunRecord): RunPoint => ({ at: r.at, sha: r.sha })
  const since = runs[start]
  const forMs = Math.max(0, now.getTime() - Date.parse(since.at))

  // The unstable runs the conflicts are counted over: this stretch, or the one this stable run ended.
  let unstable: RunRecord[] = []
  let endedStretch: TrackerStatus['endedStretch'] = null
  if (!current.stable) unstable = runs.slice(start)
  else if (start > 0) {
    let first = start - 1
    while (first > 0 && !runs[first - 1].stable) first--
    unstable = runs.slice(first, start)
    // A stable run that follows an unstable one ends that stretch; later stable runs report it no more.
    if (runs.length - 1 === start)
      endedStretch = {
        since: point(runs[first]),
        forMs: Math.max(0, Date.parse(current.at) - Date.parse(runs[first].at))
      }
  }
  const open = conflictIds(current.findings)
  const found = [...new Set([...unstable.flatMap(r => conflictIds(r.findings)), ...open])].sort()
  const resolved = found.filter(id => !open.includes(id))

  const dueAt =
    !current.stable && escalateAfterMs !== null
      ? new Date(Date.parse(since.at) + escalateAfterMs).toISOString()
      : null
  return {
    stable: current.stable,
    current: { ...point(current), runUrl: current.runUrl },
    unstableSince: current.stable ? null : point(since),
    stableSince: current.stable ? point(since) : null,
    forMs,
    stretchStartsHistory: start === 0,
    endedStretch,
    conflicts: { found, resolved, open },
    escalation: {
      afterMs: escalateAfterMs,
      dueAt,
      due: dueAt !== null && now.getTime() >= Date.parse(dueAt)
    },
    ...withBurndown(runs)
  }
}

function withBurndown(runs: RunRecord[]): { warnings?: Burndown } {
  const b = burndown(runs)
  return b ? { warnings: b } : {}
}
