// The README's Quick start, run as written: the bundled action with the workflow's inputs and the
// token its permissions give, on a pull request, then a push to the default branch, then a pull request
// again, against the local GitHub API. The baseline must fill itself and the last PR compare with it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import type { GateReport } from '../src/pipeline/registry.js'
import { actionlint } from './support/actionlint.js'
import { runAction } from './support/action-runner.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

interface Step {
  uses?: string
  with?: Record<string, string>
  if?: string
}
interface Job {
  if?: string
  permissions?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: { push?: { branches: string[] }; pull_request?: unknown; merge_group?: unknown }
  permissions: Record<string, string>
  concurrency?: unknown
  jobs: Record<string, Job>
}

const readme = readFileSync('README.md', 'utf8')
const quickStart = /## Quick start[^\n]*\n+```yaml\n([\s\S]*?)```/.exec(readme)![1]
const workflow = parse(quickStart) as Workflow
const actionYml = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const tmp = mkdtempSync(path.join(tmpdir(), 'gate-quickstart-'))
const repository = {
  full_name: 'octo-org/octo-repo',
  name: 'octo-repo',
  default_branch: 'main',
  owner: { login: 'octo-org' }
}

/** Whether a job's `if:` (`github.event_name == '…'`, joined by `||`) runs on this event. */
function runsOn(condition: string | undefined, event: string): boolean {
  if (!condition) return true
  return condition.split('||').some(part => {
    const m = /^\s*github\.event_name == '([\w-]+)'\s*$/.exec(part)
    if (!m) throw new Error(`the Quick start's job condition is not understood here: ${condition}`)
    return m[1] === event
  })
}

/** The jobs this event runs, with the gate step's inputs. */
function jobsFor(event: string) {
  return Object.entries(workflow.jobs)
    .filter(([, job]) => runsOn(job.if, event))
    .map(([name, job]) => {
      const gate = job.steps.find(s => s.uses?.startsWith('your-org/build-gate@'))!
      const permissions = job.permissions ?? workflow.permissions
      return {
        name,
        job,
        inputs: gate.with ?? {},
        token: permissions.contents === 'write' ? 'write-token' : 'read-token'
      }
    })
}

let api: GitHubApi
beforeAll(async () => {
  api = await startGitHubApi({
    owner: 'octo-org',
    repo: 'octo-repo',
    defaultBranch: 'main',
    tokens: { 'write-token': 'write', 'read-token': 'read' }
  })
})
afterAll(async () => api.close())

