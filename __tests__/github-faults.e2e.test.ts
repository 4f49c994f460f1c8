// The bundled action against the local GitHub API when GitHub, or the runner, misbehaves: an event file
// that is not JSON, answers that cannot be read, rate limits, writes applied but answered with an error,
// announcements lost on the way, and two runs at once. Nothing crashes, nothing is written from an
// answer that could not be read, every state change is announced exactly once, and a failure to post
// the pull request comment never turns a verdict red.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action-runner.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

const OWNER = 'octo-org'
const REPO = 'octo-repo'
const R = `/repos/${OWNER}/${REPO}`
const repository = {
  full_name: `${OWNER}/${REPO}`,
  name: REPO,
  default_branch: 'main',
  owner: { login: OWNER }
}
const nightly = { name: 'schedule', payload: { schedule: '0 3 * * *', repository } }
// The Toka plan: with a stable build, these eight wait only for the gate.
const BRANCHES = [
  'feature/document-organization',
  'feature/github-cicd-fixes',
  'feature/kernel-events-expansion',
  'feature/llm-credentials-setup',
  'feature/performance-observability',
  'feature/security-enhancements',
  'feature/storage-enhancements',
  'feature/testing-infrastructure'
]
const DEPENDENTS = [
  'document-organization',
  'github-cicd-issues-resolution',
  'kernel-events-enhancement',
  'llm-credentials-setup',
  'performance-observability',
  'security-extension',
  'storage-advancement',
  'testing-infrastructure'
]

let api: GitHubApi
beforeAll(() => {
  if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run npm run bundle first')
})
beforeEach(async () => {
  api = await startGitHubApi({ owner: OWNER, repo: REPO, defaultBranch: 'main' })
})
afterEach(async () => api.close())

function gate(
  inputs: Record<string, string> = {},
  event: { name: string; payload: unknown } | null = nightly,
  env: Record<string, string> = {}
) {
  const pr = (event?.payload as { pull_request?: { number: number } } | undefined)?.pull_request
  return runAction(
    {
      'working-directory': path.resolve('__fixtures__/workspaces/clean'),
      'report-path': path.join(mkdtempSync(path.join(tmpdir(), 'gate-faults-')), 'report.json'),
      workstreams: '__fixtures__/workstreams/toka/*.yaml',
      'github-token': 'token',
      'public-api': 'off',
      // The baseline's writes are tested apart; here only the roadmap's and the comment's are counted.
      'update-baseline': 'never',
      ...inputs
    },
    {
      event: event ?? undefined,
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_REF: pr ? `refs/pull/${pr.number}/merge` : 'refs/heads/main',
        GITHUB_SHA: 'a'.repeat(40),
        ...env
      }
    }
  )
}

const pullRequest = (number: number) => ({
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'fix', repo: { full_name: repository.full_name, fork: false } },
      base: { ref: 'main', repo: { full_name: repository.full_name } }
    },
    repository
  }
})

/** Requests that changed state (the route answered 2xx to a write). */
const writes = () => api.requests.filter(r => r.method !== 'GET' && r.status < 300)
const dispatches = () =>
  api.state.dispatches.map(d => {
    const data = (d.client_payload as { data: Record<string, string[]> }).data
    return {
      type: d.event_type,
      unblocked: [...data.workstreams_unblocked].sort(),
      blocked: [...data.workstreams_blocked].sort(),
      branches: [...data.branches_created].sort()
    }
  })
const workstreamBranches = () =>
  api.state
    .branches()
    .map(b => b.name)
    .filter(b => b.startsWith('feature/'))
const errorLine = (stdout: string) => /^::error::(.*)$/m.exec(stdout)?.[1] ?? ''

