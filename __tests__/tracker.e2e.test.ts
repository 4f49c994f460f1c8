// The stabilization tracker as the bundled action (dist/index.js) runs it on a nightly, against the local
// GitHub API, on a workspace whose dependency conflict is really fixed between runs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
const GATE_LABEL = 'workstream:build-system-stabilization'
const HISTORY = 'build-gate/history.json'

let api: GitHubApi
let root: string
let workspace: string
beforeAll(() => {
  // The duplicates fixture and its vendored registry, copied so the conflict can be fixed for real.
  root = mkdtempSync(path.join(tmpdir(), 'gate-tracker-'))
  cpSync(path.resolve('__fixtures__/conflicts/duplicates'), path.join(root, 'duplicates'), {
    recursive: true
  })
  cpSync(path.resolve('__fixtures__/conflicts/vendor'), path.join(root, 'vendor'), { recursive: true })
  workspace = path.join(root, 'duplicates')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))
beforeEach(async () => {
  api = await startGitHubApi({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main' })
})
afterEach(async () => api.close())

function gate(
  sha: string,
  runId: string,
  extra: Record<string, string> = {},
  event: { name: string; payload: unknown } = {
    name: 'schedule',
    payload: { schedule: '0 3 * * *', repository }
  }
) {
  return runAction(
    {
      'working-directory': workspace,
      'report-path': path.join(root, 'report.json'),
      'single-version-crates': 'base64',
      workstreams: '__fixtures__/workstreams/toka/*.yaml',
      'create-tracking-issues': 'true',
      'github-token': 'token',
      tracker: 'true',
      'escalate-after': '1s',
      'escalate-to': '@octo-org/build',
      ...extra
    },
    {
      event,
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
        GITHUB_REF: event.name === 'schedule' ? 'refs/heads/main' : 'refs/pull/1/merge',
        GITHUB_SHA: sha.repeat(40),
        GITHUB_RUN_ID: runId,
        CARGO_TARGET_DIR: path.join(root, 'target')
      }
    }
  )
}

const gateIssue = () => api.state.issues.find(i => api.state.labelNames(i).includes(GATE_LABEL))!
const checklist = () =>
  /<!-- build-gate:checklist:start -->[\s\S]*<!-- build-gate:checklist:end -->/.exec(
    gateIssue().body ?? ''
  )?.[0] ?? ''
const item = (label: string) => new RegExp(`^- \\[([ x])\\] ${label}`, 'm').exec(checklist())?.[1]
const comments = () => api.state.comments.filter(c => c.issueNumber === gateIssue().number)
const events = (type: string) => api.state.dispatches.filter(d => d.event_type === type)
const writes = () =>
  api.requests
    .filter(r => r.method !== 'GET' && r.status < 300)
    .map(r => `${r.method} ${decodeURIComponent(r.path.replace(/\?.*/, ''))}`)

describe('the tracker in the bundled action', () => {
  it('checklist, one escalation per stretch, recovery with conflicts resolved, and a quiet rerun', async () => {
    // 1. Unstable: base64 0.21 (through reqwest) next to 0.22, with base64 a single-version crate.
    const first = await gate('a', '1')
    expect(first.exitCode).toBe(1)
    expect(first.outputs['stabilization-status']).toBe(
      'unstable since this run (aaaaaaa), 0 of 2 conflicts resolved; escalates in 1 second'
    )
    expect(first.summary).toContain('**Stabilization:** unstable since this run')
    expect(first.summary).toContain('unstable since this run (aaaaaaa)')
    const history = JSON.parse(api.state.readFile(HISTORY, 'build-gate-baseline') ?? '{}')
    expect(history.runs.map((r: { sha: string; stable: boolean }) => [r.sha[0], r.stable])).toEqual([
      ['a', false]
    ])
    expect(item('Dependency conflicts resolved')).toBe(' ')
    expect(checklist()).toContain(
      '1 denied: base64 (single-version); 1 reported, not denied: base64 (duplicate-versions)'
    )
    expect(item('Workspace builds without warnings or errors')).toBe('x')
    expect(item('Dependent workstreams unblocked')).toBe(' ')
    expect(checklist()).toContain('https://github.com/octo-org/octo-repo/actions/runs/1')
    expect(comments()).toHaveLength(0)
    expect(events('build-system-escalation')).toHaveLength(0)

    // 2. Still unstable, past escalate-after: label, one comment, one dispatch, and nothing else.
    api.resetLog()
    const second = await gate('a', '2')
    expect(second.exitCode).toBe(1)
    expect(writes().sort()).toEqual(
      [
        'POST /repos/octo-org/octo-repo/dispatches',
        `POST /repos/octo-org/octo-repo/issues/${gateIssue().number}/comments`,
        `POST /repos/octo-org/octo-repo/issues/${gateIssue().number}/labels`
      ].sort()
    )
    expect(api.state.labelNames(gateIssue())).toContain('status:escalated')
    expect(comments()[0].body).toContain('@octo-org/build')
    expect(comments()[0].body).toMatch(/single-version-crates/)
    const escalation = events('build-system-escalation')
    expect(escalation).toHaveLength(1)
    expect((escalation[0].client_payload as { data: { unstable_since: string } }).data.unstable_since).toBe(
      history.runs[0].at
    )
    expect(second.outputs['stabilization-status']).toMatch(/; escalated \(unstable longer than 1 second\)$/)

    // 3. A further unstable run adds nothing.
    api.resetLog()
    const third = await gate('a', '3')
    expect(third.exitCode).toBe(1)
    expect(writes()).toEqual([])
    expect(comments()).toHaveLength(1)

    // 4. The fix: toka-core moves to base64 0.21, the version reqwest uses. Stable: ticks, label off, said once.
    const manifest = path.join(workspace, 'crates/toka-core/Cargo.toml')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('base64 = "0.22"', 'base64 = "0.21"'))
    const fixed = await gate('b', '4')
    expect(fixed.exitCode).toBe(0)
    expect(item('Dependency conflicts resolved')).toBe('x')
    expect(item('Workspace builds without warnings or errors')).toBe('x')
    expect(item('Full test suite passes')).toBe('x')
    expect(item('Dependent workstreams unblocked')).toBe('x')
    expect(checklist()).toContain('2 found, 2 resolved')
    expect(api.state.labelNames(gateIssue())).not.toContain('status:escalated')
    expect(comments()).toHaveLength(2)
    expect(comments()[1].body).toMatch(/^<!-- build-gate:recovered -->/)
    const stable = events('build-system-stable')
    expect(stable).toHaveLength(1)
    expect(
      (stable[0].client_payload as { data: { conflicts_resolved: number } }).data.conflicts_resolved
    ).toBeGreaterThanOrEqual(1)
    expect(fixed.outputs['conflicts-resolved']).toBe('2')
    expect(fixed.outputs['unstable-since']).toBe('')

    // 5. The rerun right after the recovery: the build time is still not compared (no baseline before,
    // none of the same cache state now), no tick or count changed: the body is not rewritten.
    api.resetLog()
    const again = await gate('b', '5')
    expect(again.exitCode).toBe(0)
    expect(writes()).toEqual(['PUT /repos/octo-org/octo-repo/contents/build-gate/baseline.json'])
    expect(checklist()).toContain(
      'Build time within tolerance: not compared with a baseline (no baseline yet'
    )
    // Once compared, the timing item may tick; then a rerun writes only its baseline sample.
    await gate('b', '6')
    api.resetLog()
    const rerun = await gate('b', '7')
    expect(rerun.exitCode).toBe(0)
    expect(writes()).toEqual(['PUT /repos/octo-org/octo-repo/contents/build-gate/baseline.json'])
    expect(comments()).toHaveLength(2)
  })

  it('a pull request writes no history, no checklist and no escalation', async () => {
    const pr = api.state.addPullRequest({ title: 'Fix base64' })
    api.state.addIssue({ title: 'Build System Stabilization', body: 'Team notes.', labels: [GATE_LABEL] })
    api.resetLog()
    const run = await gate(
      'c',
      '7',
      { 'escalate-after': '1s' },
      {
        name: 'pull_request',
        payload: {
          action: 'synchronize',
          number: pr.number,
          pull_request: {
            number: pr.number,
            head: { ref: 'fix', repo: { full_name: repository.full_name, fork: false } },
            base: { ref: 'main', repo: { full_name: repository.full_name } }
          },
          repository
        }
      }
    )
    expect(run.outputs['stabilization-status']).toMatch(/since this run \(ccccccc\)/)
    expect(writes()).toEqual([`POST /repos/octo-org/octo-repo/issues/${pr.number}/comments`])
    expect(api.state.comments[0].body).toContain('Stabilization:')
    expect(api.state.readFile(HISTORY, 'build-gate-baseline')).toBeUndefined()
    expect(gateIssue().body).toBe('Team notes.')
  })

  it('a corrupt history fails the step naming the file, and is left as it is', async () => {
    api.state.addBranch('build-gate-baseline')
    api.state.writeFile(HISTORY, 'not json', 'build-gate-baseline')
    const run = await gate('d', '8')
    expect(run.stdout).toMatch(
      /::error::.*Tracker sync: Run history build-gate\/history\.json on branch build-gate-baseline of octo-org\/octo-repo: not valid JSON/
    )
    expect(run.exitCode).toBe(1)
    expect(api.state.readFile(HISTORY, 'build-gate-baseline')).toBe('not json')
    expect(run.outputs['stabilization-status']).toBeUndefined()
  })
})
