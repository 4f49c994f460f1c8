// A capability plugs in at one place, the registry: declared here and registered for the run alone,
// touching no core file. A test-only one that emits one blocking finding makes the real gate unstable,
// shows in the summary, the terminal and an output, and survives a shard merge; another runs a cargo
// pass of its own (clippy's pedantic lints, a pass over the build's diagnostics) with a finding per
// crate, checked against cargo's own JSON.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { Capability } from '../src/capabilities/capability.js'
import type { Finding } from '../src/findings/finding.js'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import { reportOutputs } from '../src/pipeline/outputs.js'
import { CAPABILITIES, type GateReport } from '../src/pipeline/registry.js'
import { markdownSections, textSections } from '../src/pipeline/render.js'
import { mergeReports, readShardReports } from '../src/pipeline/shard/merge.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { terminalReport } from '../src/pipeline/terminal.js'

// A capability's codes and phase names join the closed lists from its own folder (here, this file).
declare module '../src/findings/codes.js' {
  interface FindingCodes {
    'probe-found': string
    'pedantic-lints': string
  }
}
declare module '../src/report/schema.js' {
  interface PhaseNames {
    clippy: true
  }
}

interface ProbeSection {
  members: string[]
}
type ProbeParts = { section: { probe?: ProbeSection } }
type WithProbe = GateReport & { probe?: ProbeSection }

const MESSAGE = 'probe: the workspace has members, which this test capability forbids'

function probeFindings(report: { probe?: ProbeSection }): Finding[] {
  if (!report.probe?.members.length) return []
  return [{ code: 'probe-found', severity: 'block', message: MESSAGE, source: 'probe' }]
}

// Counts the members it saw (from the crate rows of its stage's report) and blocks when there are any.
const probe: Capability<ProbeParts> = {
  name: 'probe',
  stage: 'analyses',
  inputs: [],
  codes: { 'probe-found': 'the probe saw workspace members' },
  outputs: [
    {
      name: 'probe-members',
      description: 'Members the probe saw.',
      value: r => (r.probe ? String(r.probe.members.length) : null)
    }
  ],
  async run(ports) {
    const probe: ProbeSection = { members: ports.report.crates.map(c => c.name).sort() }
    return { section: { probe }, findings: probeFindings({ probe }) }
  },
  findings: probeFindings,
  merge: shards => ({ probe: { members: shards.flatMap(s => s.probe?.members ?? []).sort() } }),
  markdown: r => (r.probe ? `### Probe\n\n${r.probe.members.join(', ')}` : null),
  terminal: r => (r.probe ? [`Probe: ${r.probe.members.length} member(s)`] : [])
}

// A cargo pass of its own: clippy's pedantic lints, read from cargo's messages through the shared
// cargo port (its phase is recorded), one finding per crate that has any.
interface PedanticSection {
  lints: { crate: string; code: string }[]
}
type PedanticParts = { section: { pedantic?: PedanticSection } }

function pedanticFindings(report: { pedantic?: PedanticSection }): Finding[] {
  const lints = report.pedantic?.lints ?? []
  const crates = [...new Set(lints.map(l => l.crate))].sort()
  const summary = `${lints.length} pedantic lint(s) in ${crates.join(', ')}`
  return crates.map(crate => ({
    code: 'pedantic-lints',
    severity: 'block',
    message: `${lints.filter(l => l.crate === crate).length} pedantic lint(s) in ${crate}`,
    summary,
    source: 'pedantic',
    crate
  }))
}

