// Roadmap sync end to end: the real Octokit client (retry + throttling) over real HTTP to a local GitHub API.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { failureReport } from '../src/pipeline/report.js'
import { createClient } from '../src/github/client.js'
import { readRunContext, type RunContext } from '../src/github/context.js'
import type { GateReport } from '../src/pipeline/registry.js'
import type { WorkstreamsSection } from '../src/capabilities/roadmap/index.js'
import { syncWorkstreams } from '../src/capabilities/roadmap/sync.js'
import { startGitHubApi } from './support/github-api/index.js'

const fixtures = path.resolve('__fixtures__/workstreams')
const PHASE2 = [
  'document-organization',
  'github-cicd-issues-resolution',
  'kernel-events-enhancement',
  'llm-credentials-setup',
  'performance-observability',
  'security-extension',
  'storage-advancement',
  'testing-infrastructure'
]

type Api = Awaited<ReturnType<typeof startGitHubApi>>
let api: Api
let logs: string[]

beforeEach(async () => {
  api = await startGitHubApi({
    owner: 'toka',
    repo: 'toka',
    defaultBranch: 'main',
    tokens: { t: 'write', ro: 'read' }
  })
  logs = []
})
afterEach(async () => {
  await api.close()
})

function report(stable: boolean): GateReport {
  const r = failureReport(
    '/ws',
    'base64ct 0.5.1 and 0.6.0 in one build: crypto-utils needs edition 2024',
    'msrv'
  )
  // A stable report has no blocking finding: findings and verdict agree, as in a real run.
  if (stable) {
    r.verdict = { stable: true, reasons: [], warnings: [] }
    r.findings = []
  }
  r.conflicts = {
    duplicates: [],
    singleVersionViolations: [],
    staleAllowEntries: [],
    rustVersion: [],
    cargoRefusals: []
  }
  if (!stable)
    r.conflicts.cargoRefusals.push({
      crate: 'base64ct',
      version: '1.8.0',
      requires: 'edition2024',
      message: 'feature `edition2024` is required'
    })
  return r
}

function config(inputs: Record<string, string> = {}) {
  const all: Record<string, string> = { workstreams: 'toka/*.yaml', ...inputs }
  return parseConfig(name => all[name] ?? '', 'cli', fixtures)
}

function context(
  event: 'schedule' | 'pull_request',
  pr: { number: number; fork?: boolean } | null = null
): RunContext {
  const dir = mkdtempSync(path.join(tmpdir(), 'event-'))
  const file = path.join(dir, 'event.json')
  const payload: Record<string, unknown> = { repository: { default_branch: 'main' } }
  if (pr)
    payload.pull_request = {
      number: pr.number,
      head: {
        ref: 'fix-base64ct',
        repo: { full_name: pr.fork ? 'someone/toka' : 'toka/toka', fork: !!pr.fork }
      },
      base: { ref: 'main', repo: { full_name: 'toka/toka' } }
    }
  writeFileSync(file, JSON.stringify(payload))
  return readRunContext({
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'toka/toka',
    GITHUB_REF: pr ? `refs/pull/${pr.number}/merge` : 'refs/heads/main',
    GITHUB_SHA: 'cafe',
    GITHUB_API_URL: api.url
  })
}

function sync(
  stable: boolean,
  opts: { inputs?: Record<string, string>; ctx?: RunContext; token?: string } = {}
) {
  return syncWorkstreams({
    report: report(stable),
    config: config(opts.inputs),
    ctx: opts.ctx ?? context('schedule'),
    client: createClient(opts.token ?? 't', { baseUrl: api.url, log: line => logs.push(line) }),
    log: line => logs.push(line),
    root: fixtures
  })
}

const issueLabels = (workstream: string) => {
  const issue = api.state.issues.find(i => api.state.labelNames(i).includes(`workstream:${workstream}`))!
  return api.state.labelNames(issue).filter(l => l.startsWith('status:'))
}
/** Requests that changed state on the API. */
const writes = () =>
  api.requests.filter(r => r.method !== 'GET' && r.status < 300).map(r => `${r.method} ${r.path}`)
const byName = (s: WorkstreamsSection, name: string) => s.workstreams.find(w => w.name === name)!
/** Branch creations of workstream branches (the baseline branch, where the ledger lives, left out). */
const workstreamRefs = () =>
  api.requests.filter(
    r =>
      r.method === 'POST' &&
      r.path.endsWith('/git/refs') &&
      /^refs\/heads\/feature\//.test((r.body as { ref: string }).ref)
  )

