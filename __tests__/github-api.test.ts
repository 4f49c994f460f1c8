// The local GitHub API, driven over real HTTP by the project's client (Octokit + retry + throttling),
// and its route table checked against GitHub's own OpenAPI description.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { createClient, RestOctokit, type GitHubClient } from '../src/github/client.js'
import { routes, startGitHubApi, type GitHubApi } from './support/github-api/index.js'

const repo = { owner: 'octo-org', repo: 'octo-repo' }

let api: GitHubApi
let client: GitHubClient
// plugin-throttling spaces every write by >= 1 s (3 s for issues and comments), so checks that only
// concern the API's semantics use a plain Octokit; the project's client covers the behaviours it owns.
let plain: GitHubClient
const logs: string[] = []

beforeEach(async () => {
  api = await startGitHubApi()
  logs.length = 0
  client = createClient('t0ken', { baseUrl: api.url, log: m => logs.push(m) })
  plain = new RestOctokit({ auth: 't0ken', baseUrl: api.url })
})

afterEach(async () => {
  await api.close()
})

interface Body {
  data: { message: string }
}

/** The HTTP status of a failing call (the call must fail). */
async function statusOf(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = (await call.then(
    () => {
      throw new Error('expected the request to fail')
    },
    (e: unknown) => e
  )) as { status: number; response?: Body; cause?: { response?: Body } }
  // The project's client wraps Octokit's error (GitHub's body) as its cause.
  return { status: error.status, message: (error.response ?? error.cause?.response)!.data.message }
}

describe('repository, refs and branches', () => {
  it('describes the repository with its default branch and the token permissions', async () => {
    const { data } = await client.rest.repos.get(repo)
    expect(data).toMatchObject({ full_name: 'octo-org/octo-repo', default_branch: 'main' })
    expect(data.permissions).toMatchObject({ push: true, pull: true })
  })

  it('creates a branch ref once and answers 422 "Reference already exists" the second time', async () => {
    const { data: main } = await client.rest.git.getRef({ ...repo, ref: 'heads/main' })
    const created = await client.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/ws/alpha',
      sha: main.object.sha
    })
    expect(created.status).toBe(201)
    expect(
      await statusOf(client.rest.git.createRef({ ...repo, ref: 'refs/heads/ws/alpha', sha: main.object.sha }))
    ).toEqual({ status: 422, message: 'Reference already exists' })
    // The slash in the branch name survives the round trip through the URL.
    const branch = await client.rest.repos.getBranch({ ...repo, branch: 'ws/alpha' })
    expect(branch.data.commit.sha).toBe(main.object.sha)
    expect(api.state.branch('ws/alpha')).toBe(main.object.sha)
  })

  it('answers 404 for a missing ref or branch and 422 for an unknown sha', async () => {
    expect((await statusOf(plain.rest.git.getRef({ ...repo, ref: 'heads/nope' }))).status).toBe(404)
    expect(await statusOf(plain.rest.repos.getBranch({ ...repo, branch: 'nope' }))).toEqual({
      status: 404,
      message: 'Branch not found'
    })
    const bad = await statusOf(
      plain.rest.git.createRef({ ...repo, ref: 'refs/heads/x', sha: 'f'.repeat(40) })
    )
    expect(bad.status).toBe(422)
  })

  it('lists branches page by page', async () => {
    for (let i = 0; i < 35; i++) api.state.addBranch(`b${String(i).padStart(2, '0')}`)
    const first = await plain.rest.repos.listBranches(repo)
    expect(first.data).toHaveLength(30)
    const all = await plain.paginate(plain.rest.repos.listBranches, { ...repo, per_page: 10 })
    expect(all.map(b => b.name)).toContain('main')
    expect(all).toHaveLength(36)
  })
})

