// Creating on GitHub exactly once, for every capability that creates (labels, branches, issues,
// comments). A create is sent without retries: after an answer that may hide a success (5xx, a dropped
// connection, a timeout) what it would have made is looked for first, and only sent again when it is
// not there. An issue is found again by the hidden marker in its body; after creating one the label is
// listed again, and when concurrent runs each made one, the oldest is kept and the others (marked, so
// never a human's) are closed and unlabelled.
import type { GitHubClient } from './client.js'
import { NO_RETRY } from './no-retry.js'
import { listAll } from './paginate.js'
import { ambiguous, errorText, pause, status, type Repo } from './writes.js'

export const CREATE_ATTEMPTS = 3

/**
 * true: created by this run, also when GitHub applied the create but answered a 5xx or dropped the
 * connection (the re-read finds it); false: a 422 and the thing exists (someone else made it).
 */
export async function createOnce(
  create: () => Promise<unknown>,
  exists: () => Promise<boolean>,
  log: (line: string) => void
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await create()
      return true
    } catch (e) {
      if (status(e) === 422 && (await exists().catch(() => false))) return attempt > 1
      if (!ambiguous(e) || attempt >= CREATE_ATTEMPTS) throw e
      log(`${errorText(e)}; looking for it before trying again`)
      if (await exists()) return true
      await pause(1000 * attempt)
    }
  }
}

/** A repository label, made once (a concurrent run's or a human's counts as made). */
export function createLabelOnce(
  client: GitHubClient,
  repo: Repo,
  label: { name: string; color: string; description: string },
  log: (line: string) => void
): Promise<boolean> {
  return createOnce(
    () => client.rest.issues.createLabel({ ...repo, ...label, ...NO_RETRY }),
    () => labelExists(client, repo, label.name),
    log
  )
}

export async function labelExists(client: GitHubClient, repo: Repo, name: string): Promise<boolean> {
  try {
    await client.rest.issues.getLabel({ ...repo, name })
    return true
  } catch (e) {
    if (status(e) === 404) return false
    throw e
  }
}

export interface ListedIssue {
  number: number
  state: 'open' | 'closed'
  /** GitHub's `state_reason` of a closed issue (`completed`, `not_planned`, …); null when it gives none. */
  stateReason: string | null
  title: string
  labels: string[]
  body: string | null
}

interface IssueData {
  number: number
  state: string
  state_reason?: string | null
  title?: string
  body?: string | null
  pull_request?: unknown
  labels: (string | { name?: string })[]
}

/** Issues (not pull requests) carrying the label, oldest first. */
export async function listIssues(
  client: GitHubClient,
  repo: Repo,
  label: string,
  state: 'all' | 'open',
  log?: (line: string) => void
): Promise<ListedIssue[]> {
  const found = await listAll<IssueData>(
    client,
    'GET /repos/{owner}/{repo}/issues',
    { ...repo, labels: label, state, direction: 'asc' },
    log
  )
  return found
    .filter(i => !i.pull_request)
    .map(i => ({
      number: i.number,
      state: i.state === 'closed' ? ('closed' as const) : ('open' as const),
      stateReason: i.state_reason ?? null,
      title: i.title ?? '',
      labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))),
      body: i.body ?? null
    }))
    .sort((a, b) => a.number - b.number)
}

export interface IssueToCreate {
  title: string
  body: string
  labels: string[]
}

/** Which issues are this one: how it is listed and recognised. */
export interface IssueIdentity {
  /** The label it is listed by (one of its labels). */
  label: string
  /** Whether a body carries its hidden marker: only such an issue is found again or closed as a duplicate. */
  marked(body: string | null): boolean
  /** In words, for the log, e.g. `the tracking issue of testing`. */
  what: string
  /** Which open issues may be the one kept (the oldest of them); default: the marked ones. */
  keeps?(issue: ListedIssue): boolean
}

export interface CreatedIssue {
  number: number
  body: string
  /** Issues of concurrent runs closed as duplicates. */
  closed: number[]
}

export async function createIssueOnce(
  client: GitHubClient,
  repo: Repo,
  issue: IssueToCreate,
  id: IssueIdentity,
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
      log(`creating ${id.what} may have failed; looking for it before trying again`)
      const found = (await listIssues(client, repo, id.label, 'open')).find(i => id.marked(i.body))
      if (found) number = found.number
      else await pause(1000 * attempt)
    }
  }
  const open = await listIssues(client, repo, id.label, 'open')
  return closeDuplicates(client, repo, open, id, { number, body: issue.body }, log)
}

/**
 * Of the open issues listed, the oldest that may stand for it is kept (`mine` when GitHub lists none
 * yet); every other marked one is closed as not planned, its labels removed.
 */
export async function closeDuplicates(
  client: GitHubClient,
  repo: Repo,
  open: readonly ListedIssue[],
  id: IssueIdentity,
  mine: { number: number; body: string },
  log: (line: string) => void
): Promise<CreatedIssue> {
  const keeps = id.keeps ?? ((i: ListedIssue) => id.marked(i.body))
  const winner = open.find(keeps) ?? { number: mine.number, body: mine.body }
  const extra = open.filter(i => i.number !== winner.number && id.marked(i.body))
  for (const dup of extra) {
    await client.rest.issues.update({
      ...repo,
      issue_number: dup.number,
      state: 'closed',
      state_reason: 'not_planned',
      labels: []
    })
    log(`closed #${dup.number}: a concurrent run also created ${id.what}; #${winner.number} is kept`)
  }
  return { number: winner.number, body: winner.body ?? mine.body, closed: extra.map(i => i.number) }
}

export const listComments = (client: GitHubClient, repo: Repo, issue: number) =>
  listAll<{ id: number; body?: string | null }>(
    client,
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...repo, issue_number: issue }
  )

/**
 * A comment is not idempotent: sent without retries, and after an answer that may hide an applied write
 * the issue's comments are read for `found` (by default this very body) before trying again.
 */
export async function commentOnce(
  client: GitHubClient,
  repo: Repo,
  issue: number,
  body: string,
  found: (comment: string) => boolean = c => c === body
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.rest.issues.createComment({ ...repo, issue_number: issue, body, ...NO_RETRY })
      return
    } catch (e) {
      if (!ambiguous(e) || attempt >= CREATE_ATTEMPTS) throw e
      if ((await listComments(client, repo, issue)).some(c => found(c.body ?? ''))) return
      await pause(1000 * attempt)
    }
  }
}
