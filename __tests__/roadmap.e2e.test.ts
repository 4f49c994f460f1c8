// The bundled action moving the roadmap on a local GitHub, with the event files the runner writes.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
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
