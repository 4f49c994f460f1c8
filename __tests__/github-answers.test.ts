// The one place every GitHub answer is read (src/github/answers.ts, through the client): what it demands
// of a 2xx is what GitHub's OpenAPI description promises, and an answer that breaks the promise is an
// error naming the request; rate limits however GitHub words them are waited out, within the cap.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { ANSWERS, answerProblem } from '../src/github/answers.js'
import { createClient, retryAfterSeconds, retrySpacingMs, type GitHubClient } from '../src/github/client.js'
import { listAll } from '../src/github/paginate.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

interface Schema {
  type?: string
  required?: string[]
  properties?: Record<string, Schema>
  items?: Schema
}

describe('what the gate demands of an answer, against GitHub’s OpenAPI description', () => {
  let paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >
  beforeAll(() => {
    const file = path.resolve('node_modules/@octokit/openapi/generated/api.github.com.deref.json')
    paths = (JSON.parse(readFileSync(file, 'utf8')) as { paths: typeof paths }).paths
  })

  it.each(Object.entries(ANSWERS))('%s', (route, answer) => {
    const [method, url] = route.split(' ')
    const responses = paths[url][method.toLowerCase()].responses
    const ok = Object.keys(responses).find(s => /^2/.test(s))!
    const schema = responses[ok].content!['application/json'].schema
    expect(schema.type).toBe(answer.list ? 'array' : 'object')
    const item = answer.list ? schema.items! : schema
    for (const [field, kind] of Object.entries(answer.fields)) {
      // Each step of a nested field is required of the object that holds it.
      const leaf = field.split('.').reduce((s, key) => {
        expect(s.required).toContain(key)
        return s.properties![key]
      }, item)
      expect(leaf.type).toBe(kind)
    }
  })
})

