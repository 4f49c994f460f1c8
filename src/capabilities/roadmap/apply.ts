// The roadmap's writes to GitHub, under the gate's write policy (github/writes.ts). Creates tolerate a
// concurrent writer (422 "already exists" is success once a re-read confirms it); removing a label
// that is already gone is a no-op; the writes GitHub cannot deduplicate (issue, dispatch) are never
// repeated blindly.
import { NO_RETRY } from '../../github/no-retry.js'
import {
  addLabel,
  applyInOrder,
  removeLabel,
  status,
  type GitHubClient,
  type Repo,
  type WritesApplied
} from '../../github/writes.js'
import { describeWrite, type Write } from './plan.js'
import { branchExists } from './observe.js'
import { createTrackingIssue } from './tracking.js'

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
  writes: Write[],
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

async function applyOne(client: GitHubClient, repo: Repo, w: Write, s: Scope): Promise<boolean> {
  switch (w.kind) {
    case 'create-label':
      return alreadyExists(
        () =>
          client.rest.issues.createLabel({
            ...repo,
            name: w.name,
            color: w.color,
            description: w.description
          }),
        async () => !!(await client.rest.issues.getLabel({ ...repo, name: w.name })).data
      )
    case 'create-issue': {
      const made = await createTrackingIssue(client, repo, w, s.prefix + w.workstream, s.log)
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
      return alreadyExists(
        () => client.rest.git.createRef({ ...repo, ref: `refs/heads/${w.branch}`, sha }),
        () => branchExists(client, repo, w.branch)
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
    case 'record-announced':
      await client.rest.issues.update({ ...repo, issue_number: w.issue, body: w.body })
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

// true: created now; false: a 422 and the thing exists (someone else made it). Anything else propagates.
async function alreadyExists(
  create: () => Promise<unknown>,
  exists: () => Promise<boolean>
): Promise<boolean> {
  try {
    await create()
    return true
  } catch (e) {
    if (status(e) === 422 && (await exists().catch(() => false))) return false
    throw e
  }
}
