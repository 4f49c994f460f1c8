// One sticky comment per pull request, found by a hidden marker and edited in place. Creating is never
// repeated blindly (after a 5xx or a dropped connection the comments are read again first), and
// concurrent runs converge: the oldest marked comment is kept, carrying the latest body; the others
// are deleted.
import type { GitHubClient } from './client.js'
import { NO_RETRY } from './no-retry.js'
import { GitHubRequestError } from './errors.js'
import { listAll } from './paginate.js'

export const COMMENT_MARKER = '<!-- build-gate -->'
/** GitHub refuses comment bodies over 65 536 characters. */
export const MAX_COMMENT_CHARS = 65_536
const ATTEMPTS = 3

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'forbidden'

export interface PullRequestTarget {
  owner: string
  repo: string
  number: number
}

interface Comment {
  id: number
  body?: string | null
}

export async function upsertStickyComment(
  client: GitHubClient,
  target: PullRequestTarget,
  markdown: string,
  log: (line: string) => void = () => undefined
): Promise<{ action: CommentAction; id: number | null }> {
  const repo = { owner: target.owner, repo: target.repo }
  const body = commentBody(markdown)
  const list = async () =>
    (
      await listAll<Comment>(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: target.number
      })
    )
      .filter(c => c.body?.includes(COMMENT_MARKER))
      .sort((a, b) => a.id - b.id)
  try {
    const existing = await list()
    if (existing.length) return await keepOldest(client, repo, existing, body, null, log)
    let created: number | null = null
    for (let attempt = 1; created === null; attempt++) {
      try {
        const { data } = await client.rest.issues.createComment({
          ...repo,
          issue_number: target.number,
          body,
          ...NO_RETRY
        })
        created = data.id
      } catch (e) {
        if (!(e instanceof GitHubRequestError && e.ambiguous) || attempt >= ATTEMPTS) throw e
        log(
          `commenting on pull request #${target.number} may have failed; reading the comments before trying again`
        )
        const found = await list()
        if (found.length) created = found[0].id
        else await new Promise(r => setTimeout(r, 1000 * attempt))
      }
    }
    const now = await list()
    return await keepOldest(client, repo, now.length ? now : [{ id: created, body }], body, created, log)
  } catch (e) {
    // A fork PR's token (or one without pull-requests: write) may read but not comment.
    if (e instanceof GitHubRequestError && e.status === 403) return { action: 'forbidden', id: null }
    throw e
  }
}

async function keepOldest(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  marked: Comment[],
  body: string,
  created: number | null,
  log: (line: string) => void
): Promise<{ action: CommentAction; id: number }> {
  const [oldest, ...extra] = marked
  for (const c of extra) {
    try {
      await client.rest.issues.deleteComment({ ...repo, comment_id: c.id })
      log(`deleted comment ${c.id}: another run posted the sticky comment too; ${oldest.id} is kept`)
    } catch (e) {
      // A concurrent run deleted it first.
      if (!(e instanceof GitHubRequestError && e.status === 404)) throw e
    }
  }
  if (oldest.body === body) return { action: oldest.id === created ? 'created' : 'unchanged', id: oldest.id }
  await client.rest.issues.updateComment({ ...repo, comment_id: oldest.id, body })
  return { action: 'updated', id: oldest.id }
}

/** The marker first; a body over GitHub's limit is cut with a note (the job summary has it all). */
export function commentBody(markdown: string): string {
  const text = markdown.includes(COMMENT_MARKER) ? markdown : `${COMMENT_MARKER}\n${markdown}`
  if (text.length <= MAX_COMMENT_CHARS) return text
  const note =
    '\n\n_… cut here: the comment is over GitHub’s size limit. The job summary and the JSON report have everything._'
  return text.slice(0, MAX_COMMENT_CHARS - note.length) + note
}
