// The checklist's items and the escalation plan, pure: what ticks, what evidence, what is compared,
// and what GitHub writes each state calls for.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import type { Finding } from '../src/findings/finding.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'
import type { TimingSection } from '../src/capabilities/timing/index.js'
import {
  checklistDigest,
  checklistItems,
  readBlock,
  renderChecklist,
  withBlock
} from '../src/capabilities/checklist/items.js'
import { escalatedThisStretch, lastMarker } from '../src/capabilities/checklist/escalation.js'
import { planTracker } from '../src/capabilities/checklist/plan.js'
import { runRecord } from '../src/capabilities/tracker/record.js'
import { deriveStatus } from '../src/capabilities/tracker/status.js'
import { checkTallies } from './support/cargo-oracle.js'
import type { FindingCode } from '../src/findings/codes.js'

const NOW = new Date('2026-11-20T03:00:00Z')
const ctx = { sha: 'a'.repeat(40), runUrl: 'https://github.com/o/r/actions/runs/1' }
const items = (report: GateReport) =>
  checklistItems({
    report,
    gateBlocks: null,
    readyDependents: []
  })
const byLabel = (report: GateReport, start: string) => items(report).find(i => i.label.startsWith(start))

async function gate(fixture: string): Promise<GateReport> {
  const config = parseConfig(() => '', 'cli', path.resolve('__fixtures__/workspaces', fixture))
  return (await runGate(config)).report
}

describe('checklist items from real runs', () => {
  it('warnings: the build item is unticked with the counts cargo itself reports, the tests item ticked', async () => {
    const report = await gate('warnings')
    const cargo = checkTallies(path.resolve('__fixtures__/workspaces/warnings'))
    const total = Object.values(cargo.warnings).reduce((a, b) => a + b, 0)
    const build = byLabel(report, 'Workspace builds')!
    expect(build.done).toBe(false)
    expect(build.evidence).toContain(`0 errors, ${total} warnings in ${report.crates.length} crates`)
    for (const crate of Object.keys(cargo.warnings)) expect(build.evidence).toContain(crate)
    expect(byLabel(report, 'Full test suite')!.done).toBe(report.tests.ran && report.tests.failed === 0)
  })

  it('failing tests: unticked, naming the crates with failures', async () => {
    const report = await gate('tests-mixed')
    const tests = byLabel(report, 'Full test suite')!
    expect(tests.done).toBe(false)
    expect(tests.evidence).toMatch(new RegExp(`^\\d+ passed, ${report.tests.failed} failed`))
    for (const f of report.tests.failures) expect(tests.evidence).toContain(f.crate)
  })
})

/** A stable report body to vary one thing at a time. */
function base(): GateReport {
  return {
    crates: [],
    phases: [{ name: 'check', ran: true, exitCode: 0, failure: null }],
    diagnostics: { errors: 0, warnings: 0 },
    tests: { ran: true, passed: 3, failed: 0, ignored: 0, failures: [] },
    findings: [],
    verdict: { stable: true, reasons: [], warnings: [] }
  } as unknown as GateReport
}
const timing = (t: Partial<TimingSection>): TimingSection =>
  ({
    metric: 'cpu',
    seconds: 10,
    baselineSeconds: 9.5,
    deltaPercent: 5.26,
    regression: 'false',
    ...t
  }) as TimingSection
const api = (code: FindingCode, severity: Finding['severity'], crate = 'toka-core'): Finding => ({
  code,
  severity,
  crate,
  message: code,
  source: 'public-api'
})

describe('checklist items', () => {
  it('public API: only when that check ran; breaking unticks, a version bump allows, unknown is not a pass', () => {
    expect(byLabel(base(), 'No breaking')).toBeUndefined()
    const with_ = (f: Finding[]) => byLabel({ ...base(), findings: f }, 'No breaking')!
    expect(with_([api('api-breaking', 'block')])).toMatchObject({
      done: false,
      evidence: '1 breaking change in toka-core'
    })
    expect(with_([api('api-breaking', 'allowed')])).toMatchObject({
      done: true,
      evidence: 'none unannounced (1 break allowed by a version bump)'
    })
    expect(with_([api('api-unknown', 'warn')])).toMatchObject({ done: false })
    expect(with_([api('api-changed', 'info')])).toMatchObject({ done: true, evidence: 'none' })
    const section = (status: string) =>
      byLabel({ ...base(), publicApi: { status } } as GateReport, 'No breaking')
    expect(section('off')).toBeUndefined()
    expect(section('checked')).toMatchObject({ done: true, evidence: 'none' })
    expect(section('unknown')).toMatchObject({ done: false, evidence: 'could not be compared' })
  })

  it('build time: ticked only when compared and not a regression; the seconds are shown, not compared', () => {
    const t = (x: Partial<TimingSection> | null) =>
      byLabel({ ...base(), ...(x ? { timing: timing(x) } : {}) }, 'Build time')!
    expect(t(null)).toMatchObject({ done: false, evidence: 'not measured against a baseline' })
    expect(t({ regression: 'no-baseline', baselineSeconds: null, deltaPercent: null })).toMatchObject({
      done: false,
      evidence: 'not compared with a baseline',
      measured: 'no baseline yet; 10.0 s cpu'
    })
    expect(t({ regression: 'not-comparable' })).toMatchObject({
      done: false,
      evidence: 'not compared with a baseline',
      measured: 'not comparable with the baseline; 10.0 s cpu, +5.3% against 9.5 s'
    })
    expect(t({ regression: 'true' })).toMatchObject({ done: false, evidence: 'regression' })
    expect(t({})).toMatchObject({
      done: true,
      evidence: 'no regression',
      measured: '10.0 s cpu, +5.3% against 9.5 s'
    })
    const status = deriveStatus([runRecord(base(), ctx, NOW)], NOW, null)
    const digest = (x: Partial<TimingSection>) =>
      checklistDigest(items({ ...base(), timing: timing(x) }), status)
    expect(digest({ seconds: 10 })).toBe(digest({ seconds: 12, deltaPercent: 8 }))
    expect(digest({})).not.toBe(digest({ regression: 'true' }))
    // The first stable run has no baseline, the next one no comparable one: no tick or count changed.
    expect(digest({ regression: 'no-baseline' })).toBe(digest({ regression: 'not-comparable' }))
  })

  it('conflicts: denied ones untick and are named; reported ones are listed; allowed ones are not', () => {
    const f = (code: FindingCode, crate: string, severity: Finding['severity']): Finding => ({
      code,
      crate,
      severity,
      message: code,
      source: 'conflicts'
    })
    const c = byLabel(
      {
        ...base(),
        findings: [
          f('msrv', 'base64ct', 'block'),
          f('duplicate-versions', 'itoa', 'warn'),
          f('duplicate-versions', 'memchr', 'allowed')
        ]
      },
      'Dependency conflicts'
    )!
    expect(c).toEqual({
      label: 'Dependency conflicts resolved (none denied)',
      done: false,
      evidence: '1 denied: base64ct (msrv); 1 reported, not denied: itoa (duplicate-versions)'
    })
  })

  it('dependent workstreams: unticked while the gate blocks some, ticked when none waits', () => {
    const item = (gateBlocks: string[], stable = true) =>
      checklistItems({
        report: { ...base(), verdict: { stable, reasons: [], warnings: [] } },
        gateBlocks,
        readyDependents: ['storage-advancement']
      }).at(-1)
    expect(item(['testing-infrastructure'], false)).toMatchObject({
      done: false,
      evidence: '1 still wait for this gate: testing-infrastructure'
    })
    expect(item([])).toMatchObject({ done: true, evidence: 'ready: storage-advancement' })
  })
})