describe('reading an answer', () => {
  const labels = { method: 'GET', url: '/repos/{owner}/{repo}/labels', owner: 'o', repo: 'r' }
  const repo = { method: 'GET', url: '/repos/{owner}/{repo}', owner: 'o', repo: 'r' }

  it('takes GitHub’s own shapes', () => {
    expect(answerProblem(labels, [{ name: 'bug', id: 1 }])).toBeNull()
    expect(answerProblem(labels, [])).toBeNull()
    expect(answerProblem(repo, { default_branch: 'main' })).toBeNull()
    const issues = { method: 'GET', url: '/repos/{owner}/{repo}/issues' }
    expect(
      answerProblem(issues, [{ number: 3, state: 'open', labels: [{ name: 'bug' }], body: null }])
    ).toBeNull()
    // A route the gate does not read is not judged here.
    expect(answerProblem({ method: 'GET', url: '/repos/{owner}/{repo}/pulls' }, 'anything')).toBeNull()
  })

  it('says what is wrong with any other', () => {
    expect(answerProblem(labels, { name: 'bug' })).toBe('with a JSON object instead of a list')
    expect(answerProblem(labels, [{ name: 'a' }, 7])).toBe(
      'with item 2 of the list being a JSON number, not an object'
    )
    expect(answerProblem(labels, [{ name: 'a' }, { id: 2 }])).toBe(
      'with item 2 of the list lacking `name`, which GitHub always sends'
    )
    expect(answerProblem(labels, [{ name: 3 }])).toBe(
      'with item 1 of the list having a `name` that is not a string'
    )
    expect(answerProblem(repo, { name: 'r', default_branch: null })).toBe(
      'without `default_branch`, which GitHub always sends'
    )
    expect(answerProblem(repo, [])).toBe('with a JSON list instead of an object')
    expect(answerProblem(repo, null)).toBe('with JSON null instead of an object')
    expect(answerProblem(repo, { default_branch: 5 })).toBe('with a `default_branch` that is not a string')
    expect(answerProblem(labels, 'x')).toBe('with a JSON string instead of a list')
    expect(answerProblem(labels, [null])).toBe('with item 1 of the list being JSON null, not an object')
    expect(answerProblem(labels, [[]])).toBe('with item 1 of the list being a JSON list, not an object')
    const issues = { method: 'GET', url: '/repos/{owner}/{repo}/issues' }
    expect(answerProblem(issues, [{ number: 1.5, state: 'open', labels: [] }])).toBe(
      'with item 1 of the list having a `number` that is not an integer'
    )
    const ref = { method: 'GET', url: '/repos/{owner}/{repo}/git/ref/{ref}' }
    expect(answerProblem(ref, { ref: 'refs/heads/main', object: { sha: 'a1', type: 'commit' } })).toBeNull()
    expect(answerProblem(ref, { ref: 'refs/heads/main' })).toBe(
      'without `object.sha`, which GitHub always sends'
    )
    expect(answerProblem(ref, { object: 'a1' })).toBe('without `object.sha`, which GitHub always sends')
    expect(answerProblem(ref, { object: { sha: 1 } })).toBe('with a `object.sha` that is not a string')
    expect(answerProblem(issues, [{ number: 1, state: 'open', labels: 'bug' }])).toBe(
      'with item 1 of the list having a `labels` that is not a list'
    )
  })

  it('knows a followed pagination link by its path', () => {
    const page2 = { method: 'GET', url: 'https://api.github.com/repos/o/r/labels?per_page=100&page=2' }
    expect(answerProblem(page2, {})).toBe('with a JSON object instead of a list')
    const ghes = { method: 'GET', url: 'https://ghe.example/api/v3/repos/o/r/issues?page=3' }
    expect(answerProblem(ghes, [{}])).toBe(
      'with item 1 of the list lacking `number`, which GitHub always sends'
    )
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterSeconds('1', now)).toBe(1)
    expect(retryAfterSeconds(' 30 ', now)).toBe(30)
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:00:42 GMT', now)).toBe(42)
    expect(retryAfterSeconds('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    for (const v of [undefined, '', 'soon', 7]) expect(retryAfterSeconds(v, now)).toBeNull()
  })
})

describe('through the client, against the local API', () => {
  let api: GitHubApi
  let client: GitHubClient
  let logs: string[]
  const repo = { owner: 'octo-org', repo: 'octo-repo' }
  beforeEach(async () => {
    api = await startGitHubApi()
    logs = []
    client = createClient('t', { baseUrl: api.url, log: l => logs.push(l), maxRateLimitWaitSeconds: 30 })
  })
  afterEach(async () => api.close())

  it('a 5xx is retried three times, spaced 1, 4 and 9 steps apart: seconds for GitHub, 50 ms here', async () => {
    expect(retrySpacingMs('https://api.github.com')).toBe(1000)
    expect(retrySpacingMs('https://ghe.example/api/v3')).toBe(1000)
    expect(retrySpacingMs(api.url)).toBe(50)
    api.fault({ method: 'GET', path: '/repos/octo-org/octo-repo', status: 502, times: Infinity })
    await expect(client.rest.repos.get(repo)).rejects.toThrow(/HTTP 502/)
    const at = api.requests.filter(r => r.path === '/repos/octo-org/octo-repo').map(r => r.at)
    expect(at).toHaveLength(4)
    const gaps = at.slice(1).map((t, i) => t - at[i])
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual([1, 4, 9][i] * 50 - 5))
    // Not GitHub's 14 s.
    expect(at[3] - at[0]).toBeLessThan(5000)
  })

  it('an unreadable page of a list is an error naming the request and the page, not the items so far', async () => {
    for (let i = 0; i < 3; i++) api.state.addLabel({ name: `l${i}` })
    api.fault({ method: 'GET', path: /\/labels\?(.*&)?page=2/, text: '[{"name": "l2"' })
    await expect(
      listAll(client, 'GET /repos/{owner}/{repo}/labels', { ...repo, per_page: 2 })
    ).rejects.toThrow(
      'GitHub listing labels of octo-org/octo-repo (page 2) failed: HTTP 200 with text that is not JSON instead of JSON; check GITHUB_API_URL'
    )
  })

  it('a created issue or comment answered without its number or id is an error: it may have been made', async () => {
    api.fault({
      method: 'POST',
      path: '/repos/octo-org/octo-repo/issues',
      status: 201,
      text: '{"title": "T"}'
    })
    const issue = (await client.rest.issues.create({ ...repo, title: 'T' }).catch((e: unknown) => e)) as {
      message: string
      ambiguous: boolean
    }
    expect(issue.message).toMatch(
      /^GitHub creating issue "T" in octo-org\/octo-repo failed: HTTP 201 without `number`/
    )
    expect(issue.ambiguous).toBe(true)
    api.state.addIssue({ title: 'T' })
    api.fault({ method: 'POST', path: /\/comments$/, status: 201, text: '{"body": "hi"}' })
    await expect(client.rest.issues.createComment({ ...repo, issue_number: 1, body: 'hi' })).rejects.toThrow(
      /HTTP 201 without `id`/
    )
    api.fault({ method: 'GET', path: /\/comments/, text: '[{"body": "hi"}]' })
    await expect(client.rest.issues.listComments({ ...repo, issue_number: 1 })).rejects.toThrow(
      /HTTP 200 with item 1 of the list lacking `id`/
    )
  })

  it('a repository without default_branch is an error that says so', async () => {
    api.fault({ path: '/repos/octo-org/octo-repo', text: '{"id": 1, "name": "octo-repo"}' })
    await expect(client.rest.repos.get(repo)).rejects.toThrow(
      'GitHub reading repository octo-org/octo-repo failed: HTTP 200 without `default_branch`, which GitHub always sends;'
    )
  })

  it('a 429 in other words than "secondary rate limit" is waited out for Retry-After', async () => {
    api.fault({
      path: '/repos/octo-org/octo-repo/labels',
      status: 429,
      body: {},
      headers: { 'retry-after': '1' }
    })
    const { data } = await client.rest.issues.listLabelsForRepo(repo)
    expect(data).toEqual([])
    const [first, second] = api.requests
    expect([first.status, second.status]).toEqual([429, 200])
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000)
    expect(logs).toEqual([
      'GitHub rate limit (HTTP 429) on listing labels of octo-org/octo-repo; retrying after 1s'
    ])
  })

  it('a 403 with Retry-After is a rate limit too; a 403 without it is not', async () => {
    api.fault({
      path: '/repos/octo-org/octo-repo/labels',
      status: 403,
      body: { message: 'Slow down' },
      headers: { 'retry-after': '0' }
    })
    await client.rest.issues.listLabelsForRepo(repo)
    expect(api.requests.map(r => r.status)).toEqual([403, 200])
    api.fault({ path: '/repos/octo-org/octo-repo/labels', status: 403, body: { message: 'Forbidden' } })
    await expect(client.rest.issues.listLabelsForRepo(repo)).rejects.toThrow(
      /HTTP 403 \(Forbidden\); check that the token/
    )
  })

  it('a wait over the cap, or no Retry-After (a minute), fails at once naming the request', async () => {
    api.fault({
      path: '/repos/octo-org/octo-repo/labels',
      status: 429,
      body: {},
      headers: { 'retry-after': '3600' }
    })
    await expect(client.rest.issues.listLabelsForRepo(repo)).rejects.toThrow(
      'GitHub asked to wait 3600 s (rate limit) on listing labels of octo-org/octo-repo; more than the 30 s allowed.'
    )
    api.fault({ path: '/repos/octo-org/octo-repo/labels', status: 429, body: {} })
    await expect(client.rest.issues.listLabelsForRepo(repo)).rejects.toThrow(/asked to wait 60 s/)
    expect(api.requests.map(r => r.status)).toEqual([429, 429])
  })

  it('a rate limit that never lifts: retried a bounded number of times, then the request named', async () => {
    api.fault({
      path: '/repos/octo-org/octo-repo/labels',
      status: 429,
      body: {},
      headers: { 'retry-after': '0' },
      times: Infinity
    })
    const limited = createClient('t', { baseUrl: api.url, rateLimitRetries: 2 })
    await expect(limited.rest.issues.listLabelsForRepo(repo)).rejects.toThrow(
      /^GitHub listing labels of octo-org\/octo-repo failed: HTTP 429; rate limited; rerun later$/
    )
    expect(api.requests).toHaveLength(3)
  })
})
