// The tracker's GitHub adapter: read the gate workstream's tracking issue (body, labels, markers in its
// comments) and make the planned writes. Thin: decisions are in plan.ts.
import { errorText, requestFailed, status, type GitHubClient, type Repo } from '../workstreams/github.js'
import { lastMarker } from './escalation.js'
import { describeTrackerWrite, type TrackedIssueView, type TrackerWrite } from './plan.js'

/** The open issue labelled `label` (the oldest if several); a closed one is `closed`. */
export async function readTrackingIssue(
  client: GitHubClient,
  repo: Repo,
  label: string
): Promise<{ issue: TrackedIssueView | null; closed: number | null }> {
  const found = (
    await client.paginate(client.rest.issues.listForRepo, {
      ...repo,
      labels: label,
      state: 'all',
      per_page: 100
    })
  ).filter(i => !i.pull_request)
  const open = found.filter(i => i.state === 'open').sort((a, b) => a.number - b.number)[0]
  if (!open) return { issue: null, closed: found[0]?.number ?? null }
  const comments = await client.paginate(client.rest.issues.listComments, {
    ...repo,
    issue_number: open.number,
    per_page: 100
  })
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

export interface TrackerApplyResult {
  applied: number
  /** Set when the token may not write (HTTP 403): what was refused. Writes stop there. */
  forbidden: string | null
}

export async function applyTrackerWrites(
  client: GitHubClient,
  repo: Repo,
  writes: TrackerWrite[],
  log: (line: string) => void
): Promise<TrackerApplyResult> {
  const result: TrackerApplyResult = { applied: 0, forbidden: null }
  for (const w of writes) {
    const d = describeTrackerWrite(w)
    const what = `${d.kind} ${d.target} (${d.detail})`
    try {
      const changed = await applyOne(client, repo, w)
      if (changed) result.applied++
      log(`${changed ? '✓' : '='} ${what}`)
    } catch (e) {
      if (status(e) === 403) {
        result.forbidden = `${what}: ${errorText(e)}`
        log(`✗ ${what}: forbidden (HTTP 403); no further writes`)
        return result
      }
      throw requestFailed(what, e)
    }
  }
  return result
}

async function applyOne(client: GitHubClient, repo: Repo, w: TrackerWrite): Promise<boolean> {
  switch (w.kind) {
    case 'update-body':
      await client.rest.issues.update({ ...repo, issue_number: w.issue, body: w.body })
      return true
    case 'add-label':
      await client.rest.issues.addLabels({ ...repo, issue_number: w.issue, labels: [w.label] })
      return true
    case 'remove-label':
      try {
        await client.rest.issues.removeLabel({ ...repo, issue_number: w.issue, name: w.label })
        return true
      } catch (e) {
        if (status(e) === 404) return false
        throw e
      }
    case 'comment':
      await client.rest.issues.createComment({ ...repo, issue_number: w.issue, body: w.body })
      return true
    case 'dispatch':
      await client.rest.repos.createDispatchEvent({
        ...repo,
        event_type: w.eventType,
        client_payload: w.payload
      })
      return true
  }
}