let runs = 0
async function runWorkflow(event: 'push' | 'pull_request' | 'merge_group') {
  const jobs = jobsFor(event)
  expect(jobs).toHaveLength(1)
  const [{ inputs, token }] = jobs
  const pr = event === 'pull_request' ? api.state.addPullRequest({ title: 'A change' }) : null
  const group = {
    head_sha: 'c'.repeat(40),
    head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${'c'.repeat(40)}`,
    base_sha: 'b'.repeat(40),
    base_ref: 'refs/heads/main'
  }
  const payload =
    event === 'merge_group'
      ? { action: 'checks_requested', merge_group: group, repository }
      : pr
        ? {
            action: 'synchronize',
            number: pr.number,
            pull_request: {
              number: pr.number,
              head: { ref: 'a-change', repo: { full_name: repository.full_name, fork: false } },
              base: { ref: 'main', repo: { full_name: repository.full_name } }
            },
            repository
          }
        : { ref: 'refs/heads/main', repository }
  runs++
  const runnerTemp = path.join(tmp, `runner-temp-${runs}`)
  mkdirSync(runnerTemp)
  const run = await runAction(
    {
      ...inputs,
      // Where this test's checkout is; everything else as the workflow says.
      'working-directory': path.resolve('__fixtures__/workspaces/clean'),
      'github-token': token
    },
    {
      event: { name: event, payload },
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: repository.full_name,
        GITHUB_REF: pr
          ? `refs/pull/${pr.number}/merge`
          : event === 'merge_group'
            ? group.head_ref
            : 'refs/heads/main',
        GITHUB_SHA: String(runs).repeat(40),
        // A fresh runner every time: each run compiles the workspace, so their times are comparable.
        CARGO_TARGET_DIR: path.join(tmp, `target-${runs}`),
        RUNNER_TEMP: runnerTemp
      }
    }
  )
  // The job's upload step finds the report where the action wrote it.
  const upload = jobs[0].job.steps.find(s => s.uses?.startsWith('actions/upload-artifact@'))
  if (upload) {
    const uploaded = upload.with!.path.replace('${{ runner.temp }}', runnerTemp)
    expect(path.relative(uploaded, run.outputs['report-path'])).toBe('build-gate-report.json')
  }
  return { run, report: JSON.parse(readFileSync(run.outputs['report-path'], 'utf8')) as GateReport }
}

describe("the README's Quick start", () => {
  it('is a valid workflow: pull requests and pushes to main, least privilege, one run at a time', async () => {
    const problems = await actionlint(quickStart)
    expect(problems.map(p => `${p.line}:${p.column} ${p.message}`)).toEqual([])
    expect(workflow.on.push?.branches).toEqual(['main'])
    expect(workflow.on).toHaveProperty('pull_request')
    // A merge queue waits for the required check on the group: the same job runs on merge_group.
    expect(workflow.on).toHaveProperty('merge_group')
    expect(jobsFor('merge_group').map(j => j.name)).toEqual(jobsFor('pull_request').map(j => j.name))
    // The public-API check needs the pull request's base in the clone.
    const checkout = jobsFor('pull_request')[0].job.steps.find(s => s.uses?.startsWith('actions/checkout@'))!
    expect(checkout.with?.['fetch-depth']).toBe(0)
    expect(workflow.concurrency).toBeDefined()
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(jobsFor('pull_request')[0].token).toBe('read-token')
    expect(jobsFor('push')[0].token).toBe('write-token')
    // The report is uploaded whatever the verdict (where it is: checked on each run below).
    const upload = jobsFor('pull_request')[0].job.steps.find(s =>
      s.uses?.startsWith('actions/upload-artifact@')
    )!
    expect(upload.if).toBe('always()')
    expect(upload.with?.name).toBe('build-gate-report')
    expect(actionYml.inputs['report-path'].default).toBe('')
  })

  it('fills the baseline on push and compares the next pull request with it', async () => {
    const before = await runWorkflow('pull_request')
    expect(before.run.exitCode).toBe(0)
    expect(before.report.timing?.regression).toBe('no-baseline')
    expect(before.run.summary).toContain('No build-time baseline yet')
    expect(before.run.summary).toContain('  push:\n    branches: [main]')

    const push = await runWorkflow('push')
    expect(push.run.exitCode).toBe(0)
    expect(push.report.timing?.baselineUpdated).toBe(true)
    const stored = JSON.parse(api.state.readFile('build-gate/baseline.json', 'build-gate-baseline')!) as {
      entries: Record<string, { samples: { seconds: number; sha: string }[] }>
    }
    const samples = Object.values(stored.entries).flatMap(e => e.samples)
    expect(samples).toHaveLength(1)
    expect(samples[0].sha).toBe('2'.repeat(40))
    expect(samples[0].seconds).toBeCloseTo(push.report.timing!.seconds, 2)

    const after = await runWorkflow('pull_request')
    expect(after.run.exitCode).toBe(0)
    expect(after.report.timing?.samples).toBe(1)
    expect(after.report.timing?.baselineSeconds).toBeCloseTo(samples[0].seconds, 2)
    expect(after.report.timing?.regression).not.toMatch(/no-baseline|not-comparable/)
    expect(after.report.timing?.baselineUpdated).toBe(false)
    expect(after.run.summary).not.toContain('No build-time baseline yet')

    // In the merge queue: compared with the baseline like a pull request, the public API with the
    // group's base (not in this clone: named in the reason), and nothing written to GitHub.
    api.requests.length = 0
    const queued = await runWorkflow('merge_group')
    expect(queued.run.exitCode).toBe(0)
    expect(queued.report.timing?.samples).toBe(1)
    expect(queued.report.timing?.baselineUpdated).toBe(false)
    expect(queued.report.publicApi?.reason).toMatch(
      /the base revision b{40} \(the merge group's base\) is not in this clone/
    )
    expect(api.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path}`)).toEqual([])
    expect(queued.report.timing?.baselineNote).toMatch(
      /merge queue runs never write the roadmap or the baseline/
    )
  })
})

describe('the example workflows', () => {
  const dir = 'examples/workflows'
  const files = ['pr.yml', 'nightly.yml', 'sharded.yml']
  it.each(files)('%s runs one at a time and uploads the report whatever the verdict', file => {
    const wf = parse(readFileSync(path.join(dir, file), 'utf8')) as Workflow
    expect(wf.concurrency).toBeDefined()
    const uploads = Object.values(wf.jobs)
      .flatMap(j => j.steps)
      .filter(s => s.uses?.startsWith('actions/upload-artifact@') && s.with?.name === 'build-gate-report')
    expect(uploads).toHaveLength(file === 'pr.yml' ? 2 : 1)
    for (const u of uploads) expect(u.if).toBe('always()')
  })

  it('pr.yml writes the baseline only from pushes to main', () => {
    const wf = parse(readFileSync(path.join(dir, 'pr.yml'), 'utf8')) as Workflow
    expect(wf.on.push?.branches).toEqual(['main'])
    expect(wf.permissions.contents).toBe('read')
    for (const job of Object.values(wf.jobs))
      expect(job.permissions?.contents).toBe(job.if?.includes("'push'") ? 'write' : 'read')
  })
})