const pedantic: Capability<PedanticParts> = {
  name: 'pedantic',
  stage: 'analyses',
  inputs: [],
  codes: { 'pedantic-lints': "clippy's pedantic lints in workspace crates" },
  outputs: [
    {
      name: 'pedantic-lints',
      description: "clippy's pedantic lints.",
      value: r => (r.pedantic ? String(r.pedantic.lints.length) : null)
    }
  ],
  async run(ports) {
    if (!ports.cargo) return { section: {} }
    const select = ports.report.shard?.members.flatMap(m => ['-p', m]) ?? ['--workspace']
    // A shard builds other members as dependencies: their lints are their own shard's.
    const gated = new Set(ports.report.crates.map(c => c.name))
    const lints: PedanticSection['lints'] = []
    const args = ['clippy', ...select, '--message-format=json', '--', '-W', 'clippy::pedantic']
    await ports.cargo.phase(
      'clippy',
      { program: 'cargo', args },
      {
        diagnostic: d =>
          void (
            gated.has(d.crate) &&
            d.code?.startsWith('clippy::') &&
            lints.push({ crate: d.crate, code: d.code })
          )
      }
    )
    const pedantic = { lints }
    return { section: { pedantic }, findings: pedanticFindings({ pedantic }) }
  },
  findings: pedanticFindings,
  merge: shards => ({ pedantic: { lints: shards.flatMap(s => s.pedantic?.lints ?? []) } }),
  markdown: r => (r.pedantic ? `### Pedantic\n\n${r.pedantic.lints.length} lint(s)` : null),
  terminal: r => (r.pedantic ? [`Pedantic: ${r.pedantic.lints.length} lint(s)`] : [])
}

const dir = path.resolve('__fixtures__/workspaces/clean')

/** cargo's own JSON, read here: clippy's pedantic lints per workspace package. */
function clippyOracle(cwd: string): Record<string, number> {
  const r = spawnSync(
    'cargo',
    ['clippy', '--workspace', '--message-format=json', '--', '-W', 'clippy::pedantic'],
    {
      cwd,
      encoding: 'utf8'
    }
  )
  const out: Record<string, number> = {}
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue
    const m = JSON.parse(line) as {
      reason: string
      package_id: string
      message?: { code?: { code: string } }
    }
    if (m.reason !== 'compiler-message' || !m.message?.code?.code.startsWith('clippy::')) continue
    // path+file:///…/crates/fx-warn-a#0.1.0 → fx-warn-a
    const name = m.package_id.split('#')[0].split('/').pop()!
    out[name] = (out[name] ?? 0) + 1
  }
  return out
}

describe('a capability registered in one place', () => {
  it('makes the real gate unstable and shows in the summary, the terminal and its output', async () => {
    const config = parseConfig(() => '', 'cli', dir)
    const plain = (await runGate(config)).report
    expect(plain.verdict.stable).toBe(true)
    const { report } = await runGate(config, { capabilities: [...CAPABILITIES, probe] })
    const members = plain.crates.map(c => c.name).sort()
    expect((report as WithProbe).probe).toEqual({ members })
    expect(report.verdict).toEqual({
      stable: false,
      reasons: [{ code: 'probe-found', message: MESSAGE }],
      warnings: []
    })
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'probe-found', source: 'probe' }))

    const summary = renderSummary(report, markdownSections([...CAPABILITIES, probe]))
    expect(summary).toContain('Build is unstable (1 reason)')
    expect(summary).toContain(`<li>${MESSAGE}</li>`)
    expect(summary).toContain(`### Probe\n\n${members.join(', ')}`)
    const text = terminalReport(report, textSections([...CAPABILITIES, probe]))
    expect(text).toContain(`Probe: ${members.length} member(s)`)
    expect(text).toContain(`✗ ${MESSAGE}`)
    const outputs = reportOutputs(report, '/tmp/r.json', config, [...CAPABILITIES, probe])
    expect(outputs['probe-members']).toBe(String(members.length))
    expect(outputs.stable).toBe('false')
    expect(JSON.parse(outputs.reasons)).toEqual([MESSAGE])
    // Without the registration nothing of it appears.
    expect(reportOutputs(report, '/tmp/r.json', config)['probe-members']).toBeUndefined()
  })

  it('survives a shard merge: sections merged by the capability, its finding re-judged per shard', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gate-probe-'))
    const files: string[] = []
    for (const i of [1, 2]) {
      const inputs: Record<string, string> = { shard: `${i}/2` }
      const config = parseConfig(n => inputs[n] ?? '', 'cli', dir)
      const { report } = await runGate(config, { capabilities: [...CAPABILITIES, probe] })
      files.push(path.join(out, `shard-${i}.json`))
      writeFileSync(files.at(-1)!, JSON.stringify(report))
    }
    const shards = readShardReports(files)
    const merged = mergeReports(
      shards,
      null,
      parseConfig(() => '', 'cli', dir),
      [...CAPABILITIES, probe]
    ) as WithProbe
    const all = shards.flatMap(s => (s.report as WithProbe).probe!.members).sort()
    expect(merged.probe).toEqual({ members: all })
    expect(merged.verdict.stable).toBe(false)
    const withMembers = shards.filter(s => (s.report as WithProbe).probe!.members.length > 0)
    expect(merged.verdict.reasons.map(r => r.message).sort()).toEqual(
      withMembers.map(s => `shard ${s.report!.shard!.index}/2: ${MESSAGE}`).sort()
    )
    // The shard reports without the capability registered: its section is not merged, its findings stay.
    const plain = mergeReports(
      shards,
      null,
      parseConfig(() => '', 'cli', dir)
    )
    expect(plain.verdict.stable).toBe(false)
    expect((plain as WithProbe).probe).toBeUndefined()
  })
})