describe('input that cannot be read', () => {
  it('an event file that is not JSON: a warning, the build still judged and reported, nothing written', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gate-event-')), 'event.json')
    writeFileSync(file, '{"schedule": "0 3 * * *", "repository": {"default_branch": "main"')
    const run = await gate({}, null, { GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: file })
    expect(run.stderr).not.toMatch(/SyntaxError|at JSON\.parse/)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.stable).toBe('true')
    expect(run.outputs['report-path']).toBeTruthy()
    expect(run.summary).toContain('Build is stable')
    expect(run.stdout).toContain(
      `::warning::The event payload could not be read: GITHUB_EVENT_PATH (${file}) could not be read as JSON (not valid JSON); the run is treated as untrusted: the build is judged, nothing is written to GitHub.`
    )
    expect(run.summary).toContain('Workstreams — preview (what a trusted run would do)')
    expect(writes()).toEqual([])
  })

  it.each([
    [
      'cut short',
      '[{"number": 1, "state": "open", "labels": [',
      'with text that is not JSON instead of JSON'
    ],
    ['an object instead of a list', '{"message": "ok"}', 'with a JSON object instead of a list'],
    [
      'a list of something else',
      '[{"id": 7, "title": "x"}]',
      'with item 1 of the list lacking `number`, which GitHub always sends'
    ]
  ])(
    'an issues list that is %s stops the sync naming the request, before any write',
    async (_name, text, why) => {
      api.fault({ method: 'GET', path: /\/issues\?/, text, times: Infinity })
      const run = await gate({ 'create-tracking-issues': 'true' })
      expect(run.outputs.stable).toBe('true')
      expect(run.exitCode).toBe(1)
      expect(errorLine(run.stdout)).toBe(
        `Roadmap sync: GitHub listing issues labelled 'workstream:build-system-stabilization' in ${OWNER}/${REPO} failed: HTTP 200 ${why}; check GITHUB_API_URL points at the GitHub API (not a web page or a proxy)`
      )
      expect(run.summary).toContain('Workstreams — ❌ sync failed')
      expect(writes()).toEqual([])
      expect(api.state.dispatches).toEqual([])
    }
  )

  it('a repository answer without default_branch: an error that says so, nothing written', async () => {
    api.fault({
      method: 'GET',
      path: R,
      text: JSON.stringify({ id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, private: false }),
      times: Infinity
    })
    const run = await gate({ 'create-tracking-issues': 'true' })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run.stdout)).toMatch(
      new RegExp(
        `^Roadmap sync: GitHub reading repository ${OWNER}/${REPO} failed: HTTP 200 without \`default_branch\`, which GitHub always sends;`
      )
    )
    expect(writes()).toEqual([])
  })
})

