import { describe, it, expect } from '@jest/globals'
import * as path from 'node:path'
import { failureReport } from '../src/pipeline/report.js'
import type { GateReport } from '../src/pipeline/registry.js'
import type { WorkstreamsSection } from '../src/capabilities/roadmap/index.js'
import {
  workstreamOutputs,
  workstreamsMarkdown,
  workstreamsText
} from '../src/capabilities/roadmap/render.js'
import { loadWorkstreams } from '../src/capabilities/roadmap/load.js'
import { announcedInIssues, announcements } from '../src/capabilities/roadmap/announce.js'
import { buildObservation } from '../src/capabilities/roadmap/observation.js'
import {
  planWrites,
  previousState,
  type Observed,
  type PlanSettings
} from '../src/capabilities/roadmap/plan.js'
import { decideReadiness, type TrackedIssue } from '../src/capabilities/roadmap/readiness.js'

const fixtures = path.resolve('__fixtures__/workstreams')
const gate = 'build-system-stabilization'
const settings: PlanSettings = {
  prefix: 'workstream:',
  readyLabel: 'status:ready',
  blockedLabel: 'status:blocked',
  createTrackingIssues: false,
  baseBranch: null
}
const toka = () => loadWorkstreams('toka/*.yaml', fixtures)
const compact = () => loadWorkstreams('compact/plan.yaml', fixtures)

function input(stable: boolean, issues?: Map<string, TrackedIssue | null>) {
  return {
    gate,
    stable,
    unstableBecause: stable ? [] : ['2 crates resolve base64ct at several versions'],
    issues,
    prefix: 'workstream:'
  }
}
const issue = (number: number, state: 'open' | 'closed', ...labels: string[]): TrackedIssue => ({
  number,
  state,
  labels
})

describe('readiness', () => {
  it('a stable build makes every Toka workstream ready (all require only the gate)', async () => {
    const r = decideReadiness(await toka(), input(true, new Map()))
    expect(r.filter(x => x.state === 'blocked')).toEqual([])
    expect(r.find(x => x.name === gate)).toMatchObject({
      isGate: true,
      reasons: ['this gate: the build is stable']
    })
  })

  it('an unstable build blocks them, saying which dependency and why', async () => {
    const r = decideReadiness(await toka(), input(false, new Map()))
    const storage = r.find(x => x.name === 'storage-advancement')!
    expect(storage.state).toBe('blocked')
    expect(storage.reasons).toEqual([
      'needs build-system-stabilization: the build is not stable (2 crates resolve base64ct at several versions)'
    ])
    expect(r.find(x => x.name === gate)).toMatchObject({ state: 'blocked', isGate: true })
  })

  it('optional dependencies never block', async () => {
    const r = decideReadiness(
      await toka(),
      input(true, new Map([['testing-infrastructure', issue(1, 'open')]]))
    )
    expect(r.find(x => x.name === 'performance-observability')!.state).toBe('ready')
  })

  it('a workstream required by another is satisfied only when its tracking issue is closed', async () => {
    const ws = await compact()
    const perf = (issues: Map<string, TrackedIssue | null>) =>
      decideReadiness(ws, input(true, issues)).find(x => x.name === 'performance-observability')!
    expect(perf(new Map()).reasons).toEqual([
      "needs testing-infrastructure: no tracking issue labelled 'workstream:testing-infrastructure'"
    ])
    expect(perf(new Map([['testing-infrastructure', issue(7, 'open')]])).reasons).toEqual([
      'needs testing-infrastructure: tracking issue #7 is open'
    ])
    expect(perf(new Map([['testing-infrastructure', issue(7, 'closed')]])).state).toBe('ready')
    expect(
      decideReadiness(ws, input(true)).find(x => x.name === 'performance-observability')!.reasons
    ).toEqual(['needs testing-infrastructure: its tracking issue could not be read (no GitHub access)'])
  })
})

function observed(over: Partial<Observed> = {}): Observed {
  return { defaultBranch: 'main', labels: [], issues: new Map(), branches: new Set(), ...over }
}