describe('labels', () => {
  it('paginates more than 100 labels with Link headers on its own origin', async () => {
    for (let i = 0; i < 230; i++) api.state.addLabel({ name: `area-${i}` })
    const labels = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 })
    expect(labels).toHaveLength(230)
    expect(new Set(labels.map(l => l.name)).size).toBe(230)
    expect(api.requests.map(r => r.path)).toEqual([
      '/repos/octo-org/octo-repo/labels?per_page=100',
      '/repos/octo-org/octo-repo/labels?per_page=100&page=2',
      '/repos/octo-org/octo-repo/labels?per_page=100&page=3'
    ])
    const res = await fetch(`${api.url}/repos/octo-org/octo-repo/labels?per_page=100&page=2`, {
      headers: { authorization: 'token t0ken' }
    })
    const link = res.headers.get('link') ?? ''
    for (const rel of ['prev', 'next', 'last', 'first']) expect(link).toContain(`rel="${rel}"`)
    expect(link).toContain(`<${api.url}/repos/octo-org/octo-repo/labels?per_page=100&page=3>; rel="next"`)
    // per_page above 100 is capped like GitHub's.
    const capped = await plain.rest.issues.listLabelsForRepo({ ...repo, per_page: 500 })
    expect(capped.data).toHaveLength(100)
  })

  it('compares label names case-insensitively', async () => {
    api.state.addLabel({ name: 'Workstream: Parser', color: '1d76db' })
    const dup = await statusOf(
      client.rest.issues.createLabel({ ...repo, name: 'workstream: parser', color: 'ffffff' })
    )
    expect(dup.status).toBe(422)
    const fetched = await client.rest.issues.getLabel({ ...repo, name: 'WORKSTREAM: PARSER' })
    expect(fetched.data).toMatchObject({ name: 'Workstream: Parser', color: '1d76db' })
    api.state.addIssue({ title: 'parser', labels: ['Workstream: Parser'] })
    const found = await client.rest.issues.listForRepo({ ...repo, labels: 'workstream: PARSER' })
    expect(found.data.map(i => i.title)).toEqual(['parser'])
  })

  it('rejects a colour with "#", renames and deletes labels', async () => {
    const bad = await statusOf(plain.rest.issues.createLabel({ ...repo, name: 'x', color: '#ff0000' }))
    expect(bad.status).toBe(422)
    await plain.rest.issues.createLabel({ ...repo, name: 'x', color: 'FF0000', description: 'd' })
    const issue = api.state.addIssue({ title: 't', labels: ['x'] })
    await plain.rest.issues.updateLabel({ ...repo, name: 'X', new_name: 'y' })
    expect(api.state.labelNames(issue)).toEqual(['y'])
    await plain.rest.issues.deleteLabel({ ...repo, name: 'y' })
    expect(api.state.labels).toEqual([])
    expect(api.state.labelNames(issue)).toEqual([])
  })
})

