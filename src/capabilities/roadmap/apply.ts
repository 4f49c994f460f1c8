// The roadmap's writes to GitHub, under the gate's write policy (github/writes.ts). Creates tolerate a
// concurrent writer (422 "already exists" is success once a re-read confirms it) and are never repeated
// blindly: after an answer that may hide a success (5xx, a dropped connection) the thing is looked for
// first, and found, it is this run's; removing a label that is already gone is a no-op; the writes
// GitHub cannot deduplicate (issue, dispatch) are never repeated blindly.
import { createIssueOnce, createLabelOnce, createOnce } from '../../github/create-once.js'
import { NO_RETRY } from '../../github/no-retry.js'
import {
  addLabel,
  applyInOrder,
  removeLabel,
  type GitHubClient,
  type Repo,
  type WritesApplied
} from '../../github/writes.js'
import { hasTrackingMarker } from './markers.js'
import { describeWrite, type GitHubWrite } from './plan.js'
import { branchExists } from './observe.js'

export interface ApplyResult extends WritesApplied {
  createdBranches: string[]
  /** Tracking issues made (or found made by a concurrent run), by workstream. */
  createdIssues: Map<string, { number: number; body: string }>
}

export interface ApplyOptions {
  /** The label that names a workstream's tracking issue. */
  prefix: string
}

export async function applyWrites(
  client: GitHubClient,
  repo: Repo,
  writes: GitHubWrite[],
  log: (line: string) => void,
  options: ApplyOptions
): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, createdBranches: [], createdIssues: new Map(), forbidden: null }
  const heads = new Map<string, string>()
  const done = await applyInOrder(writes, {
    what: w => {
      const d = describeWrite(w)
      return `${d.kind} ${d.target}`
    },
    apply: async w => {
      const changed = await applyOne(client, repo, w, { heads, result, log, prefix: options.prefix })
      if (changed && w.kind === 'create-branch') result.createdBranches.push(w.branch)
      return changed
    },
    unrepeatable: w =>
      w.kind === 'dispatch'
        ? 'The event may or may not have been delivered; it is not sent again now, and the next run announces these changes again'
        : null,
    unchanged: ' (already done by someone else)',
    log
  })
  // A created tracking issue counts the duplicates it closed as writes too.
  return { ...result, applied: result.applied + done.applied, forbidden: done.forbidden }
}

interface Scope {
  heads: Map<string, string>
  result: ApplyResult
  log: (line: string) => void
  prefix: string
}

async function applyOne(client: GitHubClient, repo: Repo, w: GitHubWrite, s: Scope): Promise<boolean> {
  switch (w.kind) {
    case 'create-label':
      return createLabelOnce(
        client,
        repo,
        { name: w.name, color: w.color, description: w.description },
        s.log
      )
    case 'create-issue': {
      // Any open issue with the workstream's label is its tracking issue; only marked ones are closed.
      const made = await createIssueOnce(
        client,
        repo,
        w,
        {
          label: s.prefix + w.workstream,
          marked: body => hasTrackingMarker(body, w.workstream),
          what: `the tracking issue of ${w.workstream}`,
          keeps: () => true
        },
        s.log
      )
      s.result.createdIssues.set(w.workstream, { number: made.number, body: made.body })
      s.result.applied += made.closed.length
      return true
    }
    case 'create-branch': {
      if (!s.heads.has(w.from)) {
        const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${w.from}` })
        s.heads.set(w.from, data.object.sha)
      }
      const sha = s.heads.get(w.from)!
      return createOnce(
        () => client.rest.git.createRef({ ...repo, ref: `refs/heads/${w.branch}`, sha, ...NO_RETRY }),
        () => branchExists(client, repo, w.branch),
        s.log
      )
    }
    case 'add-label':
      return addLabel(client, repo, w.issue, w.label)
    case 'remove-label':
      return removeLabel(client, repo, w.issue, w.label)
    case 'dispatch':
      await client.rest.repos.createDispatchEvent({
        ...repo,
        event_type: w.eventType,
        client_payload: w.payload,
        ...NO_RETRY
      })
      return true
    case 'close-duplicate':
      await client.rest.issues.update({
        ...repo,
        issue_number: w.issue,
        state: 'closed',
        state_reason: 'not_planned',
        labels: []
      })
      return true
  }
}