describe('nightly on the real Toka workstreams', () => {
  it('stable: labels, tracking issues, branches and one dispatch; rerun: 0 writes; broken: re-blocked, branches kept', async () => {
    const main = api.state.branch('main')
    const first = await sync(true, { inputs: { 'create-tracking-issues': 'true' } })

    expect(first.mode).toBe('apply')
    expect(first.createdBranches.sort()).toEqual([
      'feature/document-organization',
      'feature/github-cicd-fixes',
      'feature/kernel-events-expansion',
      'feature/llm-credentials-setup',
      'feature/performance-observability',
      'feature/security-enhancements',
      'feature/storage-enhancements',
      'feature/testing-infrastructure'
    ])
    for (const b of first.createdBranches) expect(api.state.branch(b)).toBe(main)
    expect(api.state.branch('feature/build-system-stabilization')).toBeUndefined()
    expect(api.state.labels.map(l => l.name)).toEqual(
      expect.arrayContaining(['status:ready', 'status:blocked', 'workstream:storage-advancement'])
    )
    expect(api.state.labels.find(l => l.name === 'status:ready')).toMatchObject({ color: '0e8a16' })
    for (const w of PHASE2) expect(issueLabels(w)).toEqual(['status:ready'])
    expect(issueLabels('build-system-stabilization')).toEqual([])
    expect(api.state.dispatches).toHaveLength(1)
    const [event] = api.state.dispatches
    expect(event.event_type).toBe('build-system-stable')
    expect(event.client_payload).toMatchObject({
      agent_id: 'build-gate/build-system-stabilization',
      observation_type: 'BUILD_SYSTEM_STABLE',
      data: { phase: 'build_system_stable', conflicts_found: 0, workstreams_blocked: [] }
    })
    const data = (
      event.client_payload as { data: { branches_created: string[]; workstreams_unblocked: string[] } }
    ).data
    expect(data.branches_created).toHaveLength(8)
    expect(data.workstreams_unblocked.sort()).toEqual(PHASE2)
    expect(first.appliedWrites).toBe(api.writes())

    api.resetLog()
    const rerun = await sync(true, { inputs: { 'create-tracking-issues': 'true' } })
    expect(writes()).toEqual([])
    expect(rerun).toMatchObject({ mode: 'apply', appliedWrites: 0, plannedWrites: [], createdBranches: [] })
    expect(byName(rerun, 'storage-advancement')).toMatchObject({ state: 'ready', previousState: 'ready' })

    api.resetLog()
    const broken = await sync(false, { inputs: { 'create-tracking-issues': 'true' } })
    for (const w of PHASE2) expect(issueLabels(w)).toEqual(['status:blocked'])
    for (const b of first.createdBranches) expect(api.state.branch(b)).toBe(main)
    expect(byName(broken, 'security-extension')).toMatchObject({
      state: 'blocked',
      previousState: 'ready',
      reasons: [
        expect.stringContaining('needs build-system-stabilization: the build is not stable (base64ct')
      ]
    })
    expect(api.state.dispatches).toHaveLength(2)
    expect(api.state.dispatches[1]).toMatchObject({
      event_type: 'dependency-conflict',
      client_payload: {
        observation_type: 'DEPENDENCY_CONFLICT',
        data: { conflicts_found: 1, branches_created: [] }
      }
    })
    expect(writes().filter(w => w.includes('/git/refs'))).toEqual([])
  })

  it('dry-run plans and prints every write and makes none', async () => {
    const s = await sync(true, { inputs: { 'dry-run': 'true' } })
    expect(writes()).toEqual([])
    expect(s.mode).toBe('dry-run')
    expect(s.plannedWrites.filter(w => w.kind === 'create-branch')).toHaveLength(8)
    expect(s.plannedWrites.at(-1)).toMatchObject({ kind: 'dispatch', detail: 'event build-system-stable' })
    expect(logs).toContain(
      'would create-branch feature/storage-enhancements: from the head of main (storage-advancement is ready)'
    )
  })
})