describe('issues, pull requests and comments', () => {
  it('filters by all listed labels and state, and shares numbers with pull requests', async () => {
    api.state.addIssue({ title: 'a', labels: ['ws', 'ready'] })
    api.state.addIssue({ title: 'b', labels: ['ws'] })
    api.state.addIssue({ title: 'c', labels: ['ws', 'ready'], state: 'closed' })
    const pr = api.state.addPullRequest({ title: 'pr', labels: ['ws'] })
    expect(pr.number).toBe(4)
    const open = await plain.rest.issues.listForRepo({ ...repo, labels: 'ws,ready' })
    expect(open.data.map(i => i.title)).toEqual(['a'])
    const all = await plain.rest.issues.listForRepo({ ...repo, labels: 'ws', state: 'all' })
    expect(all.data.map(i => i.title)).toEqual(['pr', 'c', 'b', 'a'])
    expect(all.data[0].pull_request).toBeDefined()
  })

  it('creates an issue with a new label, adds and removes labels, closes it', async () => {
    const { data: issue, status } = await plain.rest.issues.create({ ...repo, title: 'T', labels: ['fresh'] })
    expect(status).toBe(201)
    expect(api.state.findLabel('FRESH')).toBeDefined()
    const added = await plain.rest.issues.addLabels({
      ...repo,
      issue_number: issue.number,
      labels: ['b', 'Fresh']
    })
    expect(added.data.map(l => l.name)).toEqual(['fresh', 'b'])
    const missing = await statusOf(
      plain.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: 'nope' })
    )
    expect(missing).toEqual({ status: 404, message: 'Label does not exist' })
    const left = await plain.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: 'B' })
    expect(left.data.map(l => l.name)).toEqual(['fresh'])
    const closed = await plain.rest.issues.update({ ...repo, issue_number: issue.number, state: 'closed' })
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(closed.data.closed_at).not.toBeNull()
    expect((await plain.rest.issues.listForRepo(repo)).data).toEqual([])
    expect((await statusOf(plain.rest.issues.get({ ...repo, issue_number: 99 }))).status).toBe(404)
  })

  it('comments on a pull request, lists and edits comments', async () => {
    const pr = api.state.addPullRequest({ title: 'pr' })
    for (let i = 0; i < 3; i++) api.state.addComment(pr.number, `old ${i}`)
    const { data: mine } = await plain.rest.issues.createComment({
      ...repo,
      issue_number: pr.number,
      body: 'hi'
    })
    await plain.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: 'edited' })
    const all = await plain.paginate(plain.rest.issues.listComments, {
      ...repo,
      issue_number: pr.number,
      per_page: 2
    })
    expect(all.map(c => c.body)).toEqual(['old 0', 'old 1', 'old 2', 'edited'])
    const noBody = await statusOf(
      plain.rest.issues.createComment({ ...repo, issue_number: pr.number, body: '' })
    )
    expect(noBody.status).toBe(422)
  })

  it('deletes a comment once, then answers 404', async () => {
    const pr = api.state.addPullRequest({ title: 'p' })
    const c = api.state.addComment(pr.number, 'bye')
    await plain.rest.issues.deleteComment({ ...repo, comment_id: c.id })
    expect(api.state.comments).toEqual([])
    expect((await statusOf(plain.rest.issues.deleteComment({ ...repo, comment_id: c.id }))).status).toBe(404)
  })

  it('records repository dispatches and rejects one without event_type', async () => {
    const res = await plain.rest.repos.createDispatchEvent({
      ...repo,
      event_type: 'gate',
      client_payload: { ok: 1 }
    })
    expect(res.status).toBe(204)
    expect(api.state.dispatches).toEqual([{ event_type: 'gate', client_payload: { ok: 1 } }])
    const raw = await fetch(`${api.url}/repos/octo-org/octo-repo/dispatches`, {
      method: 'POST',
      headers: { authorization: 'token t0ken', 'content-type': 'application/json' },
      body: JSON.stringify({ client_payload: {} })
    })
    expect(raw.status).toBe(422)
  })
})