describe('planning writes', () => {
  it('first stable run: labels, then a branch per ready workstream from the default branch', async () => {
    const ws = await toka()
    const writes = planWrites(ws, decideReadiness(ws, input(true, new Map())), observed(), settings)
    expect(
      writes.filter(w => w.kind === 'create-label').map(w => (w.kind === 'create-label' ? w.name : ''))
    ).toHaveLength(11)
    const branches = writes.flatMap(w => (w.kind === 'create-branch' ? [`${w.branch}<-${w.from}`] : []))
    expect(branches).toHaveLength(8)
    expect(branches).toContain('feature/kernel-events-expansion<-main')
    expect(branches).not.toContain('feature/build-system-stabilization<-main')
  })

  it('compares label names case-insensitively, as GitHub does, and uses base-branch when given', async () => {
    const ws = (await toka()).filter(w => w.name === 'storage-advancement' || w.name === gate)
    const labels = [
      'Workstream:Storage-Advancement',
      'WORKSTREAM:build-system-stabilization',
      'Status:Ready',
      'status:BLOCKED'
    ]
    const writes = planWrites(ws, decideReadiness(ws, input(true, new Map())), observed({ labels }), {
      ...settings,
      baseBranch: 'develop'
    })
    expect(writes).toEqual([
      {
        kind: 'create-branch',
        workstream: 'storage-advancement',
        branch: 'feature/storage-enhancements',
        from: 'develop'
      }
    ])
  })

  it('flips state labels on tracking issues, and an unchanged world plans nothing', async () => {
    const ws = await compact()
    const labels = [
      'workstream:build-system-stabilization',
      'workstream:testing-infrastructure',
      'workstream:performance-observability',
      'workstream:kernel-events-enhancement',
      'status:ready',
      'status:blocked'
    ]
    const issues = new Map([
      ['testing-infrastructure', issue(2, 'open', 'workstream:testing-infrastructure', 'Status:Blocked')],
      ['kernel-events-enhancement', issue(3, 'open', 'workstream:kernel-events-enhancement')]
    ])
    const branches = new Set(['feature/testing-infrastructure', 'feature/kernel-events-expansion'])
    const writes = planWrites(
      ws,
      decideReadiness(ws, input(true, issues)),
      observed({ labels, issues, branches }),
      settings
    )
    expect(writes).toEqual([
      { kind: 'add-label', workstream: 'testing-infrastructure', issue: 2, label: 'status:ready' },
      { kind: 'remove-label', workstream: 'testing-infrastructure', issue: 2, label: 'Status:Blocked' },
      { kind: 'add-label', workstream: 'kernel-events-enhancement', issue: 3, label: 'status:ready' }
    ])
    const told = announcements({
      readiness: decideReadiness(ws, input(true, issues)),
      workstreams: ws,
      last: announcedInIssues(issues, ws, branches),
      branches
    })
    // Labels are no evidence of an announcement; with nothing recorded, every state is announced once.
    expect([told.unblocked, told.blocked]).toEqual([
      ['testing-infrastructure', 'kernel-events-enhancement'],
      ['performance-observability']
    ])
    expect(told.branchesCreated).toEqual([
      'feature/testing-infrastructure',
      'feature/kernel-events-expansion'
    ])
    const recorded = announcements({
      readiness: decideReadiness(ws, input(true, issues)),
      workstreams: ws,
      last: new Map(Object.entries(told.record)),
      branches
    })
    expect(recorded.record).toEqual({})

    const after = new Map([
      ['testing-infrastructure', issue(2, 'open', 'workstream:testing-infrastructure', 'status:ready')],
      ['kernel-events-enhancement', issue(3, 'open', 'workstream:kernel-events-enhancement', 'status:ready')]
    ])
    expect(
      planWrites(
        ws,
        decideReadiness(ws, input(true, after)),
        observed({ labels, issues: after, branches }),
        settings
      )
    ).toEqual([])
    expect(previousState(after.get('testing-infrastructure')!, settings)).toBe('ready')
  })

  it('a broken build re-blocks without touching branches; closed (finished) issues are left alone', async () => {
    const ws = await compact()
    const labels = [
      'workstream:build-system-stabilization',
      'workstream:testing-infrastructure',
      'workstream:performance-observability',
      'workstream:kernel-events-enhancement',
      'status:ready',
      'status:blocked'
    ]
    const issues = new Map([
      ['testing-infrastructure', issue(2, 'closed', 'status:ready')],
      ['kernel-events-enhancement', issue(3, 'open', 'status:ready')]
    ])
    const writes = planWrites(
      ws,
      decideReadiness(ws, input(false, issues)),
      observed({ labels, issues, branches: new Set() }),
      settings
    )
    expect(writes).toEqual([
      { kind: 'add-label', workstream: 'kernel-events-enhancement', issue: 3, label: 'status:blocked' },
      { kind: 'remove-label', workstream: 'kernel-events-enhancement', issue: 3, label: 'status:ready' }
    ])
    const told = announcements({
      readiness: decideReadiness(ws, input(false, issues)),
      workstreams: ws,
      last: announcedInIssues(issues, ws, new Set()),
      branches: new Set()
    })
    expect(told.blocked).toEqual(['performance-observability', 'kernel-events-enhancement'])
  })

  it('opens missing tracking issues with objectives and dependencies, already labelled with their state', async () => {
    const ws = (await toka()).filter(w => w.name === 'storage-advancement' || w.name === gate)
    const writes = planWrites(
      ws,
      decideReadiness(ws, input(false, new Map())),
      observed({
        labels: [
          'workstream:storage-advancement',
          'workstream:build-system-stabilization',
          'status:ready',
          'status:blocked'
        ]
      }),
      {
        ...settings,
        createTrackingIssues: true
      }
    )
    expect(writes.map(w => w.kind)).toEqual(['create-issue', 'create-issue'])
    const storage = writes[1]
    if (storage.kind !== 'create-issue') throw new Error('expected an issue')
    expect(storage.labels).toEqual(['workstream:storage-advancement', 'status:blocked'])
    expect(storage.title).toBe('Storage Layer Advancement')
    expect(storage.body).toContain(
      '- `build-system-stabilization`: Stable build system required for storage layer modifications'
    )
    expect(storage.body).toContain('### Objectives')
    expect(writes[0].kind === 'create-issue' && writes[0].labels).toEqual([
      'workstream:build-system-stabilization'
    ])
  })
})