describe('the block in the issue body', () => {
  const status = deriveStatus([runRecord(base(), ctx, NOW)], NOW, null)
  const block = renderChecklist(items(base()), status)

  it('is appended to a body without one, replaced in place otherwise, and its digest read back', () => {
    const once = withBlock('Team text.', block)
    expect(once).toBe(`Team text.\n\n${block}\n`)
    expect(readBlock(once)).toEqual({ kind: 'found', digest: checklistDigest(items(base()), status) })
    const twice = withBlock(`${once}More text.`, block.replace('Stabilization checklist', 'X'))
    expect(twice).toBe(`Team text.\n\n${block.replace('Stabilization checklist', 'X')}\nMore text.`)
    expect(withBlock(null, block)).toBe(`${block}\n`)
    expect(readBlock(null)).toEqual({ kind: 'none' })
    expect(readBlock(`${block}\n${block}`)).toEqual({ kind: 'broken' })
  })
})

describe('escalation decided from GitHub', () => {
  const unstable = {
    ...base(),
    verdict: {
      stable: false,
      reasons: [{ code: 'msrv' as const, message: 'base64ct needs 1.85' }],
      warnings: []
    }
  }
  const DAY = 86_400_000
  const rec = (days: number, r: GateReport) => runRecord(r, ctx, new Date(NOW.getTime() + days * DAY))
  const plan = (runs: ReturnType<typeof rec>[], nowDays: number, labels: string[], comments: string[]) => {
    const status = deriveStatus(runs, new Date(NOW.getTime() + nowDays * DAY), 3 * DAY)
    return planTracker({
      issue: { number: 1, body: null, labels, marker: lastMarker(comments) },
      block: 'b',
      digest: 'd',
      existing: { kind: 'found', digest: 'd' },
      status,
      report: runs.length && !status.stable ? unstable : base(),
      escalationLabel: 'status:escalated',
      escalateTo: [],
      observation: { data: {} }
    })
  }
  const marker = (since: Date) => `<!-- build-gate:escalation since=${since.toISOString()} -->\n...`

  it('a new stretch after a recovered one escalates again; an escalation of an earlier stretch does not count', () => {
    const runs = [rec(0, unstable), rec(1, base()), rec(2, unstable)]
    expect(plan(runs, 6, [], [marker(NOW), '<!-- build-gate:recovered -->']).escalation).toBe('escalate')
    // the stretch at day 0 ended at day 1 without a recovery comment: day 2 is a new stretch
    expect(plan(runs, 6, [], [marker(NOW)]).escalation).toBe('escalate')
    expect(plan(runs, 6, [], [marker(new Date(NOW.getTime() + 2 * DAY))]).escalation).toBe('escalated')
  })

  it('when the history no longer reaches the start of the stretch, an older escalation still counts', () => {
    const runs = [rec(5, unstable)]
    const status = deriveStatus(runs, new Date(NOW.getTime() + 9 * DAY), 3 * DAY)
    expect(escalatedThisStretch({ kind: 'escalation', since: NOW.toISOString() }, status)).toBe(true)
  })

  it('a label someone added does not stop the one comment and dispatch; the label is not added twice', () => {
    const p = plan([rec(0, unstable)], 4, ['Status:Escalated'], [])
    expect(p.writes.map(w => w.kind)).toEqual(['comment', 'dispatch'])
  })

  it('stable: a leftover label is removed; the recovery comment only follows an escalation', () => {
    expect(plan([rec(0, base())], 1, ['status:escalated'], []).writes.map(w => w.kind)).toEqual([
      'remove-label'
    ])
    expect(plan([rec(0, base())], 1, [], []).writes).toEqual([])
  })
})
