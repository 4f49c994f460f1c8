// Sharding: a deterministic, balanced split; and a merge that fails closed.
import { describe, expect, it } from '@jest/globals'
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { partition } from '../src/pipeline/shard/partition.js'
import { mergeReports, readShardReports } from '../src/pipeline/shard/merge.js'
import { mergeShardReports } from '../src/pipeline/shard/collect.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { terminalReport } from '../src/pipeline/terminal.js'
import { generateWorkspace } from '../bench/generate-workspace.js'

const names = Array.from({ length: 23 }, (_, i) => `crate-${i}`)

describe('partition', () => {
  it('gives every member to exactly one shard, the same way every time, sizes within one', () => {
    const shards = partition(names, 4)
    expect(shards.flat().sort()).toEqual([...names].sort())
    expect(partition([...names].reverse(), 4)).toEqual(shards)
    const sizes = shards.map(s => s.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it('balances by baseline build times, longest first', () => {
    const weights = new Map([
      ['big', 100],
      ['mid', 60],
      ['a', 30],
      ['b', 30],
      ['c', 20],
      ['d', 20]
    ])
    const shards = partition([...weights.keys()], 2, weights)
    const load = shards.map(s => s.reduce((n, m) => n + weights.get(m)!, 0))
    expect(shards.findIndex(s => s.includes('big'))).not.toBe(shards.findIndex(s => s.includes('mid')))
    // Greedy longest-first is within 4/3 of the best split (130 / 130 here).
    expect(Math.max(...load)).toBeLessThanOrEqual((260 / 2) * (4 / 3))
    expect(partition([...weights.keys()].reverse(), 2, weights)).toEqual(shards)
  })

  it('leaves extra shards empty when there are more shards than members', () => {
    expect(partition(['a', 'b'], 3).filter(s => s.length === 0)).toHaveLength(1)
  })
})

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)

async function gateShards(dir: string, total: number, extra: Record<string, string> = {}) {
  const out = mkdtempSync(path.join(tmpdir(), 'gate-shards-'))
  const files: string[] = []
  for (let i = 1; i <= total; i++) {
    const inputs: Record<string, string> = { shard: `${i}/${total}`, ...extra }
    const { report } = await runGate(parseConfig(n => inputs[n] ?? '', 'cli', dir))
    const file = path.join(out, `shard-${i}.json`)
    writeFileSync(file, JSON.stringify(report))
    files.push(file)
  }
  return { out, files }
}

describe('shards and merge on real cargo', () => {
  it('gives the same verdict and counts in 2 shards + merge as in one run', async () => {
    const whole = (await runGate(parseConfig(() => '', 'cli', fixture('tests-mixed')))).report
    const { out } = await gateShards(fixture('tests-mixed'), 2)
    const merged = await mergeShardReports(path.join(out, '*.json'))
    expect(merged.verdict.stable).toBe(whole.verdict.stable)
    expect([merged.tests.passed, merged.tests.failed, merged.tests.ignored]).toEqual([
      whole.tests.passed,
      whole.tests.failed,
      whole.tests.ignored
    ])
    expect(merged.crates.map(c => [c.name, c.passed, c.failed, c.ignored, c.warnings])).toEqual(
      whole.crates.map(c => [c.name, c.passed, c.failed, c.ignored, c.warnings]).sort()
    )
    expect(merged.shard?.merged).toEqual({ shards: [1, 2], missing: [], failed: expect.any(Array) })
    // No Build time section without a word: the merged summary and each shard's say why.
    expect(renderSummary(merged)).toContain(
      '**Build time not compared with the baseline:** the shards each built part of the workspace'
    )
    expect(terminalReport(merged)).toContain('Build time not compared with the baseline')
    const shard = JSON.parse(readFileSync(path.join(out, 'shard-1.json'), 'utf8')) as GateReport
    expect(renderSummary(shard)).toContain('this shard built part of the workspace')
  })

  it('makes the merged build unstable when a shard is missing or unreadable, naming it', async () => {
    const { files } = await gateShards(fixture('clean'), 3)
    const all = mergeReports(readShardReports(files))
    expect(all.verdict.stable).toBe(true)
    const missing = mergeReports(readShardReports([files[0], files[2]]))
    expect(missing.verdict.stable).toBe(false)
    expect(missing.verdict.reasons.map(r => r.message)).toContain(
      'shard 2/3 did not report; its crates were not gated'
    )
    writeFileSync(files[1], '{"schemaVersion": 1, "trunc')
    const broken = mergeReports(readShardReports(files))
    expect(broken.verdict.stable).toBe(false)
    expect(broken.verdict.reasons[0].message).toMatch(/shard-2.json could not be read/)
    expect(mergeReports(readShardReports([])).verdict.reasons[0].message).toBe('no shard reports were found')
  })

  it('carries a failed shard reasons into the merged verdict', async () => {
    const { files } = await gateShards(fixture('warnings'), 2)
    const merged = mergeReports(readShardReports(files))
    const reports = files.map(f => readShardReports([f])[0].report as GateReport)
    expect(merged.verdict.stable).toBe(false)
    expect(merged.diagnostics.warnings).toBe(reports.reduce((n, r) => n + r.diagnostics.warnings, 0))
    expect(merged.verdict.reasons.every(r => /^shard \d\/2: /.test(r.message))).toBe(true)
  })

  it('gates a generated 10-crate workspace the same in 1 shard and in 4 shards + merge', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-generated-'))
    generateWorkspace({ dir, crates: 10, size: 3, seed: 7 })
    const whole = (await runGate(parseConfig(() => '', 'cli', dir))).report
    expect(whole.crates).toHaveLength(10)
    const { out } = await gateShards(dir, 4)
    const merged = await mergeShardReports(path.join(out, '*.json'))
    expect(merged.verdict).toEqual(whole.verdict)
    expect(merged.crates.map(c => [c.name, c.warnings, c.errors, c.passed, c.failed, c.ignored])).toEqual(
      whole.crates.map(c => [c.name, c.warnings, c.errors, c.passed, c.failed, c.ignored])
    )
    expect([merged.tests.passed, merged.diagnostics.warnings]).toEqual([
      whole.tests.passed,
      whole.diagnostics.warnings
    ])
    expect(merged.shard?.merged?.shards).toEqual([1, 2, 3, 4])
  })

  it('counts a member built as a dependency of another shard only in its own shard', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-shared-dep-'))
    const names = generateWorkspace({ dir, crates: 6, size: 1, seed: 3 })
    // The foundation crate, which every other crate builds, and one top crate get a warning each.
    for (const name of [names[0], names[5]])
      appendFileSync(
        path.join(dir, 'crates', name, 'src', 'lib.rs'),
        '\npub fn noisy() -> u32 {\n    let unused = 1;\n    2\n}\n'
      )
    const whole = (await runGate(parseConfig(() => '', 'cli', dir))).report
    expect(whole.diagnostics.warnings).toBe(2)
    const { files } = await gateShards(dir, 3)
    const merged = mergeReports(readShardReports(files))
    const key = (r: GateReport) =>
      r.diagnostics.items.map(d => `${d.crate} ${d.code} ${d.span?.file}:${d.span?.line}`).sort()
    expect(key(merged)).toEqual(key(whole))
    expect([merged.diagnostics.warnings, merged.diagnostics.errors]).toEqual([2, 0])
    expect(merged.crates.map(c => [c.name, c.warnings])).toEqual(whole.crates.map(c => [c.name, c.warnings]))
    expect(merged.verdict.stable).toBe(whole.verdict.stable)
    expect(merged.verdict.reasons.map(r => r.code)).toEqual(['warnings'])
  })
})
