// The tracker against the local GitHub API over real HTTP, with the history on the baseline branch and
// an injected clock: history, checklist on the gate's tracking issue, escalation once per stretch,
// recovery, no writes on an unchanged rerun, a pull request or a dry run, a corrupt history refused.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { failureReport } from '../src/pipeline/report.js'
import type { Finding } from '../src/findings/finding.js'
import { createClient } from '../src/github/client.js'
import { readRunContext, type RunContext } from '../src/github/context.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { CHECKLIST_END, CHECKLIST_START } from '../src/capabilities/checklist/items.js'
import { HistoryError, type History } from '../src/capabilities/tracker/history.js'
import { historyStore } from '../src/capabilities/tracker/store.js'
import { publishTracker } from '../src/capabilities/checklist/publish.js'
import { recordRun, type TrackerSection } from '../src/capabilities/tracker/track.js'
import { syncWorkstreams } from '../src/capabilities/roadmap/sync.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'
import type { FindingCode } from '../src/findings/codes.js'

const DAY = 86_400_000
const T0 = Date.parse('2026-11-20T03:00:00Z')
const HISTORY = 'build-gate/history.json'
const BRANCH = 'build-gate-baseline'
const GATE_LABEL = 'workstream:build-system-stabilization'

let api: GitHubApi
let logs: string[]
beforeEach(async () => {
  api = await startGitHubApi({ owner: 'toka', repo: 'toka', tokens: { t: 'write', ro: 'read' } })
  logs = []
})
afterEach(async () => api.close())

const finding = (code: FindingCode, crate: string | null, severity: Finding['severity']): Finding => ({
  code,
  crate,
  severity,
  message: `${code} ${crate ?? ''}`,
  source: 'conflicts'
})

/** A judged report: unstable with base64 at two versions (single-version) and base64ct needing edition 2024, or stable. */
function report(outcome: 'broken' | 'half-fixed' | 'fixed'): GateReport {
  const r = failureReport('/ws', 'unused')
  r.phases = [
    { name: 'check', ran: true, exitCode: 0, failure: null } as unknown as GateReport['phases'][number]
  ]
  r.crates = [{ name: 'toka-core', errors: 0, warnings: 0 } as GateReport['crates'][number]]
  r.tests = { ran: true, passed: 12, failed: 0, ignored: 1, failures: [], binaries: [] }
  const findings: Finding[] = []
  if (outcome !== 'fixed') findings.push(finding('msrv', 'base64ct', 'block'))
  if (outcome === 'broken') findings.push(finding('single-version', 'base64', 'block'))
  const reasons = findings.map(f => ({ code: f.code, message: `${f.crate}: ${f.code}` }))
  r.verdict = { stable: findings.length === 0, reasons, warnings: [] }
  ;(r as { findings?: Finding[] }).findings = findings
  return r
}

function context(kind: 'schedule' | 'pull_request', sha = 'a'.repeat(40), runId = '101'): RunContext {
  const dir = mkdtempSync(path.join(tmpdir(), 'event-'))
  const file = path.join(dir, 'event.json')
  const payload: Record<string, unknown> = { repository: { default_branch: 'main' } }
  if (kind === 'pull_request')
    payload.pull_request = {
      number: 7,
      head: { ref: 'fix', repo: { full_name: 'toka/toka', fork: false } },
      base: { ref: 'main', repo: { full_name: 'toka/toka' } }
    }
  writeFileSync(file, JSON.stringify(payload))
  return readRunContext({
    GITHUB_EVENT_NAME: kind,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'toka/toka',
    GITHUB_REF: kind === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_SHA: sha,
    GITHUB_RUN_ID: runId,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: api.url
  })
}

interface Run {
  report: GateReport
  ctx?: RunContext
  now: number
  inputs?: Record<string, string>
  token?: string
}

