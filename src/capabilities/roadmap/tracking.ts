// Creating a tracking issue exactly once. The create is never retried blindly: after an answer that
// may hide a success (5xx, dropped connection) the issue is looked for by its marker first. After
// creating, the label is listed again: when concurrent runs each made one, the oldest wins and every
// other issue build-gate made for that workstream is closed and unlabelled.
import { NO_RETRY } from '../../github/no-retry.js'
import { ambiguous, pause, type GitHubClient, type Repo } from '../../github/writes.js'
import { hasTrackingMarker } from './markers.js'
import { listTracking } from './observe.js'

export const CREATE_ATTEMPTS = 3

export interface IssueToCreate {
  workstream: string
  title: string
  body: string
  labels: string[]
}

export interface CreatedIssue {
  number: number
  body: string
  /** Issues of concurrent runs closed as duplicates. */
  closed: number[]
}

export async function createTrackingIssue(
  client: GitHubClient,
  repo: Repo,
  issue: IssueToCreate,
  label: string,
  log: (line: string) => void
): Promise<CreatedIssue> {
  let number: number | null = null
  for (let attempt = 1; number === null; attempt++) {
    try {
      const { data } = await client.rest.issues.create({
        ...repo,
        title: issue.title,
        body: issue.body,
        labels: issue.labels,
        ...NO_RETRY
      })
      number = data.number
    } catch (e) {
      if (!ambiguous(e) || attempt >= CREATE_ATTEMPTS) throw e
      log(
        `creating the tracking issue of ${issue.workstream} may have failed; looking for it before trying again`
      )
      const found = (await listTracking(client, repo, label, 'open')).find(i =>
        hasTrackingMarker(i.body, issue.workstream)
      )
      if (found) number = found.number
      else await pause(1000 * attempt)
    }
  }
  return converge(client, repo, issue.workstream, label, { number, body: issue.body }, log)
}

async function converge(
  client: GitHubClient,
  repo: Repo,
  workstream: string,
  label: string,
  mine: { number: number; body: string },
  log: (line: string) => void
): Promise<CreatedIssue> {
  const open = await listTracking(client, repo, label, 'open')
  const winner = open[0] ?? { number: mine.number, body: mine.body }
  const extra = open.filter(i => i.number !== winner.number && hasTrackingMarker(i.body, workstream))
  for (const dup of extra) {
    await client.rest.issues.update({
      ...repo,
      issue_number: dup.number,
      state: 'closed',
      state_reason: 'not_planned',
      labels: []
    })
    log(
      `closed #${dup.number}: a concurrent run also created the tracking issue of ${workstream}; #${winner.number} is kept`
    )
  }
  return { number: winner.number, body: winner.body ?? mine.body, closed: extra.map(i => i.number) }
}