describe('GitHub faults', () => {
  it.each([
    ['in its own words', { message: 'Too Many Requests' }],
    ['as a secondary rate limit', undefined]
  ])(
    'a 429 with Retry-After: 1 on a list, %s, is waited out and the request retried',
    async (_name, body) => {
      api.fault({
        method: 'GET',
        path: /\/issues\?.*labels=workstream%3Atesting-infrastructure/,
        status: 429,
        headers: { 'retry-after': '1' },
        ...(body ? { body } : {})
      })
      const run = await gate()
      expect(run.exitCode).toBe(0)
      expect(JSON.parse(run.outputs['created-branches']).sort()).toEqual(BRANCHES)
      const tries = api.requests.filter(r => r.path.includes('labels=workstream%3Atesting-infrastructure'))
      expect(tries.map(r => r.status)).toEqual([429, 200])
      // Retry-After is honoured: the retry comes a second later at the earliest.
      expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(1000)
      expect(run.stdout).toMatch(/rate limit.* on .*issues.*retrying after 1s/)
      expect(dispatches()).toHaveLength(1)
    }
  )

  it('a branch GitHub created but answered 502: this run created it (output and dispatch), sent once', async () => {
    const path502 = `${R}/git/refs`
    api.fault({ method: 'POST', path: path502, status: 502, afterApply: true })
    const run = await gate()
    expect(run.exitCode).toBe(0)
    expect(workstreamBranches()).toEqual(BRANCHES)
    expect(JSON.parse(run.outputs['created-branches']).sort()).toEqual(BRANCHES)
    expect(dispatches()).toEqual([
      { type: 'build-system-stable', unblocked: DEPENDENTS, blocked: [], branches: BRANCHES }
    ])
    const creates = api.requests.filter(
      r =>
        r.method === 'POST' &&
        r.path === path502 &&
        String((r.body as { ref: string }).ref).includes('feature/')
    )
    expect(creates.map(r => r.status).sort()).toEqual([...BRANCHES.map(() => 201).slice(1), 502].sort())
  })

  it.each([
    ['tracking issues it opened', { 'create-tracking-issues': 'true' }],
    ['no tracking issues', {}]
  ])('a dispatch answered 400 (with %s) is sent by the next healthy run, once', async (_name, inputs) => {
    api.fault({
      method: 'POST',
      path: `${R}/dispatches`,
      status: 400,
      body: { message: 'Problems parsing JSON' }
    })
    const lost = await gate(inputs)
    expect(lost.exitCode).toBe(1)
    expect(errorLine(lost.stdout)).toBe(
      `Roadmap sync: GitHub sending repository_dispatch 'build-system-stable' to ${OWNER}/${REPO} failed: HTTP 400 (Problems parsing JSON); see GitHub’s message. Nothing was announced; the next run announces these changes again`
    )
    expect(api.state.dispatches).toEqual([])
    expect(workstreamBranches()).toEqual(BRANCHES)

    api.resetLog()
    const healthy = await gate(inputs)
    expect(healthy.exitCode).toBe(0)
    expect(JSON.parse(healthy.outputs['created-branches'])).toEqual([])
    // What GitHub shows (labels and branches moved by the first run) against what was announced: nothing.
    expect(dispatches()).toEqual([
      { type: 'build-system-stable', unblocked: DEPENDENTS, blocked: [], branches: BRANCHES }
    ])

    api.resetLog()
    const quiet = await gate(inputs)
    expect(quiet.exitCode).toBe(0)
    expect(writes()).toEqual([])
    expect(api.state.dispatches).toHaveLength(1)
  })

  it('a sync that failed half-way: the rerun converges and announces every workstream, once', async () => {
    // Tracking issues a team opened by hand: no marker says what was announced.
    for (const w of DEPENDENTS)
      api.state.addIssue({ title: w, body: 'Our notes.', labels: [`workstream:${w}`] })
    const third = api.state.issues[2].number
    // Labelling the third issue fails for good (the client's retries included): the run dies there,
    // after some labels were moved and some branches created.
    api.fault({ method: 'POST', path: `${R}/issues/${third}/labels`, status: 500, times: 4 })
    const failed = await gate()
    expect(failed.exitCode).toBe(1)
    expect(errorLine(failed.stdout)).toMatch(
      new RegExp(`^Roadmap sync: GitHub adding label 'status:ready' to #${third} of`)
    )
    expect(workstreamBranches().length).toBeGreaterThan(0)
    expect(workstreamBranches().length).toBeLessThan(BRANCHES.length)
    expect(api.state.dispatches).toEqual([])

    const rerun = await gate()
    expect(rerun.exitCode).toBe(0)
    expect(workstreamBranches()).toEqual(BRANCHES)
    for (const i of api.state.issues) expect(api.state.labelNames(i)).toContain('status:ready')
    expect(dispatches()).toEqual([
      { type: 'build-system-stable', unblocked: DEPENDENTS, blocked: [], branches: BRANCHES }
    ])

    api.resetLog()
    expect((await gate()).exitCode).toBe(0)
    expect(writes()).toEqual([])
  })
})