/** The requests the tracker's own steps made in the last `track` (the roadmap's left out). */
let trackerRequests: { method: string; path: string }[] = []

/** One run as the action makes it: record → roadmap sync (its observation) → checklist and escalation. */
async function track(run: Run): Promise<TrackerSection> {
  const inputs: Record<string, string> = {
    workstreams: 'toka/*.yaml',
    'baseline-store': 'branch',
    'escalate-to': '@alice, @toka/build',
    ...run.inputs
  }
  const read = (name: string) => inputs[name] ?? ''
  const config = parseConfig(read, 'cli', path.resolve('__fixtures__/workstreams'))
  const tracker = config.tracker
  const ctx = run.ctx ?? context('schedule')
  const client = createClient(run.token ?? 't', { baseUrl: api.url })
  const now = new Date(run.now)
  const { store } = historyStore(config, tracker, ctx, client)
  const start = api.requests.length
  const recorded = await recordRun({ report: run.report, tracker, ctx, store, dryRun: config.dryRun, now })
  trackerRequests = api.requests.slice(start)
  const s = recorded.status
  run.report.workstreams = await syncWorkstreams({
    report: run.report,
    config,
    ctx,
    client,
    log: l => logs.push(l),
    root: path.resolve('__fixtures__/workstreams'),
    now: () => now,
    tracker: {
      conflictsResolved: s.conflicts.resolved.length,
      unstableSince: s.unstableSince?.at ?? null,
      unstableSinceSha: s.unstableSince?.sha ?? null
    }
  })
  const before = api.requests.length
  const published = await publishTracker({
    section: recorded,
    report: run.report,
    tracker,
    issueLabel: GATE_LABEL,
    client,
    ctx,
    observation: run.report.workstreams.observation,
    log: l => logs.push(l)
  })
  trackerRequests = [...trackerRequests, ...api.requests.slice(before)]
  return published
}

const gateIssue = () => api.state.issues.find(i => api.state.labelNames(i).includes(GATE_LABEL))!
const history = () => JSON.parse(api.state.readFile(HISTORY, BRANCH) ?? 'null') as History | null
const comments = () => api.state.comments.filter(c => c.issueNumber === gateIssue().number)
const escalations = () => api.state.dispatches.filter(d => d.event_type === 'build-system-escalation')
const block = () => {
  const body = gateIssue().body ?? ''
  return body.slice(body.indexOf(CHECKLIST_START), body.indexOf(CHECKLIST_END))
}
const ticked = () => [...block().matchAll(/^- \[x\] ([^:]+):/gm)].map(m => m[1])
const unticked = () => [...block().matchAll(/^- \[ \] ([^:]+):/gm)].map(m => m[1])

function seedGateIssue(body = 'Owner: @build-team. Keep this text.') {
  return api.state.addIssue({ title: 'Build System Stabilization', body, labels: [GATE_LABEL] })
}