function reportWith(stable: boolean, workstreams?: WorkstreamsSection): GateReport {
  const r = failureReport('/ws', 'base64ct resolves at 0.5.1 and 0.6.0', 'duplicate-versions')
  if (stable) r.verdict = { stable: true, reasons: [], warnings: [] }
  r.conflicts = {
    duplicates: [
      { name: 'base64ct', versions: [], allowed: false },
      { name: 'syn', versions: [], allowed: true }
    ],
    singleVersionViolations: [],
    staleAllowEntries: [],
    rustVersion: [],
    cargoRefusals: []
  }
  return { ...r, workstreams }
}

describe('observation and rendering', () => {
  it('builds an AgentObservation with conflict counts from the report', () => {
    const o = buildObservation({
      report: reportWith(false),
      gate,
      ready: [],
      blocked: ['storage-advancement'],
      unblocked: [],
      newlyBlocked: ['storage-advancement'],
      branchesCreated: [],
      runUrl: null,
      sha: 'abc',
      now: new Date('2025-07-05T00:00:00Z')
    })
    expect(o).toMatchObject({
      agent_id: 'build-gate/build-system-stabilization',
      observation_type: 'DEPENDENCY_CONFLICT',
      timestamp: '2025-07-05T00:00:00.000Z',
      data: {
        phase: 'dependency_conflict',
        conflicts_found: 1,
        workstreams_blocked: ['storage-advancement'],
        reasons: ['duplicate-versions']
      }
    })
  })

  it('counts the conflicts the policy counts: an allowed duplicate is not one, a warned one is', () => {
    const report = reportWith(true)
    const dup = (crate: string, severity: 'warn' | 'allowed') => ({
      code: 'duplicate-versions' as const,
      severity,
      source: 'conflicts',
      crate,
      message: `${crate} resolves to 2 versions`
    })
    const observe = (r: GateReport) =>
      (
        buildObservation({
          report: r,
          gate,
          ready: [],
          blocked: [],
          unblocked: [],
          newlyBlocked: [],
          branchesCreated: [],
          runUrl: null,
          sha: 'abc',
          now: new Date('2025-07-05T00:00:00Z')
        }).data as { conflicts_found: number | null }
      ).conflicts_found
    expect(observe({ ...report, findings: [dup('syn', 'allowed')] })).toBe(0)
    expect(observe({ ...report, findings: [dup('syn', 'allowed'), dup('base64', 'warn')] })).toBe(1)
    expect(observe({ ...report, conflicts: undefined, findings: [] })).toBeNull()
  })

  it('renders the table, the plan and the outputs', () => {
    const section: WorkstreamsSection = {
      mode: 'preview',
      workstreams: [
        {
          name: gate,
          title: 'Build',
          branch: 'feature/build-system-stabilization',
          state: 'ready',
          reasons: ['this gate: the build is stable'],
          trackingIssue: 1,
          previousState: 'unknown'
        },
        {
          name: 'storage-advancement',
          title: 'Storage',
          branch: 'feature/storage-advancement',
          state: 'ready',
          reasons: [],
          trackingIssue: null,
          previousState: 'blocked'
        },
        {
          name: 'x|y',
          title: 'X',
          branch: null,
          state: 'blocked',
          reasons: ['needs a', 'needs b'],
          trackingIssue: 4,
          previousState: 'unknown'
        }
      ],
      plannedWrites: [
        { kind: 'create-branch', target: 'feature/storage-advancement', detail: 'from the head of main' }
      ],
      appliedWrites: 0,
      createdBranches: [],
      observation: null,
      note: 'pull request #3: nothing on the roadmap changes'
    }
    const md = workstreamsMarkdown(reportWith(true, section))!
    expect(md).toContain('### Workstreams — preview (what a trusted run would do)')
    expect(md).toContain(
      '| `storage-advancement` | 🟢 ready | blocked | `feature/storage-advancement` | – | – |'
    )
    expect(md).toContain('| `x\\|y` | 🔴 blocked | unknown | – | #4 | needs a; needs b |')
    expect(md).toContain('- `create-branch` feature/storage-advancement: from the head of main')
    expect(workstreamsText(reportWith(true, section))).toContain(
      '· create-branch feature/storage-advancement'
    )
    expect(workstreamsMarkdown(reportWith(true))).toBeNull()
    expect(workstreamOutputs(section, gate)).toEqual({
      'ready-workstreams': '["storage-advancement"]',
      'blocked-workstreams': '["x|y"]',
      'created-branches': '[]'
    })
  })

  it('says a reason every workstream shares once, above the table, not in every row', () => {
    const blocked = (name: string, reasons: string[]) => ({
      name,
      title: name,
      branch: null,
      state: 'blocked' as const,
      reasons,
      trackingIssue: null,
      previousState: 'unknown' as const
    })
    const why = 'depends on build-system-stabilization, which is blocked (the build is unstable)'
    const section: WorkstreamsSection = {
      mode: 'preview',
      workstreams: [blocked('a', [why]), blocked('b', [why, 'needs c']), blocked('d', [why])],
      plannedWrites: [],
      appliedWrites: 0,
      createdBranches: [],
      observation: null,
      note: 'pull request #3: nothing on the roadmap changes'
    }
    const md = workstreamsMarkdown(reportWith(false, section))!
    expect(md.split(why)).toHaveLength(2)
    expect(md).toContain(`Every workstream: ${why}`)
    expect(md).toContain('| `b` | 🔴 blocked | unknown | – | – | needs c |')
    expect(md).toContain('| `a` | 🔴 blocked | unknown | – | – | – |')
    const text = workstreamsText(reportWith(false, section))!
    expect(text.split(why)).toHaveLength(2)
    // Nothing of their own: no why column at all.
    const same = { ...section, workstreams: [blocked('a', [why]), blocked('d', [why])] }
    expect(workstreamsMarkdown(reportWith(false, same))).toContain(
      '| workstream | state | was | branch | issue |\n'
    )
  })
})
