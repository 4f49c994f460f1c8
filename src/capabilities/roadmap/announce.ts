// What to announce, from what GitHub shows against what was last announced (a marker in each tracking
// issue), not from this run's own writes: a dispatch that failed, or labels moved by a run that died
// before its dispatch, are announced by the next run that gets that far. Pure.
import { announcedState, type Announced } from './markers.js'
import type { Readiness, TrackedIssue } from './readiness.js'

export interface Announcement {
  unblocked: string[]
  blocked: string[]
  /** Tracking issues whose marker must say the new state once the dispatch went through. */
  record: { workstream: string; issue: number; body: string | null; state: Announced }[]
}

export interface AnnounceInput {
  readiness: Readiness[]
  /** Tracking issues as observed before this run's writes. */
  before: Map<string, TrackedIssue | null>
  /** Tracking issues this run created, with the body it gave them. */
  created: Map<string, { number: number; body: string }>
  /** Workstreams whose branch this run created. */
  branchCreated: string[]
  /** Label names of the two states, to read an issue that has no marker yet. */
  readyLabel: string
  blockedLabel: string
}

export function announcements(i: AnnounceInput): Announcement {
  const out: Announcement = { unblocked: [], blocked: [], record: [] }
  for (const r of i.readiness) {
    if (r.isGate || r.done) continue
    const existing = i.before.get(r.name) ?? null
    const made = i.created.get(r.name)
    const issue = existing ? { number: existing.number, body: existing.body ?? null } : (made ?? null)
    if (!issue) {
      // No issue to hold a marker: only this run's branch creation says something changed.
      if (i.branchCreated.includes(r.name)) out.unblocked.push(r.name)
      continue
    }
    // A new issue's body says nothing was announced; one from before markers: its labels were.
    const last = existing ? (announcedState(existing.body) ?? labelState(existing, i)) : 'none'
    if (last === r.state) continue
    ;(r.state === 'ready' ? out.unblocked : out.blocked).push(r.name)
    out.record.push({ workstream: r.name, issue: issue.number, body: issue.body, state: r.state })
  }
  return out
}

function labelState(issue: TrackedIssue, i: AnnounceInput): Announced | null {
  const has = (name: string) => issue.labels.some(l => l.toLowerCase() === name.toLowerCase())
  const ready = has(i.readyLabel)
  const blocked = has(i.blockedLabel)
  return ready === blocked ? null : ready ? 'ready' : 'blocked'
}
