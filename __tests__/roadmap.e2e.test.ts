// The bundled action moving the roadmap on a local GitHub, with the event files the runner writes.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'
import { runAction } from './support/action-runner.js'

const repository = {
  full_name: 'octo-org/octo-repo',
  name: 'octo-repo',
  default_branch: 'main',
  owner: { login: 'octo-org' }
}
const workspace = (name: string) => path.resolve('__fixtures__/workspaces', name)

let api: GitHubApi
beforeEach(async () => {
  api = await startGitHubApi({
    owner: 'octo-org',
    repo: 'octo-repo',
    defaultBranch: 'main',
    tokens: { 'write-token': 'write', 'read-token': 'read' }
  })
})
afterEach(async () => api.close())

function gate(
  fixture: string,
  event: { name: string; payload: unknown },
  extra: Record<string, string> = {},
  ref = 'refs/heads/main'
) {
  return runAction(
    {
      'working-directory': workspace(fixture),
      'report-path': path.join(tmpdir(), `gate-roadmap-${process.pid}.json`),
      workstreams: '__fixtures__/workstreams/toka/*.yaml',
      'create-tracking-issues': 'true',
      'github-token': 'write-token',
      // The baseline's own writes are tested apart; here only the roadmap writes are counted.
      'update-baseline': 'never',
      ...extra
    },
    {
      event,
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
        GITHUB_REF: ref,
        GITHUB_SHA: 'a'.repeat(40)
      }
    }
  )
}

const nightly = { name: 'schedule', payload: { schedule: '0 3 * * *', repository } }
const pullRequest = (fork: boolean) => ({
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: 0,
    pull_request: {
      number: 0,
      head: {
        ref: 'fix-base64',
        repo: { full_name: fork ? 'someone/octo-repo' : repository.full_name, fork }
      },
      base: { ref: 'main', repo: { full_name: repository.full_name } }
    },
    repository
  }
})

const branchNames = () =>
  api.state
    .branches()
    .map(b => b.name)
    .sort()