describe('contents', () => {
  const b64 = (s: string): string => Buffer.from(s).toString('base64')

  it('guards updates with the blob sha: 201 create, 422 without sha, 409 when stale, 200 update', async () => {
    const put = (extra: Record<string, string>) =>
      client.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: '.build-gate/baseline.json',
        message: 'baseline',
        content: b64('hello world\n'),
        ...extra
      })
    const created = await put({})
    expect(created.status).toBe(201)
    // The git blob sha of "hello world\n", as `git hash-object` prints it.
    expect(created.data.content?.sha).toBe('3b18e512dba79e4c8300dd08aeb37f8e728b8dad')
    expect(await statusOf(put({}))).toEqual({
      status: 422,
      message: 'Invalid request.\n\n"sha" wasn\'t supplied.'
    })
    expect((await statusOf(put({ sha: 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391' }))).status).toBe(409)
    const updated = await put({ sha: '3b18e512dba79e4c8300dd08aeb37f8e728b8dad', content: b64('{"v":2}') })
    expect(updated.status).toBe(200)
    const { data } = await client.rest.repos.getContent({ ...repo, path: '.build-gate/baseline.json' })
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file')
    expect(Buffer.from(data.content, 'base64').toString()).toBe('{"v":2}')
    expect(data.sha).toBe(updated.data.content?.sha)
    expect(api.state.readFile('.build-gate/baseline.json')).toBe('{"v":2}')
  })

  it('keeps files per branch and answers 404 for a missing file or branch', async () => {
    api.state.addBranch('baseline')
    api.state.writeFile('data.json', '{}', 'baseline')
    expect((await statusOf(plain.rest.repos.getContent({ ...repo, path: 'data.json' }))).status).toBe(404)
    const { data } = await plain.rest.repos.getContent({ ...repo, path: 'data.json', ref: 'baseline' })
    expect(data).toMatchObject({ path: 'data.json', encoding: 'base64' })
    const noBranch = await statusOf(
      plain.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: 'a',
        message: 'm',
        content: b64('x'),
        branch: 'gone'
      })
    )
    expect(noBranch).toEqual({ status: 404, message: 'Branch gone not found' })
  })
})

describe('tokens', () => {
  it('gives a read-only token 403 on writes and an unknown token 401', async () => {
    await api.close()
    api = await startGitHubApi({ tokens: { writer: 'write', reader: 'read' } })
    const reader = createClient('reader', { baseUrl: api.url })
    const repoData = await reader.rest.repos.get(repo)
    expect(repoData.data.permissions?.push).toBe(false)
    expect(await statusOf(reader.rest.issues.createLabel({ ...repo, name: 'x' }))).toEqual({
      status: 403,
      message: 'Resource not accessible by integration'
    })
    expect(api.state.labels).toEqual([])
    expect(api.writes()).toBe(0)
    const stranger = new RestOctokit({ auth: 'who', baseUrl: api.url })
    expect(await statusOf(stranger.rest.repos.get(repo))).toEqual({ status: 401, message: 'Bad credentials' })
    const anonymous = await fetch(`${api.url}/repos/octo-org/octo-repo`)
    expect(anonymous.status).toBe(401)
  })
})

describe('faults and retries', () => {
  it('retries a 500 and then succeeds', async () => {
    api.fault({ method: 'GET', path: '/repos/octo-org/octo-repo', status: 500 })
    const { data } = await client.rest.repos.get(repo)
    expect(data.default_branch).toBe('main')
    expect(api.requests.map(r => r.status)).toEqual([500, 200])
  })

  it('waits out a 429 secondary rate limit with retry-after and then succeeds', async () => {
    api.fault({ path: /\/labels/, status: 429, headers: { 'retry-after': '1' } })
    const started = Date.now()
    const { data } = await client.rest.issues.listLabelsForRepo(repo)
    expect(data).toEqual([])
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(api.requests.map(r => r.status)).toEqual([429, 200])
    expect(logs.join('\n')).toContain('secondary rate limit')
  })

  it('does not retry 4xx and counts only successful writes', async () => {
    api.fault({ method: 'POST', path: /\/issues$/, status: 403, body: { message: 'Forbidden by policy' } })
    expect(await statusOf(plain.rest.issues.create({ ...repo, title: 'x' }))).toEqual({
      status: 403,
      message: 'Forbidden by policy'
    })
    expect(api.state.issues).toEqual([])
    expect(api.writes()).toBe(0)
    await plain.rest.issues.create({ ...repo, title: 'x' })
    expect(api.writes()).toBe(1)
    api.resetLog()
    expect(api.requests).toEqual([])
  })

  it('adds latency, alone or before an error', async () => {
    api.fault({ path: '/repos/octo-org/octo-repo', status: 200, delayMs: 300 })
    let started = Date.now()
    await plain.rest.repos.get(repo)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    api.fault({ path: '/repos/octo-org/octo-repo', status: 404, delayMs: 200 })
    started = Date.now()
    expect((await statusOf(plain.rest.repos.get(repo))).status).toBe(404)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('applies a write, then answers 502 or drops the connection', async () => {
    api.fault({ method: 'POST', path: /\/issues$/, status: 502, afterApply: true })
    expect((await statusOf(plain.rest.issues.create({ ...repo, title: 'a' }))).status).toBe(502)
    api.fault({ method: 'POST', path: /\/issues$/, reset: true, afterApply: true })
    const dropped = await fetch(`${api.url}/repos/octo-org/octo-repo/issues`, {
      method: 'POST',
      headers: { authorization: 'token t0ken', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'b' })
    }).then(
      () => 'answered',
      (e: Error) => e.message
    )
    expect(dropped).toBe('fetch failed')
    expect(api.state.issues.map(i => i.title)).toEqual(['a', 'b'])
    expect(api.writes()).toBe(2)
    expect(api.requests.map(r => r.status)).toEqual([502, 0])
  })

  it('answers an HTML page, and adds headers to the route’s own answer', async () => {
    api.fault({ path: '/repos/octo-org/octo-repo', html: '<html>Sign in</html>' })
    const page = await fetch(`${api.url}/repos/octo-org/octo-repo`, { headers: { authorization: 'token t' } })
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<html>Sign in</html>'
    ])
    api.fault({ path: '/repos/octo-org/octo-repo', status: 200, headers: { link: '<x>; rel="next"' } })
    const res = await plain.rest.repos.get(repo)
    expect([res.data.default_branch, res.headers.link]).toEqual(['main', '<x>; rel="next"'])
  })

  it('answers a body labelled JSON that is not, as a proxy cutting an answer short would', async () => {
    api.fault({ path: /\/labels\?/, text: '[{"name": "bu' })
    const res = await fetch(`${api.url}/repos/octo-org/octo-repo/labels?page=1`, {
      headers: { authorization: 'token t' }
    })
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      200,
      'application/json; charset=utf-8',
      '[{"name": "bu'
    ])
  })

  it('holds racing requests until all of them arrived, then answers each', async () => {
    api.state.addLabel({ name: 'bug' })
    api.fault({ method: 'GET', path: /\/labels/, gather: 2 })
    const order: string[] = []
    const first = plain.rest.issues.listLabelsForRepo(repo).then(r => order.push(`first ${r.data.length}`))
    await new Promise(r => setTimeout(r, 300))
    expect(order).toEqual([])
    await plain.rest.issues.createLabel({ ...repo, name: 'late' })
    const second = plain.rest.issues.listLabelsForRepo(repo).then(r => order.push(`second ${r.data.length}`))
    await Promise.all([first, second])
    // Both read after the write that came in between: the first was held, not answered early.
    expect(order.sort()).toEqual(['first 2', 'second 2'])
    expect((await plain.rest.issues.listLabelsForRepo(repo)).data).toHaveLength(2)
  })

  it('lets the first matching requests through before failing the next ones', async () => {
    api.fault({ method: 'GET', path: /\/labels/, status: 500, skip: 1, times: 1 })
    expect((await plain.rest.issues.listLabelsForRepo(repo)).status).toBe(200)
    expect((await statusOf(plain.rest.issues.listLabelsForRepo(repo))).status).toBe(500)
    expect((await plain.rest.issues.listLabelsForRepo(repo)).status).toBe(200)
  })

  it('answers unknown routes and other repositories with a JSON 404', async () => {
    for (const p of ['/repos/octo-org/octo-repo/nothing', '/repos/other/octo-repo', '/user']) {
      const res = await fetch(`${api.url}${p}`, { headers: { authorization: 'token t0ken' } })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(await res.json()).toMatchObject({ message: 'Not Found' })
    }
  })
})

