// One sticky comment per pull request, found by a hidden marker and edited in place.
import type { RunContext } from '../github/context.js'
import { requestFailed, status, type GitHubClient } from './github.js'

export const COMMENT_MARKER = '<!-- build-gate -->'

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'forbidden'

export async function upsertStickyComment(
  client: GitHubClient,
  ctx: Pick<RunContext, 'owner' | 'repo' | 'pullRequest'>,
  markdown: string
): Promise<{ action: CommentAction; id: number | null }> {
  if (!ctx.owner || !ctx.repo || !ctx.pullRequest)
    throw new Error(
      'upsertStickyComment needs a pull request run (GITHUB_REPOSITORY and a pull_request event)'
    )
  const target = { owner: ctx.owner, repo: ctx.repo, issue_number: ctx.pullRequest.number }
  const body = markdown.includes(COMMENT_MARKER) ? markdown : `${COMMENT_MARKER}\n${markdown}`
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { ...target, per_page: 100 })
    const mine = comments.find(c => c.body?.includes(COMMENT_MARKER))
    if (mine && mine.body === body) return { action: 'unchanged', id: mine.id }
    if (mine) {
      await client.rest.issues.updateComment({ owner: ctx.owner, repo: ctx.repo, comment_id: mine.id, body })
      return { action: 'updated', id: mine.id }
    }
    const { data } = await client.rest.issues.createComment({ ...target, body })
    return { action: 'created', id: data.id }
  } catch (e) {
    // A fork PR's token (or one without pull-requests: write) may read but not comment.
    if (status(e) === 403) return { action: 'forbidden', id: null }
    throw requestFailed(`comment on pull request #${ctx.pullRequest.number}`, e)
  }
}