describe('the roadmap, as the nightly and pull requests move it', () => {
  it('a stable nightly creates the branches and unblocks; a rerun writes nothing; a broken build re-blocks', async () => {
    const first = await gate('clean', nightly)
    expect(first.exitCode).toBe(0)
    const ready = JSON.parse(first.outputs['ready-workstreams']) as string[]
    expect(ready).toEqual(
      expect.arrayContaining(['testing-infrastructure', 'kernel-events-enhancement', 'storage-advancement'])
    )
    expect(JSON.parse(first.outputs['created-branches'])).toEqual(
      expect.arrayContaining(['feature/testing-infrastructure'])
    )
    expect(branchNames()).toEqual(
      expect.arrayContaining(['main', 'feature/testing-infrastructure', 'feature/kernel-events-expansion'])
    )
    expect(api.state.dispatches.map(d => d.event_type)).toEqual(['build-system-stable'])
    expect(first.summary).toContain('testing-infrastructure')

    api.resetLog()
    const rerun = await gate('clean', nightly)
    expect(rerun.exitCode).toBe(0)
    expect(api.writes()).toBe(0)
    expect(JSON.parse(rerun.outputs['created-branches'])).toEqual([])

    const before = branchNames()
    const broken = await gate('warnings', nightly)
    expect(broken.exitCode).toBe(1)
    expect(JSON.parse(broken.outputs['blocked-workstreams'])).toEqual(
      expect.arrayContaining(['testing-infrastructure'])
    )
    expect(branchNames()).toEqual(before)
    expect(api.state.dispatches.map(d => d.event_type)).toEqual([
      'build-system-stable',
      'dependency-conflict'
    ])
  })

  it('a pull request writes only its one sticky comment, updated by the next run', async () => {
    const pr = api.state.addPullRequest({ title: 'Fix base64' })
    const event = pullRequest(false)
    ;(event.payload as { number: number }).number = pr.number
    ;(event.payload.pull_request as { number: number }).number = pr.number
    const ref = `refs/pull/${pr.number}/merge`
    const first = await gate('clean', event, {}, ref)
    expect(first.exitCode).toBe(0)
    const writes = api.requests.filter(r => r.method !== 'GET' && r.status < 300)
    expect(writes.map(w => `${w.method} ${w.path.replace(/\?.*/, '')}`)).toEqual([
      `POST /repos/octo-org/octo-repo/issues/${pr.number}/comments`
    ])
    const second = await gate('clean', event, {}, ref)
    expect(second.exitCode).toBe(0)
    const comments = api.state.comments.filter(c => c.issueNumber === pr.number)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('<!-- build-gate -->')
    expect(comments[0].body).toContain('Build is stable')
    expect(branchNames()).toEqual(['main'])
  })

  it('a fork pull request with a read-only token reports only, and the job still follows the build', async () => {
    const pr = api.state.addPullRequest({ title: 'From a fork' })
    const event = pullRequest(true)
    ;(event.payload as { number: number }).number = pr.number
    ;(event.payload.pull_request as { number: number }).number = pr.number
    const clean = await gate('clean', event, { 'github-token': 'read-token' }, `refs/pull/${pr.number}/merge`)
    expect(clean.exitCode).toBe(0)
    expect(clean.summary).toMatch(/report only \(nothing written\)/)
    expect(api.writes()).toBe(0)
    const broken = await gate(
      'warnings',
      event,
      { 'github-token': 'read-token' },
      `refs/pull/${pr.number}/merge`
    )
    expect(broken.exitCode).toBe(1)
    expect(broken.outputs.stable).toBe('false')
  })

  it('fails the step, naming the file and key, when the plan is invalid', async () => {
    const run = await gate('clean', nightly, { workstreams: '__fixtures__/workstreams/invalid/cycle/*.yaml' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/Roadmap sync: .*cycle/)
    expect(api.writes()).toBe(0)
  })
})

describe('the sticky pull request comment, without a roadmap', () => {
  const prRun = (fixture: string, number: number, extra: Record<string, string> = {}, fork = false) => {
    const event = pullRequest(fork)
    ;(event.payload as { number: number }).number = number
    ;(event.payload.pull_request as { number: number }).number = number
    return gate(fixture, event, { workstreams: '', ...extra }, `refs/pull/${number}/merge`)
  }
  const comments = (pr: number) => api.state.comments.filter(c => c.issueNumber === pr)

  it('one comment with the verdict, edited in place by the next run, never a second', async () => {
    const pr = api.state.addPullRequest({ title: 'Fix base64' }).number
    const first = await prRun('clean', pr)
    expect(first.exitCode).toBe(0)
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0].body).toMatch(/^<!-- build-gate -->\n/)
    expect(comments(pr)[0].body).toContain('Build is stable')
    expect(first.stdout).toContain('pull request comment: created')

    api.resetLog()
    const second = await prRun('warnings', pr, { 'deny-warnings': 'true' })
    expect(second.exitCode).toBe(1)
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0].body).toContain('unstable')
    const writes = api.requests.filter(r => r.method !== 'GET' && r.status < 300)
    expect(writes.map(w => `${w.method} ${w.path}`)).toEqual([
      `PATCH /repos/octo-org/octo-repo/issues/comments/${comments(pr)[0].id}`
    ])
  })

  it('a sharded pull request run: the shards post nothing, the merge job posts the one comment', async () => {
    const pr = api.state.addPullRequest({ title: 'Sharded' }).number
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-shards-'))
    for (const i of [1, 2]) {
      const shard = await prRun('clean', pr, {
        shard: `${i}/2`,
        'report-path': path.join(dir, `shard-${i}.json`)
      })
      expect(shard.exitCode).toBe(0)
    }
    expect(comments(pr)).toEqual([])
    const merged = await prRun('clean', pr, {
      mode: 'merge',
      'shard-reports': path.join(dir, 'shard-*.json')
    })
    expect(merged.exitCode).toBe(0)
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0].body).toContain('Build is stable')
  })

  it('GitHub made the comment but answered 502: found by its marker, not posted twice', async () => {
    const pr = api.state.addPullRequest({ title: 'Flaky' }).number
    api.fault({
      method: 'POST',
      path: `/repos/octo-org/octo-repo/issues/${pr}/comments`,
      status: 502,
      afterApply: true
    })
    const run = await prRun('clean', pr)
    expect(run.exitCode).toBe(0)
    expect(comments(pr)).toHaveLength(1)
    expect(api.requests.filter(r => r.method === 'POST')).toHaveLength(1)
  })

  it('two runs of the same pull request at once leave one comment', async () => {
    const pr = api.state.addPullRequest({ title: 'Pushed twice' }).number
    const runs = await Promise.all([prRun('clean', pr), prRun('clean', pr)])
    expect(runs.map(r => r.exitCode)).toEqual([0, 0])
    expect(comments(pr)).toHaveLength(1)
  })

  it('comment-on-pr: false posts nothing', async () => {
    const pr = api.state.addPullRequest({ title: 'Quiet' }).number
    expect((await prRun('clean', pr, { 'comment-on-pr': 'false' })).exitCode).toBe(0)
    expect(api.writes()).toBe(0)
  })

  it('a fork’s read-only token: no comment, no failure, the log says why', async () => {
    const pr = api.state.addPullRequest({ title: 'From a fork' }).number
    const run = await prRun('clean', pr, { 'github-token': 'read-token' }, true)
    expect(run.exitCode).toBe(0)
    expect(comments(pr)).toEqual([])
    expect(run.stdout).toMatch(/The token may not comment on pull request #\d+ \(HTTP 403, a fork PR/)
  })
})