describe('conformance with GitHub OpenAPI description', () => {
  interface Operation {
    responses: Record<string, unknown>
    requestBody?: { content: Record<string, { schema: Schema }> }
  }
  interface Schema {
    properties?: Record<string, unknown>
    oneOf?: Schema[]
    anyOf?: Schema[]
    allOf?: Schema[]
  }
  let paths: Record<string, Record<string, Operation>>

  beforeAll(() => {
    const file = path.resolve('node_modules/@octokit/openapi/generated/api.github.com.json')
    paths = (JSON.parse(readFileSync(file, 'utf8')) as { paths: typeof paths }).paths
  })

  const fieldsOf = (s: Schema): string[] => [
    ...Object.keys(s.properties ?? {}),
    ...[...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].flatMap(fieldsOf)
  ]

  it.each(routes.map(r => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
    const op = paths[route.path]?.[route.method.toLowerCase()]
    expect(op).toBeDefined()
    for (const status of route.success) expect(Object.keys(op.responses)).toContain(String(status))
    if (route.reads) {
      const schema = op.requestBody?.content['application/json']?.schema
      expect(schema).toBeDefined()
      expect(fieldsOf(schema!)).toEqual(expect.arrayContaining(route.reads))
    }
  })

  it('every write route declares the body fields it reads', () => {
    const writes = routes.filter(r => r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT')
    expect(writes.filter(r => !r.reads).map(r => `${r.method} ${r.path}`)).toEqual([])
  })
})
