// A capability plugs in at one place: a test-only one that emits one blocking finding makes the real
// gate unstable, shows in the summary, the terminal and an output, and survives a shard merge.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { Capability, ReportBody } from '../src/capabilities/capability.js'
import { CAPABILITIES } from '../src/capabilities/registry.js'
import { parseConfig } from '../src/config.js'
import type { Finding } from '../src/findings/finding.js'
import { runGate } from '../src/gate.js'
import { reportOutputs } from '../src/report/outputs.js'
import type { GateReport } from '../src/report/schema.js'
import { markdownSections, textSections } from '../src/report/sections.js'
import { renderSummary } from '../src/report/summary.js'
import { terminalReport } from '../src/report/terminal.js'
import { mergeReports, readShardReports } from '../src/shard/merge.js'

interface ProbeSection {
  members: string[]
}
type WithProbe = ReportBody & { probe?: ProbeSection }

const MESSAGE = 'probe: the workspace has members, which this test capability forbids'

function probeFindings(report: WithProbe): Finding[] {
  if (!report.probe?.members.length) return []
  return [{ code: 'probe-found', severity: 'block', message: MESSAGE, source: 'probe' }]
}

// Counts the members it saw (from the metadata its stage is given) and blocks when there are any.
const probe: Capability = {
  name: 'probe',
  stage: 'analyses',
  inputs: [],
  outputs: [
    {
      name: 'probe-members',
      description: 'Members the probe saw.',
      value: r => ((r as WithProbe).probe ? String((r as WithProbe).probe!.members.length) : null)
    }
  ],
  async run(ports) {
    const section: ProbeSection = { members: ports.report.crates.map(c => c.name).sort() }
    return {
      section: { probe: section } as Partial<ReportBody>,
      findings: probeFindings({ ...ports.report, probe: section })
    }
  },
  findings: report => probeFindings(report),
  merge: shards =>
    ({
      probe: { members: shards.flatMap(s => (s as WithProbe).probe?.members ?? []).sort() }
    }) as Partial<ReportBody>,
  markdown: r =>
    (r as WithProbe).probe ? `### Probe\n\n${(r as WithProbe).probe!.members.join(', ')}` : null,
  terminal: r =>
    (r as WithProbe).probe ? [`Probe: ${(r as WithProbe).probe!.members.length} member(s)`] : []
}
const capabilities = [...CAPABILITIES, probe]
const dir = path.resolve('__fixtures__/workspaces/clean')

describe('a capability registered in one place', () => {
  it('makes the real gate unstable and shows in the summary, the terminal and its output', async () => {
    const config = parseConfig(() => '', 'cli', dir)
    const plain = (await runGate(config)).report
    expect(plain.verdict.stable).toBe(true)
    const { report } = await runGate(config, { capabilities })
    const members = plain.crates.map(c => c.name).sort()
    expect((report as GateReport & WithProbe).probe).toEqual({ members })
    expect(report.verdict).toEqual({
      stable: false,
      reasons: [{ code: 'probe-found', message: MESSAGE }],
      warnings: []
    })
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'probe-found', source: 'probe' }))

    const summary = renderSummary(report, markdownSections(capabilities))
    expect(summary).toContain('Build is unstable (1 reason)')
    expect(summary).toContain(`<li>${MESSAGE}</li>`)
    expect(summary).toContain(`### Probe\n\n${members.join(', ')}`)
    const text = terminalReport(report, textSections(capabilities))
    expect(text).toContain(`Probe: ${members.length} member(s)`)
    expect(text).toContain(`✗ ${MESSAGE}`)
    const outputs = reportOutputs(report, '/tmp/r.json', config, capabilities)
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
      const { report } = await runGate(config, { capabilities })
      files.push(path.join(out, `shard-${i}.json`))
      writeFileSync(files.at(-1)!, JSON.stringify(report))
    }
    const shards = readShardReports(files)
    const merged = mergeReports(
      shards,
      null,
      parseConfig(() => '', 'cli', dir),
      capabilities
    ) as GateReport & WithProbe
    const all = shards.flatMap(s => (s.report as GateReport & WithProbe).probe!.members).sort()
    expect(merged.probe).toEqual({ members: all })
    expect(merged.verdict.stable).toBe(false)
    const withMembers = shards.filter(s => (s.report as GateReport & WithProbe).probe!.members.length > 0)
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
    expect((plain as GateReport & WithProbe).probe).toBeUndefined()
  })
})