describe('the tracker on a trusted nightly', () => {
  it('unstable: records the run, writes the checklist unticked where it fails, keeps the team text, escalates nothing yet', async () => {
    seedGateIssue()
    const s = await track({ report: report('broken'), now: T0 })
    expect(s.mode).toBe('apply')
    expect(history()?.runs.map(r => [r.sha?.[0], r.stable])).toEqual([['a', false]])
    expect(
      history()
        ?.runs[0].findings.map(f => `${f.code}:${f.crate}`)
        .sort()
    ).toEqual(['msrv:base64ct', 'single-version:base64'])
    expect(gateIssue().body).toMatch(
      /^Owner: @build-team\. Keep this text\.\n\n<!-- build-gate:checklist:start -->/
    )
    expect(unticked()).toEqual([
      'Dependency conflicts resolved (none denied)',
      'Build time within tolerance',
      'Dependent workstreams unblocked'
    ])
    expect(block()).toContain('Build time within tolerance: not measured against a baseline')
    expect(ticked()).toEqual(['Workspace builds without warnings or errors', 'Full test suite passes'])
    expect(block()).toContain('2 denied: base64 (single-version), base64ct (msrv)')
    expect(block()).toContain('**Unstable** since 2026-11-20 03:00 UTC (commit aaaaaaa)')
    expect(block()).toContain('[this run](https://github.com/toka/toka/actions/runs/101)')
    expect(block()).toMatch(/8 still wait for this gate: document-organization, /)
    expect(s.escalation).toBe('not-due')
    expect(s.line).toBe('unstable since this run (aaaaaaa), 0 of 2 conflicts resolved; escalates in 3 days')
    expect(comments()).toHaveLength(0)
    expect(escalations()).toHaveLength(0)
    expect(api.state.labelNames(gateIssue())).not.toContain('status:escalated')
  })

  it('past escalate-after: the label, one comment naming what fails and who is asked, one dispatch; the next unstable run adds none', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    const late = await track({
      report: report('half-fixed'),
      ctx: context('schedule', 'b'.repeat(40), '102'),
      now: T0 + 3 * DAY + 60_000
    })
    expect(late.escalation).toBe('escalate')
    expect(api.state.labelNames(gateIssue())).toContain('status:escalated')
    expect(comments()).toHaveLength(1)
    const comment = comments()[0].body
    expect(comment).toContain('@alice @toka/build')
    expect(comment).toContain('unstable since 2026-11-20 03:00 UTC (commit aaaaaaa)')
    expect(comment).toContain('- base64ct: msrv')
    expect(comment).toContain('1 of 2 resolved; open: base64ct (msrv)')
    expect(escalations()).toHaveLength(1)
    const payload = escalations()[0].client_payload as { data: Record<string, unknown> }
    expect(payload.data.conflicts_resolved).toBe(1)
    expect(payload.data.unstable_since).toBe(new Date(T0).toISOString())
    expect(payload.data.next_milestone).toEqual(expect.arrayContaining(['testing-infrastructure']))
    expect(late.line).toMatch(/^unstable for 3 days since aaaaaaa, 1 of 2 conflicts resolved; escalated/)

    const again = await track({
      report: report('half-fixed'),
      ctx: context('schedule', 'c'.repeat(40), '103'),
      now: T0 + 4 * DAY
    })
    expect(again.escalation).toBe('escalated')
    expect(comments()).toHaveLength(1)
    expect(escalations()).toHaveLength(1)
    expect(api.state.labelNames(gateIssue())).toContain('status:escalated')
  })

  it('an escalation comment GitHub applied but answered 502 is not posted twice; a 502 dispatch is not resent', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    const path = `/repos/${api.state.owner}/${api.state.repo}`
    api.fault({
      method: 'POST',
      path: `${path}/issues/${gateIssue().number}/comments`,
      status: 502,
      afterApply: true
    })
    api.fault({ method: 'POST', path: `${path}/dispatches`, status: 502, afterApply: true })
    await expect(
      track({
        report: report('half-fixed'),
        ctx: context('schedule', 'b'.repeat(40), '102'),
        now: T0 + 3 * DAY + 60_000
      })
    ).rejects.toThrow(/may or may not have been delivered/)
    expect(comments()).toHaveLength(1)
    expect(escalations()).toHaveLength(1)
  })

  it('stable: ticks every item, removes the label and says so once; its observation resolves the conflicts', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    await track({
      report: report('broken'),
      ctx: context('schedule', 'b'.repeat(40), '102'),
      now: T0 + 4 * DAY
    })
    expect(api.state.labelNames(gateIssue())).toContain('status:escalated')
    const stable = await track({
      report: report('fixed'),
      ctx: context('schedule', 'd'.repeat(40), '104'),
      now: T0 + 5 * DAY
    })
    expect(stable.escalation).toBe('recover')
    expect(unticked()).toEqual(['Build time within tolerance'])
    expect(ticked()).toEqual([
      'Dependency conflicts resolved (none denied)',
      'Workspace builds without warnings or errors',
      'Full test suite passes',
      'Dependent workstreams unblocked'
    ])
    expect(block()).toContain('**Conflicts** since the last stable run: 2 found, 2 resolved.')
    expect(api.state.labelNames(gateIssue())).not.toContain('status:escalated')
    expect(comments().map(c => c.body.split('\n')[0])).toEqual([
      expect.stringMatching(/^<!-- build-gate:escalation since=/),
      '<!-- build-gate:recovered -->'
    ])
    expect(comments()[1].body).toContain(
      'stable since ddddddd, after 5 days unstable; 2 of 2 conflicts resolved'
    )
    const stableEvents = api.state.dispatches.filter(d => d.event_type === 'build-system-stable')
    expect(stableEvents).toHaveLength(1)
    expect(
      (stableEvents[0].client_payload as { data: { conflicts_resolved: number } }).data.conflicts_resolved
    ).toBe(2)

    await track({
      report: report('fixed'),
      ctx: context('schedule', 'e'.repeat(40), '105'),
      now: T0 + 6 * DAY
    })
    expect(comments()).toHaveLength(2)
  })

  it('an unchanged rerun (same commit, same outcome) writes nothing: no history, no body, no comment', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    api.resetLog()
    const rerun = await track({
      report: report('broken'),
      ctx: context('schedule', 'a'.repeat(40), '999'),
      now: T0 + 3600_000
    })
    expect(api.writes()).toBe(0)
    expect(rerun.history.recorded).toBe(false)
    expect(rerun.checklist).toBe('unchanged')
    // What the tracker costs a quiet nightly: the baseline branch, the history, the issue and its comments.
    expect(trackerRequests.map(r => `${r.method} ${decodeURIComponent(r.path.replace(/\?.*/, ''))}`)).toEqual(
      [
        'GET /repos/toka/toka/git/ref/heads/build-gate-baseline',
        `GET /repos/toka/toka/contents/${HISTORY}`,
        'GET /repos/toka/toka/issues',
        'GET /repos/toka/toka/issues/1/comments'
      ]
    )
    // the checklist still links the run that wrote it
    expect(block()).toContain('actions/runs/101')
  })

  it('a new commit with the same outcome records the run but leaves the checklist as it is', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    api.resetLog()
    await track({
      report: report('broken'),
      ctx: context('schedule', 'b'.repeat(40), '102'),
      now: T0 + 3600_000
    })
    expect(
      api.requests
        .filter(r => r.method !== 'GET' && r.status < 300)
        .map(r => `${r.method} ${decodeURIComponent(r.path)}`)
    ).toEqual([`PUT /repos/toka/toka/contents/${HISTORY}`])
    expect(history()?.runs).toHaveLength(2)
  })

  it('without a tracking issue it records and says how to get one; create-tracking-issues opens it and the checklist lands in it', async () => {
    const none = await track({ report: report('broken'), now: T0 })
    expect(none.checklist).toBe('no-issue')
    expect(none.note).toMatch(/no open issue labelled 'workstream:build-system-stabilization'/)
    const created = await track({
      report: report('broken'),
      ctx: context('schedule', 'b'.repeat(40), '102'),
      now: T0 + 1000,
      inputs: { 'create-tracking-issues': 'true' }
    })
    expect(created.checklist).toBe('written')
    expect(gateIssue().body).toContain('Tracking issue of the **')
    expect(block()).toContain('### Stabilization checklist')
  })
})

