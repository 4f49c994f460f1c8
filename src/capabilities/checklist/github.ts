// The checklist's GitHub adapter: read the gate workstream's tracking issue (body, labels, markers in its
// comments) and make the planned writes. Thin: decisions are in plan.ts.
import { commentOnce, listComments } from '../../github/create-once.js'
import { NO_RETRY } from '../../github/no-retry.js'
import { listAll } from '../../github/paginate.js'
import {
  addLabel,
  applyInOrder,
  removeLabel,
  type GitHubClient,
  type Repo,
  type WritesApplied
} from '../../github/writes.js'
import { lastMarker } from './escalation.js'
import { describeTrackerWrite, type TrackedIssueView, type TrackerWrite } from './plan.js'

interface Issue {
  number: number
  state: string
  body?: string | null
  labels: (string | { name?: string })[]
  pull_request?: unknown
}

/** The open issue labelled `label` (the oldest if several); a closed one is `closed`. */
export async function readTrackingIssue(
  client: GitHubClient,
  repo: Repo,
  label: string
): Promise<{ issue: TrackedIssueView | null; closed: number | null }> {
  const found = (
    await listAll<Issue>(client, 'GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: 'all' })
  ).filter(i => !i.pull_request)
  const open = found.filter(i => i.state === 'open').sort((a, b) => a.number - b.number)[0]
  if (!open) return { issue: null, closed: found[0]?.number ?? null }
  const comments = await listComments(client, repo, open.number)
  return {
    issue: {
      number: open.number,
      body: open.body ?? null,
      labels: open.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))),
      marker: lastMarker(comments.map(c => c.body))
    },
    closed: null
  }
}

export async function applyTrackerWrites(
  client: GitHubClient,
  repo: Repo,
  writes: TrackerWrite[],
  log: (line: string) => void
): Promise<WritesApplied> {
  return applyInOrder(writes, {
    what: w => {
      const d = describeTrackerWrite(w)
      return `${d.kind} ${d.target} (${d.detail})`
    },
    apply: w => applyOne(client, repo, w),
    unrepeatable: w =>
      w.kind === 'dispatch'
        ? 'The escalation event may or may not have been delivered; it is not sent again now'
        : null,
    log
  })
}

async function applyOne(client: GitHubClient, repo: Repo, w: TrackerWrite): Promise<boolean> {
  switch (w.kind) {
    case 'update-body':
      await client.rest.issues.update({ ...repo, issue_number: w.issue, body: w.body })
      return true
    case 'add-label':
      return addLabel(client, repo, w.issue, w.label)
    case 'remove-label':
      return removeLabel(client, repo, w.issue, w.label)
    case 'comment':
      await commentOnce(client, repo, w.issue, w.body)
      return true
    case 'dispatch':
      await client.rest.repos.createDispatchEvent({
        ...repo,
        event_type: w.eventType,
        client_payload: w.payload,
        ...NO_RETRY
      })
      return true
  }
}
