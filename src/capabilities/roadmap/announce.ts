// What to announce, from what GitHub shows (readiness from the verdict and the tracking issues, the
// branches that exist) against what was last announced (ledger.ts), never from this run's own writes:
// a dispatch that failed, or labels and branches moved by a run that died before its dispatch, are
// announced by the next run that gets that far. Pure.
import type { Announced, LedgerEntry } from './ledger.js'
import { announcedState } from './markers.js'
import type { Workstream } from './model.js'
import type { Readiness, TrackedIssue } from './readiness.js'

export interface Announcement {
  unblocked: string[]
  blocked: string[]
  /** Branches of ready workstreams that no announcement reported yet (this run's, or a lost one's). */
  branchesCreated: string[]
  /** What the ledger holds for each workstream once this went out. */
  record: Record<string, LedgerEntry>
}

export interface AnnounceInput {
  readiness: Readiness[]
  workstreams: Workstream[]
  last: ReadonlyMap<string, LedgerEntry>
  /** Workstream branches that exist now. */
  branches: ReadonlySet<string>
}

export const NOTHING: Announcement = { unblocked: [], blocked: [], branchesCreated: [], record: {} }

export function announcements(i: AnnounceInput): Announcement {
  const out: Announcement = { unblocked: [], blocked: [], branchesCreated: [], record: {} }
  for (const r of i.readiness) {
    if (r.isGate || r.done) continue
    const last = i.last.get(r.name) ?? null
    const branch = i.workstreams.find(w => w.name === r.name)?.branch ?? null
    const newBranch = r.state === 'ready' && !!branch && i.branches.has(branch) && last?.branch !== branch
    if (last?.state === r.state && !newBranch) continue
    if (last?.state !== r.state) (r.state === 'ready' ? out.unblocked : out.blocked).push(r.name)
    if (newBranch) out.branchesCreated.push(branch)
    out.record[r.name] = { state: r.state, branch: newBranch ? branch : (last?.branch ?? null) }
  }
  return out
}

export const isEmpty = (a: Announcement): boolean => Object.keys(a.record).length === 0

/**
 * Before the ledger, a successful dispatch was recorded in each tracking issue it made (a hidden
 * marker); labels are not evidence (a run that died before its dispatch moved them too).
 */
export function announcedInIssues(
  issues: ReadonlyMap<string, TrackedIssue | null>,
  workstreams: Workstream[],
  branches: ReadonlySet<string>
): Map<string, LedgerEntry> {
  const out = new Map<string, LedgerEntry>()
  for (const ws of workstreams) {
    const state = announcedState(issues.get(ws.name)?.body)
    if (state !== 'ready' && state !== 'blocked') continue
    const branch = state === 'ready' && ws.branch && branches.has(ws.branch) ? ws.branch : null
    out.set(ws.name, { state: state as Announced, branch })
  }
  return out
}
