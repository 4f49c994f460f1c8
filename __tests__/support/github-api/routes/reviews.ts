// A pull request's changed files (with their patches), its reviews and their comments. Creating a
// review checks each comment against the diff as GitHub does: a line outside every hunk of the file's
// patch, a start line in another hunk or not before the line, or a file the pull request did not
// change is a 422 for the whole review (nothing is created). COMMENT and REQUEST_CHANGES need a body.
// A submitted review cannot be deleted, only its body edited; its comments can be deleted one by one.
import { fail, notFound, type Ctx, type Route } from '../http.js'
import { paginate } from '../paginate.js'
import { repoUrl } from '../shapes.js'
import { blobSha, type Issue, type PullFile, type Review, type ReviewComment } from '../state.js'

const R = '/repos/{owner}/{repo}'
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

function pull(c: Ctx): Issue {
  return c.state.issues.find(i => i.pullRequest && String(i.number) === c.params.pull_number) ?? notFound()
}

function renderFile(c: Ctx, f: PullFile) {
  const lines = (f.patch ?? '').split('\n')
  const additions = lines.filter(l => l.startsWith('+')).length
  const deletions = lines.filter(l => l.startsWith('-')).length
  const sha = blobSha(Buffer.from(f.patch ?? f.filename))
  return {
    sha,
    filename: f.filename,
    status: f.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `https://github.com/${c.state.fullName}/blob/${sha}/${f.filename}`,
    raw_url: `https://github.com/${c.state.fullName}/raw/${sha}/${f.filename}`,
    contents_url: `${repoUrl(c.origin, c.state)}/contents/${f.filename}`,
    ...(f.patch === undefined ? {} : { patch: f.patch })
  }
}

function renderReview(c: Ctx, r: Review) {
  const html = `https://github.com/${c.state.fullName}/pull/${r.pullNumber}#pullrequestreview-${r.id}`
  const pr = `${repoUrl(c.origin, c.state)}/pulls/${r.pullNumber}`
  return {
    id: r.id,
    node_id: Buffer.from(`PullRequestReview:${r.id}`).toString('base64'),
    user: BOT,
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: pr,
    author_association: 'CONTRIBUTOR',
    _links: { html: { href: html }, pull_request: { href: pr } },
    ...(r.submittedAt ? { submitted_at: r.submittedAt } : {}),
    commit_id: r.commitId
  }
}

/**
 * The hunks of a patch as right-side line ranges, read from the hunk headers alone
 * (`@@ -a,b +c,d @@`: lines c … c+d-1 of the head's file).
 */
function hunks(patch: string | undefined): [number, number][] {
  const out: [number, number][] = []
  for (const m of (patch ?? '').matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1])
    const count = m[2] === undefined ? 1 : Number(m[2])
    if (count > 0) out.push([start, start + count - 1])
  }
  return out
}

/** GitHub's complaints about one comment, in its words; [] when it fits the diff. */
function problems(files: PullFile[], comment: Record<string, unknown>): string[] {
  const file = files.find(f => f.filename === comment.path)
  const line = comment.line
  if (typeof line !== 'number')
    return typeof comment.position === 'number'
      ? []
      : ['Pull request review thread line must be part of the diff']
  if ((comment.side ?? 'RIGHT') !== 'RIGHT') return []
  const hunk = hunks(file?.patch).find(([a, b]) => a <= line && line <= b)
  if (!hunk)
    return [
      'Pull request review thread line must be part of the diff',
      "Pull request review thread diff hunk can't be blank"
    ]
  const start = comment.start_line
  if (start === undefined || start === null) return []
  if (typeof start !== 'number' || start >= line)
    return ['Pull request review thread start line must precede the end line.']
  if (start < hunk[0])
    return ['Pull request review thread start line must be part of the same hunk as the line.']
  return []
}

function review(c: Ctx): Review {
  const n = pull(c).number
  return c.state.reviews.find(r => r.pullNumber === n && String(r.id) === c.params.review_id) ?? notFound()
}

