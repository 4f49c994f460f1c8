// The stabilization status in one line, for the job summary, the PR comment and the terminal:
// "unstable for 2 days since 1a2b3c4, 1 of 3 conflicts resolved; escalates in 1 day". Pure.
import { formatDuration } from './duration.js'
import type { RunPoint, TrackerStatus } from './status.js'

export function statusLine(s: TrackerStatus, now: Date, escalated: boolean | null = null): string {
  const { found, resolved } = s.conflicts
  const conflicts = found.length
    ? `${resolved.length} of ${found.length} conflict${found.length === 1 ? '' : 's'} resolved`
    : ''
  if (s.stable) {
    if (s.endedStretch)
      return join(
        `stable again since ${where(s.current)}, after ${formatDuration(s.endedStretch.forMs)} unstable`,
        conflicts
      )
    return isCurrent(s.stableSince!, s)
      ? `stable since this run (${where(s.current)})`
      : `stable for ${formatDuration(s.forMs)} since ${where(s.stableSince!)}`
  }
  const since = s.unstableSince!
  const head = isCurrent(since, s)
    ? `unstable since this run (${where(since)})`
    : `unstable for ${formatDuration(s.forMs)} since ${where(since)}`
  let tail = ''
  const after = s.escalation.afterMs
  if (escalated) tail = `escalated (unstable longer than ${formatDuration(after ?? 0)})`
  else if (s.escalation.dueAt && !s.escalation.due)
    tail = `escalates in ${formatDuration(Date.parse(s.escalation.dueAt) - now.getTime())}`
  else if (s.escalation.due) tail = `past escalate-after (${formatDuration(after ?? 0)})`
  const body = conflicts ? `${head}, ${conflicts}` : head
  return tail ? `${body}; ${tail}` : body
}

/** A commit as `1a2b3c4`, or the run's time when no commit is known. */
export function where(p: RunPoint): string {
  return p.sha ? p.sha.slice(0, 7) : `${p.at.slice(0, 16).replace('T', ' ')} UTC`
}

/** "2026-11-25 08:00 UTC (commit 1a2b3c4)". */
export function when(p: RunPoint): string {
  const time = `${p.at.slice(0, 16).replace('T', ' ')} UTC`
  return p.sha ? `${time} (commit ${p.sha.slice(0, 7)})` : time
}

const isCurrent = (p: RunPoint, s: TrackerStatus) => p.at === s.current.at && p.sha === s.current.sha
const join = (a: string, b: string) => (b ? `${a}; ${b}` : a)
