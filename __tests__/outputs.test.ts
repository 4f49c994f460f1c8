// The outputs: one table (the core's and every capability's rows), declared in action.yml exactly;
// values computed from the report's findings, so a count cannot drift from the verdict's policy.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { conflicts } from '../src/capabilities/conflicts/index.js'
import { parseConfig } from '../src/pipeline/config.js'
import { failureReport } from '../src/pipeline/report.js'
import { foldVerdict } from '../src/findings/fold.js'
import { runGate } from '../src/pipeline/gate.js'
import { outputTable, reportOutputs } from '../src/pipeline/outputs.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { mergeReports, readShardReports } from '../src/pipeline/shard/merge.js'
import { cargoTreeDuplicates, fixture, metadata } from './conflicts-fixture.js'

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    outputs: Record<string, { description: string }>
  }
  it('declares exactly the outputs the code sets, with the same descriptions', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      outputTable()
        .map(o => o.name)
        .sort()
    )
    for (const o of outputTable()) expect(action.outputs[o.name].description).toBe(o.description)
  })
})

describe('duplicate-crates', () => {
  const dir = fixture('duplicates')

  async function gateConflicts(inputs: Record<string, string>): Promise<GateReport> {
    const config = parseConfig(n => inputs[n] ?? '', 'cli', dir)
    const base = failureReport(dir, 'x')
    const section = analyzeConflicts(await metadata(dir), null, { ...config, toolchain: null })
    const body = { ...base, conflicts: section, findings: [] }
    const findings = conflicts.findings!(body, config)
    return { ...body, findings, verdict: foldVerdict(findings) }
  }

  it('counts what cargo tree -d shows, minus the crates allow-duplicates exempts', async () => {
    const names = (pairs: string[]) => [...new Set(pairs.map(p => p.split('@')[0]))]
    const all = names(await cargoTreeDuplicates(dir, []))
    expect(all.length).toBeGreaterThanOrEqual(2)
    const include = { 'duplicate-versions-include-dev': 'true', 'msrv-check': 'off' }
    const counted = reportOutputs(await gateConflicts(include), '/r.json')
    expect(counted['duplicate-crates']).toBe(String(all.length))
    const allowed = reportOutputs(await gateConflicts({ ...include, 'allow-duplicates': all[0] }), '/r.json')
    expect(allowed['duplicate-crates']).toBe(String(all.length - 1))
    // Dev-only duplicates are not counted without include-dev, as cargo tree -e no-dev does not show them.
    const normal = names(await cargoTreeDuplicates(dir, ['-e', 'no-dev']))
    const noDev = reportOutputs(await gateConflicts({ 'msrv-check': 'off' }), '/r.json')
    expect(noDev['duplicate-crates']).toBe(String(normal.length))
  })

  it('counts each crate once in a merged report, where every shard reports the same graph', async () => {
    const inputs: Record<string, string> = { 'duplicate-versions': 'deny', 'run-tests': 'false' }
    const whole = (await runGate(parseConfig(n => inputs[n] ?? '', 'cli', dir))).report
    const out = mkdtempSync(path.join(tmpdir(), 'gate-dup-shards-'))
    const files = []
    for (const i of [1, 2]) {
      const all: Record<string, string> = { ...inputs, shard: `${i}/2` }
      const { report } = await runGate(parseConfig(n => all[n] ?? '', 'cli', dir))
      files.push(path.join(out, `${i}.json`))
      writeFileSync(files.at(-1)!, JSON.stringify(report))
    }
    const merged = mergeReports(
      readShardReports(files),
      null,
      parseConfig(n => inputs[n] ?? '', 'cli', dir)
    )
    expect(merged.verdict.reasons.filter(r => r.code === 'duplicate-versions')).toHaveLength(2)
    const count = reportOutputs(whole, '/r.json')['duplicate-crates']
    expect(count).toBe('1')
    expect(reportOutputs(merged, '/r.json')['duplicate-crates']).toBe(count)
  })

  it('is not set when the report has no conflicts section', () => {
    expect(reportOutputs(failureReport('/ws', 'x'), '/r.json')['duplicate-crates']).toBeUndefined()
  })
})