describe('runs that must not write', () => {
  it('a pull request reads the history for its status line and writes nothing of the tracker', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    const before = history()
    api.resetLog()
    const pr = await track({
      report: report('broken'),
      ctx: context('pull_request', 'f'.repeat(40)),
      now: T0 + 4 * DAY
    })
    expect(pr.mode).toBe('preview')
    expect(pr.line).toBe(
      'unstable for 4 days since aaaaaaa, 0 of 2 conflicts resolved; past escalate-after (3 days)'
    )
    expect(api.writes()).toBe(0)
    expect(history()).toEqual(before)
    expect(comments()).toHaveLength(0)
    expect(escalations()).toHaveLength(0)
  })

  it('dry-run plans the escalation and writes nothing', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    api.resetLog()
    const dry = await track({
      report: report('broken'),
      ctx: context('schedule', 'b'.repeat(40)),
      now: T0 + 4 * DAY,
      inputs: { 'dry-run': 'true' }
    })
    expect(dry.mode).toBe('dry-run')
    expect(dry.plannedWrites.map(w => w.kind)).toEqual(['comment', 'add-label', 'dispatch'])
    expect(api.writes()).toBe(0)
  })

  it('a corrupt history is refused, named, and left as it is', async () => {
    seedGateIssue()
    api.state.addBranch(BRANCH)
    api.state.writeFile(
      HISTORY,
      '{"format": "build-gate-history", "version": 1, "runs": [{"at": 5}]}',
      BRANCH
    )
    api.resetLog()
    const failure = track({ report: report('broken'), now: T0 })
    await expect(failure).rejects.toBeInstanceOf(HistoryError)
    await expect(failure).rejects.toThrow(
      /Run history build-gate\/history\.json on branch build-gate-baseline of toka\/toka: runs\[0\]\.at must be an ISO time; fix or delete it/
    )
    expect(api.writes()).toBe(0)
    expect(api.state.readFile(HISTORY, BRANCH)).toContain('"at": 5')
  })

  it('a read-only token: the history cannot be written, and the error says which permission', async () => {
    seedGateIssue()
    await expect(track({ report: report('broken'), now: T0, token: 'ro' })).rejects.toThrow(/contents: write/)
  })

  it('without a token the history cannot be reached: the line says so and nothing is written', async () => {
    const inputs = { 'baseline-store': 'branch' }
    const config = parseConfig(n => (inputs as Record<string, string>)[n] ?? '', 'cli')
    const { store, unreachable } = historyStore(config, config.tracker, context('schedule'), null)
    const s = await recordRun({
      report: report('broken'),
      tracker: config.tracker,
      ctx: context('schedule'),
      store,
      unreachable,
      dryRun: false,
      now: new Date(T0)
    })
    expect(s.mode).toBe('report-only')
    expect(s.line).toBe(
      'unstable; no run history (the run history on the baseline branch needs github-token and GITHUB_REPOSITORY)'
    )
    expect(api.requests).toHaveLength(0)
  })
})

describe('the checklist block', () => {
  it('broken markers are reported and the body is not rewritten', async () => {
    seedGateIssue(`Notes\n${CHECKLIST_START}\nhalf a block`)
    const s = await track({ report: report('broken'), now: T0 })
    expect(s.checklist).toBe('broken')
    expect(s.note).toMatch(/checklist markers in #1 are broken/)
    expect(gateIssue().body).toBe(`Notes\n${CHECKLIST_START}\nhalf a block`)
  })

  it('edits around the block survive the next update', async () => {
    seedGateIssue()
    await track({ report: report('broken'), now: T0 })
    const issue = gateIssue()
    issue.body = `Intro written later.\n\n${issue.body}\n\nFooter written later.`
    await track({ report: report('fixed'), ctx: context('schedule', 'b'.repeat(40), '102'), now: T0 + DAY })
    expect(gateIssue().body).toMatch(
      /^Intro written later\.\n\nOwner: @build-team\. Keep this text\.\n\n<!-- build-gate:checklist:start -->/
    )
    expect(gateIssue().body).toMatch(/<!-- build-gate:checklist:end -->\n+Footer written later\.$/)
    expect(gateIssue().body?.split(CHECKLIST_START)).toHaveLength(2)
  })
})
