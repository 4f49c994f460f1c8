// The sticky pull request comment over real HTTP: one comment whatever happens.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createClient } from '../src/github/client.js'
import { COMMENT_MARKER, MAX_COMMENT_CHARS, upsertStickyComment } from '../src/github/comment.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

let api: GitHubApi
let pr: number
beforeEach(async () => {
  api = await startGitHubApi({ owner: 'toka', repo: 'toka', tokens: { t: 'write', ro: 'read' } })
  pr = api.state.addPullRequest({ title: 'Fix' }).number
  api.state.addComment(pr, 'LGTM, a human wrote this')
})
afterEach(async () => api.close())

const client = (token = 't') => createClient(token, { baseUrl: api.url })
const target = () => ({ owner: 'toka', repo: 'toka', number: pr })
const mine = () => api.state.comments.filter(c => c.body.includes(COMMENT_MARKER))
const commentPosts = () =>
  api.requests.filter(r => r.method === 'POST' && r.path.endsWith(`/issues/${pr}/comments`))

describe('the sticky comment', () => {
  it('is created once, edited in place, untouched when unchanged; a human comment is left alone', async () => {
    expect((await upsertStickyComment(client(), target(), 'Build is stable')).action).toBe('created')
    expect((await upsertStickyComment(client(), target(), 'Build is unstable')).action).toBe('updated')
    expect((await upsertStickyComment(client(), target(), 'Build is unstable')).action).toBe('unchanged')
    expect(mine().map(c => c.body)).toEqual([`${COMMENT_MARKER}\nBuild is unstable`])
    expect(api.state.comments).toHaveLength(2)
  })

  it.each([
    ['a 502', { status: 502 }],
    ['a dropped connection', { reset: true }]
  ])('answered with %s after GitHub made it: found again, not posted twice', async (_n, fault) => {
    api.fault({ method: 'POST', path: `/repos/toka/toka/issues/${pr}/comments`, afterApply: true, ...fault })
    const r = await upsertStickyComment(client(), target(), 'Build is stable')
    expect(mine()).toHaveLength(1)
    expect(r.id).toBe(mine()[0].id)
    expect(commentPosts()).toHaveLength(1)
  })

  it('two runs at once leave one comment, the oldest, with a body one of them wrote', async () => {
    const results = await Promise.all([
      upsertStickyComment(client(), target(), 'run A'),
      upsertStickyComment(client(), target(), 'run B')
    ])
    expect(commentPosts().filter(r => r.status === 201)).toHaveLength(2)
    expect(mine()).toHaveLength(1)
    expect(results.map(r => r.id)).toEqual([mine()[0].id, mine()[0].id])
    expect([`${COMMENT_MARKER}\nrun A`, `${COMMENT_MARKER}\nrun B`]).toContain(mine()[0].body)
    expect(api.requests.some(r => r.method === 'DELETE' && r.status === 204)).toBe(true)
  })

  it('cleans up duplicates left by an older version, keeping the oldest', async () => {
    const first = api.state.addComment(pr, `${COMMENT_MARKER}\nold`)
    api.state.addComment(pr, `${COMMENT_MARKER}\nolder duplicate`)
    const r = await upsertStickyComment(client(), target(), 'new')
    expect(r).toEqual({ action: 'updated', id: first.id })
    expect(mine().map(c => c.body)).toEqual([`${COMMENT_MARKER}\nnew`])
  })

  it('a read-only token (a fork) is "forbidden", not an error', async () => {
    expect(await upsertStickyComment(client('ro'), target(), 'x')).toEqual({ action: 'forbidden', id: null })
    expect(mine()).toEqual([])
  })

  it('a body over GitHub’s limit is cut with a note', async () => {
    await upsertStickyComment(client(), target(), 'x'.repeat(MAX_COMMENT_CHARS * 2))
    expect(mine()[0].body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(mine()[0].body).toMatch(/cut here: the comment is over GitHub’s size limit/)
  })
})