describe('failures the summary and the comment must show', () => {
  it('a roadmap sync that fails is in the job summary, and fails the step', async () => {
    api.fault({
      method: 'GET',
      path: /\/labels/,
      html: '<html><body>Unicorn!</body></html>',
      times: Infinity
    })
    const run = await gate('clean', nightly)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.stable).toBe('true')
    expect(run.summary).toContain('Workstreams — ❌ sync failed')
    expect(run.summary).toContain(
      'GitHub listing labels of octo-org/octo-repo failed: HTTP 200 with an HTML page instead of JSON'
    )
    expect(run.summary).not.toContain('Unicorn')
    expect(run.stdout).not.toContain('Unicorn')
    expect(run.outputs['ready-workstreams']).toBe('')
  })

  it('on a pull request, the failed sync is in the sticky comment too', async () => {
    const pr = api.state.addPullRequest({ title: 'Fix' })
    const event = pullRequest(false)
    ;(event.payload as { number: number }).number = pr.number
    ;(event.payload.pull_request as { number: number }).number = pr.number
    api.fault({
      method: 'GET',
      path: /\/labels/,
      status: 401,
      times: Infinity,
      body: { message: 'Bad credentials' }
    })
    const run = await gate('clean', event, {}, `refs/pull/${pr.number}/merge`)
    expect(run.exitCode).toBe(1)
    const [comment] = api.state.comments.filter(c => c.issueNumber === pr.number)
    expect(comment.body).toContain('Workstreams — ❌ sync failed')
    expect(comment.body).toContain(
      'GitHub listing labels of octo-org/octo-repo failed: HTTP 401 (Bad credentials); the github-token is missing, expired or invalid'
    )
  })

  it('a malformed event payload: a warning, the build still judged and reported, nothing written', async () => {
    const run = await gate('clean', { name: 'schedule', payload: 'not an event' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.stable).toBe('true')
    expect(run.stdout).toMatch(
      /::warning::The event payload could not be read: GITHUB_EVENT_PATH \(.*\): the event payload is not a JSON object; the run is treated as untrusted/
    )
    expect(api.writes()).toBe(0)
  })

  it('a token with a line break: the input named, the value never shown, a report still written', async () => {
    const run = await gate('clean', nightly, { 'github-token': 'ghp_first\nghp_second' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("Input 'github-token': contains a line break (the value is not shown)")
    expect(run.stdout + run.stderr + run.summary).not.toContain('ghp_')
    expect(run.outputs['report-path']).toBeTruthy()
    expect(api.requests).toEqual([])
  })

  it('ready-label equal to blocked-label is refused before cargo runs', async () => {
    const run = await gate('clean', nightly, { 'ready-label': 'status', 'blocked-label': 'Status' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("Input 'blocked-label': 'Status' is also the ready-label")
    expect(run.stdout).not.toContain('cargo check')
    expect(api.requests).toEqual([])
  })
})