describe('a capability that runs a cargo pass of its own', () => {
  const ws = path.resolve('__fixtures__/workspaces/warnings')
  type WithPedantic = GateReport & { pedantic?: PedanticSection }

  it('finds what cargo finds, per crate, and shows in the summary, the terminal, its output and the phases', async () => {
    const oracle = clippyOracle(ws)
    const total = Object.values(oracle).reduce((n, c) => n + c, 0)
    expect(total).toBeGreaterThan(0)
    const config = parseConfig(n => (n === 'deny-warnings' ? 'false' : ''), 'cli', ws)
    const report = (await runGate(config, { capabilities: [...CAPABILITIES, pedantic] }))
      .report as WithPedantic
    const perCrate: Record<string, number> = {}
    for (const l of report.pedantic!.lints) perCrate[l.crate] = (perCrate[l.crate] ?? 0) + 1
    expect(perCrate).toEqual(oracle)
    // Its phase is recorded like the build's; its lints are its own, not the build's warnings.
    expect(report.phases.map(p => p.name)).toContain('clippy')
    expect(report.diagnostics.items.some(d => d.code?.startsWith('clippy::'))).toBe(false)
    // One finding per crate, each naming it; the verdict reads them as one reason.
    const found = report.findings.filter(f => f.code === 'pedantic-lints')
    expect(found.map(f => f.crate).sort()).toEqual(Object.keys(oracle).sort())
    expect(report.verdict.reasons.filter(r => r.code === 'pedantic-lints')).toHaveLength(1)

    const summary = renderSummary(report, markdownSections([...CAPABILITIES, pedantic]))
    expect(summary).toContain(`### Pedantic\n\n${total} lint(s)`)
    expect(summary).toContain('<td>clippy</td>')
    expect(terminalReport(report, textSections([...CAPABILITIES, pedantic]))).toContain(
      `Pedantic: ${total} lint(s)`
    )
    expect(reportOutputs(report, '/tmp/r.json', config, [...CAPABILITIES, pedantic])['pedantic-lints']).toBe(
      String(total)
    )
  })

  it('each shard runs it on its own members; the merge adds them up and names each shard', async () => {
    const oracle = clippyOracle(ws)
    const out = mkdtempSync(path.join(tmpdir(), 'gate-pedantic-'))
    const files: string[] = []
    for (const i of [1, 2]) {
      const inputs: Record<string, string> = { shard: `${i}/2`, 'deny-warnings': 'false' }
      const config = parseConfig(n => inputs[n] ?? '', 'cli', ws)
      const { report } = await runGate(config, { capabilities: [...CAPABILITIES, pedantic] })
      files.push(path.join(out, `shard-${i}.json`))
      writeFileSync(files.at(-1)!, JSON.stringify(report))
    }
    const config = parseConfig(n => (n === 'deny-warnings' ? 'false' : ''), 'cli', ws)
    const merged = mergeReports(readShardReports(files), null, config, [
      ...CAPABILITIES,
      pedantic
    ]) as WithPedantic
    expect(merged.pedantic!.lints).toHaveLength(Object.values(oracle).reduce((n, c) => n + c, 0))
    const reasons = merged.verdict.reasons.filter(r => r.code === 'pedantic-lints').map(r => r.message)
    expect(reasons.length).toBe(Object.keys(oracle).length)
    for (const r of reasons) expect(r).toMatch(/^shard [12]\/2: \d+ pedantic lint\(s\) in /)
  })
})