describe('a workstream that requires another', () => {
  it('becomes ready when the other one’s tracking issue is closed', async () => {
    const inputs = { workstreams: 'compact/plan.yaml' }
    const testing = api.state.addIssue({ title: 'Testing', labels: ['workstream:testing-infrastructure'] })
    api.state.addIssue({ title: 'Perf', labels: ['workstream:performance-observability'] })

    const before = await sync(true, { inputs })
    expect(byName(before, 'performance-observability')).toMatchObject({
      state: 'blocked',
      reasons: [`needs testing-infrastructure: tracking issue #${testing.number} is open`]
    })
    expect(issueLabels('performance-observability')).toEqual(['status:blocked'])
    expect(api.state.branch('feature/performance-observability')).toBeUndefined()

    testing.state = 'closed'
    api.resetLog()
    const after = await sync(true, { inputs })
    expect(byName(after, 'performance-observability').state).toBe('ready')
    expect(after.createdBranches).toEqual(['feature/performance-observability'])
    expect(issueLabels('performance-observability')).toEqual(['status:ready'])
    expect(api.state.dispatches.at(-1)!.client_payload).toMatchObject({
      data: {
        workstreams_unblocked: ['performance-observability'],
        branches_created: ['feature/performance-observability']
      }
    })
  })
})

describe('pull requests', () => {
  it('write nothing to the roadmap: the plan is a preview', async () => {
    const pr = api.state.addPullRequest({ title: 'Fix base64ct', head: 'fix-base64ct' })
    const first = await sync(false, { ctx: context('pull_request', { number: pr.number }) })
    expect(first.mode).toBe('preview')
    expect(first.plannedWrites.length).toBeGreaterThan(0)
    expect(writes()).toEqual([])
    expect(api.state.labels).toEqual([])
    expect(api.state.branches().map(b => b.name)).toEqual(['main'])
  })
})

describe('without GitHub', () => {
  it('plans from the files and the verdict only', async () => {
    const s = await syncWorkstreams({
      report: report(true),
      config: config(),
      ctx: context('schedule'),
      client: null,
      log: line => logs.push(line),
      root: fixtures
    })
    expect(s.mode).toBe('report-only')
    expect(s.note).toContain('no GitHub token')
    expect(s.workstreams.filter(w => w.state === 'ready')).toHaveLength(9)
    expect(api.requests.length).toBe(0)
  })
})

describe('GitHub misbehaving', () => {
  // The compact plan keeps these short: the client spaces writes a second apart, as GitHub asks.
  const inputs = { workstreams: 'compact/plan.yaml' }
  const ready = ['feature/kernel-events-expansion', 'feature/testing-infrastructure']

  it('500s then success: retried, the run completes', async () => {
    api.fault({ method: 'GET', path: '/repos/toka/toka/labels', status: 500, times: 2 })
    const s = await sync(true, { inputs })
    expect(s.mode).toBe('apply')
    expect(s.createdBranches.sort()).toEqual(ready)
    expect(
      api.requests.filter(r => r.path.startsWith('/repos/toka/toka/labels?')).map(r => r.status)
    ).toEqual([500, 500, 200])
  })

  it('a rate limit with retry-after: waits and goes on', async () => {
    api.fault({
      method: 'POST',
      path: '/repos/toka/toka/git/refs',
      status: 403,
      times: 1,
      headers: { 'retry-after': '1' }
    })
    const s = await sync(true, { inputs })
    expect(s.createdBranches.sort()).toEqual(ready)
    expect(
      logs.some(l => l.includes('secondary rate limit on POST') && l.includes('retrying after 1s'))
    ).toBe(true)
    expect(workstreamRefs().map(r => r.status)).toEqual([403, 201, 201])
  })

  it('a branch created concurrently (422 on create): one branch, no error', async () => {
    // Someone else creates the branch between our read and our write.
    const other = api.state.addBranch('feature/kernel-events-expansion')
    api.fault({
      method: 'GET',
      path: /\/git\/ref\/heads(\/|%2F)feature(\/|%2F)kernel-events-expansion$/,
      status: 404,
      times: 1
    })
    const s = await sync(true, { inputs })
    expect(
      workstreamRefs()
        .map(r => r.status)
        .sort()
    ).toEqual([201, 422])
    expect(s.createdBranches).toEqual(['feature/testing-infrastructure'])
    expect(api.state.branch('feature/kernel-events-expansion')).toBe(other)
    expect(logs).toContain('= create-branch feature/kernel-events-expansion (already done by someone else)')
  })
})
