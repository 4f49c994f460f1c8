// The local GitHub API's pull request files and reviews, over real HTTP with Octokit: a review's
// comments must sit on the diff as GitHub requires (422 in GitHub's words otherwise, nothing created).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { RestOctokit, type GitHubClient } from '../src/github/client.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

const repo = { owner: 'octo-org', repo: 'octo-repo' }
// Two hunks: head lines 3-6 (5 added) and 20-22 (21 added).
const PATCH = [
  '@@ -3,3 +3,4 @@ fn f() {',
  ' a',
  ' b',
  '+c',
  ' d',
  '@@ -19,3 +20,3 @@ fn g() {',
  ' x',
  '-y',
  '+z',
  ' w'
].join('\n')

let api: GitHubApi
let rw: GitHubClient
let pr: number

beforeEach(async () => {
  api = await startGitHubApi({ tokens: { rw: 'write', ro: 'read' } })
  rw = new RestOctokit({ auth: 'rw', baseUrl: api.url })
  api.state.addBranch('change')
  api.state.writeFile('src/lib.rs', 'changed\n', 'change')
  pr = api.state.addPullRequest({ title: 'p', head: 'change' }).number
  api.state.pullFiles.set(pr, [
    { filename: 'src/lib.rs', status: 'modified', patch: PATCH },
    { filename: 'logo.png', status: 'added' }
  ])
})
afterEach(async () => {
  await api.close()
})

async function failure(call: Promise<unknown>): Promise<{ status: number; errors: unknown }> {
  try {
    await call
  } catch (e) {
    const err = e as { status: number; response: { data: { message: string; errors: unknown } } }
    expect(err.response.data.message).toBe('Unprocessable Entity')
    return { status: err.status, errors: err.response.data.errors }
  }
  throw new Error('expected the request to fail')
}

type Comment = {
  path: string
  body: string
  line?: number
  side?: string
  start_line?: number
  start_side?: string
}
const review = (comments: Comment[], extra: Record<string, unknown> = {}) =>
  rw.rest.pulls.createReview({ ...repo, pull_number: pr, event: 'COMMENT', body: 'r', comments, ...extra })

describe('pull request files', () => {
  it('lists the changed files page by page, with the patch when there is one', async () => {
    const files = await rw.paginate(rw.rest.pulls.listFiles, { ...repo, pull_number: pr, per_page: 1 })
    expect(files.map(f => [f.filename, f.status, f.additions, f.deletions, f.patch])).toEqual([
      ['src/lib.rs', 'modified', 2, 1, PATCH],
      ['logo.png', 'added', 0, 0, undefined]
    ])
  })
})

describe('reviews', () => {
  it('posts a review with comments on diff lines (context lines too, multi-line within a hunk)', async () => {
    const { data } = await review([
      { path: 'src/lib.rs', line: 5, side: 'RIGHT', body: 'one' },
      { path: 'src/lib.rs', line: 6, start_line: 3, side: 'RIGHT', start_side: 'RIGHT', body: 'many' },
      { path: 'src/lib.rs', line: 20, body: 'context' }
    ])
    expect(data).toMatchObject({ state: 'COMMENTED', body: 'r', commit_id: api.state.branch('change') })
    expect(data.html_url).toBe(
      `https://github.com/octo-org/octo-repo/pull/${pr}#pullrequestreview-${data.id}`
    )
    const listed = await rw.paginate(rw.rest.pulls.listReviews, { ...repo, pull_number: pr })
    expect(listed.map(r => r.id)).toEqual([data.id])
    expect(api.state.reviews[0].comments.map(c => [c.startLine, c.line])).toEqual([
      [null, 5],
      [3, 6],
      [null, 20]
    ])
  })

  it('refuses the whole review, in GitHub’s words, when one comment is off the diff', async () => {
    const ok = { path: 'src/lib.rs', line: 5, body: 'fine' }
    expect(await failure(review([ok, { path: 'src/lib.rs', line: 10, body: 'between hunks' }]))).toEqual({
      status: 422,
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"
      ]
    })
    expect(await failure(review([{ path: 'src/other.rs', line: 1, body: 'not changed' }]))).toMatchObject({
      status: 422
    })
    expect(
      await failure(review([{ path: 'src/lib.rs', start_line: 5, line: 21, body: 'two hunks' }]))
    ).toEqual({
      status: 422,
      errors: ['Pull request review thread start line must be part of the same hunk as the line.']
    })
    expect(await failure(review([{ path: 'src/lib.rs', start_line: 5, line: 5, body: 'same' }]))).toEqual({
      status: 422,
      errors: ['Pull request review thread start line must precede the end line.']
    })
    expect(await failure(review([ok], { body: '' }))).toMatchObject({ status: 422 })
    expect(api.state.reviews).toEqual([])
  })

  it('answers a read-only token 403 and creates nothing', async () => {
    const ro = new RestOctokit({ auth: 'ro', baseUrl: api.url })
    const denied = await ro.rest.pulls
      .createReview({ ...repo, pull_number: pr, event: 'COMMENT', body: 'r' })
      .catch((e: { status: number }) => e.status)
    expect(denied).toBe(403)
    expect(api.state.reviews).toEqual([])
  })

  it('lists a review’s comments, deletes one once (then 404), and edits the review’s body', async () => {
    const { data } = await review([
      { path: 'src/lib.rs', line: 5, body: 'one' },
      { path: 'src/lib.rs', line: 21, body: 'two' }
    ])
    const list = () =>
      rw.paginate(rw.rest.pulls.listCommentsForReview, { ...repo, pull_number: pr, review_id: data.id })
    const [first] = await list()
    expect(first).toMatchObject({ pull_request_review_id: data.id, path: 'src/lib.rs', line: 5, body: 'one' })
    await rw.rest.pulls.deleteReviewComment({ ...repo, comment_id: first.id })
    const again = await rw.rest.pulls
      .deleteReviewComment({ ...repo, comment_id: first.id })
      .catch((e: { status: number }) => e.status)
    expect(again).toBe(404)
    expect((await list()).map(c => c.body)).toEqual(['two'])
    await rw.rest.pulls.updateReview({ ...repo, pull_number: pr, review_id: data.id, body: 'edited' })
    expect(api.state.reviews[0].body).toBe('edited')
  })
})