function renderComment(c: Ctx, r: Review, k: ReviewComment) {
  return {
    id: k.id,
    pull_request_review_id: r.id,
    path: k.path,
    line: k.line,
    start_line: k.startLine,
    side: k.side,
    body: k.body,
    commit_id: r.commitId,
    user: BOT,
    html_url: `https://github.com/${c.state.fullName}/pull/${r.pullNumber}#discussion_r${k.id}`,
    pull_request_url: `${repoUrl(c.origin, c.state)}/pulls/${r.pullNumber}`
  }
}

export const reviewRoutes: Route[] = [
  {
    method: 'GET',
    path: `${R}/pulls/{pull_number}/reviews/{review_id}/comments`,
    success: [200],
    handle: c => {
      const r = review(c)
      return paginate(c, r.comments, k => renderComment(c, r, k))
    }
  },
  {
    method: 'PUT',
    path: `${R}/pulls/{pull_number}/reviews/{review_id}`,
    success: [200],
    reads: ['body'],
    handle: c => {
      const r = review(c)
      if (typeof c.body.body !== 'string') fail(422, 'Invalid request.\n\n"body" wasn\'t supplied.')
      r.body = c.body.body as string
      return { status: 200, body: renderReview(c, r) }
    }
  },
  {
    method: 'DELETE',
    path: `${R}/pulls/comments/{comment_id}`,
    success: [204],
    handle: c => {
      for (const r of c.state.reviews) {
        const i = r.comments.findIndex(k => String(k.id) === c.params.comment_id)
        if (i < 0) continue
        r.comments.splice(i, 1)
        return { status: 204 }
      }
      return notFound()
    }
  },
  {
    method: 'GET',
    path: `${R}/pulls/{pull_number}/files`,
    success: [200],
    handle: c => paginate(c, c.state.pullFiles.get(pull(c).number) ?? [], f => renderFile(c, f))
  },
  {
    method: 'GET',
    path: `${R}/pulls/{pull_number}/reviews`,
    success: [200],
    handle: c => {
      const n = pull(c).number
      return paginate(
        c,
        c.state.reviews.filter(r => r.pullNumber === n),
        r => renderReview(c, r)
      )
    }
  },
  {
    method: 'POST',
    path: `${R}/pulls/{pull_number}/reviews`,
    success: [200],
    reads: ['commit_id', 'body', 'event', 'comments'],
    handle: c => {
      const pr = pull(c)
      const event = c.body.event
      if (event !== undefined && !['APPROVE', 'REQUEST_CHANGES', 'COMMENT'].includes(event as string))
        fail(422, 'Unprocessable Entity', { errors: [`event "${String(event)}" is not a permitted value.`] })
      const body = typeof c.body.body === 'string' ? c.body.body : ''
      if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && body === '')
        fail(422, 'Unprocessable Entity', { errors: [`Body is required when using ${event}`] })
      const head = c.state.branch(pr.pullRequest!.head) ?? ''
      const commitId = typeof c.body.commit_id === 'string' ? c.body.commit_id : head
      if (!c.state.commits.has(commitId)) fail(422, 'Unprocessable Entity', { errors: ['Commit not found'] })
      const files = c.state.pullFiles.get(pr.number) ?? []
      const given = Array.isArray(c.body.comments) ? (c.body.comments as Record<string, unknown>[]) : []
      const wrong = given.flatMap(k => problems(files, k))
      if (wrong.length) fail(422, 'Unprocessable Entity', { errors: [[...new Set(wrong)].join(' and ')] })
      const comments: ReviewComment[] = given.map(k => ({
        id: c.state.newId(),
        path: String(k.path),
        line: Number(k.line),
        startLine: typeof k.start_line === 'number' ? k.start_line : null,
        side: k.side === 'LEFT' ? 'LEFT' : 'RIGHT',
        body: String(k.body)
      }))
      const state =
        event === undefined
          ? 'PENDING'
          : event === 'APPROVE'
            ? 'APPROVED'
            : event === 'REQUEST_CHANGES'
              ? 'CHANGES_REQUESTED'
              : 'COMMENTED'
      const review: Review = {
        id: c.state.newId(),
        pullNumber: pr.number,
        body,
        state,
        commitId,
        submittedAt: state === 'PENDING' ? null : c.state.now(),
        comments
      }
      c.state.reviews.push(review)
      return { status: 200, body: renderReview(c, review) }
    }
  }
]