describe('two runs at once', () => {
  it('two scheduled runs send one dispatch', async () => {
    // Both read the repository at the same moment, and record their announcement at the same moment:
    // each saw nothing announced.
    api.fault({ method: 'GET', path: R, gather: 2 })
    api.fault({ method: 'PUT', path: /\/contents\/build-gate%2Fannounced\.json$/, gather: 2 })
    const runs = await Promise.all([gate(), gate()])
    expect(runs.map(r => r.exitCode)).toEqual([0, 0])
    expect(dispatches()).toEqual([
      { type: 'build-system-stable', unblocked: DEPENDENTS, blocked: [], branches: BRANCHES }
    ])
    expect(workstreamBranches()).toEqual(BRANCHES)
    // The race happened: one run's record of the announcement lost to the other's.
    const records = api.requests.filter(r => r.method === 'PUT' && /announced\.json$/.test(r.path))
    expect(records.some(r => r.status === 409 || r.status === 422)).toBe(true)
    expect(runs.filter(r => r.stdout.includes('another run is announcing the same changes'))).toHaveLength(1)

    api.resetLog()
    expect((await gate()).exitCode).toBe(0)
    expect(writes()).toEqual([])
  })

  it('two pull request runs leave one sticky comment, which the next run edits', async () => {
    const pr = api.state.addPullRequest({ title: 'Fix base64' }).number
    api.fault({ method: 'GET', path: `${R}/issues/${pr}/comments`, gather: 2 })
    const runs = await Promise.all([gate({}, pullRequest(pr)), gate({}, pullRequest(pr))])
    expect(runs.map(r => r.exitCode)).toEqual([0, 0])
    const comments = () => api.state.comments.filter(c => c.issueNumber === pr)
    // Both created one (the race happened); the newer was deleted.
    expect(
      api.requests
        .filter(r => r.method === 'POST' && r.path === `${R}/issues/${pr}/comments`)
        .map(r => r.status)
    ).toEqual([201, 201])
    expect(comments()).toHaveLength(1)
    const kept = comments()[0].id

    const later = await gate(
      { 'deny-warnings': 'true', 'working-directory': path.resolve('__fixtures__/workspaces/warnings') },
      pullRequest(pr)
    )
    expect(later.exitCode).toBe(1)
    expect(comments().map(c => c.id)).toEqual([kept])
    expect(comments()[0].body).toContain('unstable')
  })
})

describe('the sticky comment is not the verdict', () => {
  it('a comment GitHub refuses: a warning naming the pull request and the status; the stable build stays green', async () => {
    const pr = api.state.addPullRequest({ title: 'Fix base64' }).number
    api.fault({
      method: 'POST',
      path: `${R}/issues/${pr}/comments`,
      status: 422,
      body: { message: 'Validation Failed' },
      times: Infinity
    })
    const run = await gate({ workstreams: '' }, pullRequest(pr))
    expect(run.outputs.stable).toBe('true')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      `::warning::The comment on pull request #${pr} could not be posted or updated: GitHub commenting on #${pr} of ${OWNER}/${REPO} failed: HTTP 422 (Validation Failed);`
    )
    expect(run.stdout).not.toMatch(/^::error::/m)
  })

  it('an unstable build stays red for its own reasons, the comment’s failure a warning beside them', async () => {
    const pr = api.state.addPullRequest({ title: 'Warnings' }).number
    api.fault({ method: 'GET', path: `${R}/issues/${pr}/comments`, status: 502, times: Infinity })
    const run = await gate(
      {
        workstreams: '',
        'deny-warnings': 'true',
        'working-directory': path.resolve('__fixtures__/workspaces/warnings')
      },
      pullRequest(pr)
    )
    expect(run.outputs.stable).toBe('false')
    expect(run.exitCode).toBe(1)
    expect(errorLine(run.stdout)).toMatch(/^Build gate: /)
    expect(run.stdout).toMatch(
      new RegExp(`::warning::The comment on pull request #${pr} could not be posted or updated: .*HTTP 502`)
    )
  }, 60_000)
})
