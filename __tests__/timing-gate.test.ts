// Build time through the whole gate: per-crate times from cargo's --timings, a file baseline that
// grows only when told to, and a corrupt baseline that stops the comparison without being overwritten.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { readRunContext } from '../src/github/context.js'
import { produceReport } from '../src/pipeline/produce.js'
import { judge } from '../src/pipeline/judge.js'
import { generateWorkspace } from '../bench/generate-workspace.js'
import { addSample, serializeBaseline, type Baseline } from '../src/capabilities/timing/baseline.js'
import { utimesSync, readdirSync } from 'node:fs'
import { writeReport } from '../src/pipeline/write.js'
import type { GateReport } from '../src/pipeline/registry.js'

/** The verdict the judge gives the report under `config`. */
const decideVerdict = (report: Parameters<typeof judge>[0], config: Parameters<typeof judge>[1]) =>
  judge(report, config).verdict

const workspace = path.resolve('__fixtures__/workspaces/clean')

async function gate(inputs: Record<string, string>, dir = workspace) {
  const config = parseConfig(n => inputs[n] ?? '', 'cli', dir)
  return (await produceReport(config, { ctx: readRunContext({}) })).report
}

describe('build time in the gate', () => {
  it('times each workspace crate and records samples only when asked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-baseline-'))
    const baseline = path.join(dir, 'nested', 'baseline.json')
    // Warm the cache, so the two measured runs find it in the same state (like with like).
    await gate({ 'baseline-path': baseline, 'update-baseline': 'never' })
    const first = await gate({
      'baseline-path': baseline,
      'update-baseline': 'always',
      'confirm-regression': 'false'
    })
    expect(first.timing?.regression).toBe('no-baseline')
    expect(first.timing?.baselineUpdated).toBe(true)
    expect(first.timing?.seconds).toBeGreaterThan(0)
    expect(first.verdict.stable).toBe(true)
    const stored = JSON.parse(readFileSync(baseline, 'utf8'))
    expect(JSON.stringify(stored)).toContain(String(first.timing!.seconds))

    const second = await gate({ 'baseline-path': baseline, 'update-baseline': 'never' })
    expect(second.timing?.cacheState).toBe(first.timing?.cacheState)
    expect(second.timing?.samples).toBe(1)
    expect(second.timing?.regression).toBe('false')
    expect(second.timing?.baselineUpdated).toBe(false)
    expect(readFileSync(baseline, 'utf8')).toBe(JSON.stringify(stored, null, 2) + '\n')
  })

  it('a corrupt baseline makes the run unstable, naming the file, and stays as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-baseline-'))
    const baseline = path.join(dir, 'baseline.json')
    writeFileSync(baseline, '{"format": "something else"')
    const report = await gate({ 'baseline-path': baseline, 'update-baseline': 'always' })
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.message).join()).toContain(baseline)
    expect(readFileSync(baseline, 'utf8')).toBe('{"format": "something else"')
  })

  it("per-crate build times come from cargo's --timings report, kept beside the JSON report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-target-'))
    const inputs = { 'baseline-path': path.join(dir, 'b.json'), 'update-baseline': 'never' }
    process.env.CARGO_TARGET_DIR = path.join(dir, 'target')
    try {
      const report = await gate(inputs)
      const timed = report.crates.filter(c => (c.buildSeconds ?? 0) > 0).map(c => c.name)
      // A fresh target directory: every member is compiled, so every member has a time.
      expect(timed.sort()).toEqual(report.crates.map(c => c.name).sort())
      const wall = report.phases.filter(p => p.name === 'build').reduce((n, p) => n + p.wallSeconds, 0)
      for (const c of report.crates) expect(c.buildSeconds!).toBeLessThanOrEqual(wall)
      // compile-once (the default): the one build is the timed phase.
      expect(report.phases.filter(p => p.command.includes('--timings')).map(p => p.name)).toEqual(['build'])
      expect(report.timing?.crateTimingsNote).toBeNull()
      const files = report.timing?.cargoTimings ?? []
      expect(files.map(f => f.phase)).toEqual(['build'])
      for (const f of files) expect(f.path.startsWith(path.join(dir, 'target', 'cargo-timings'))).toBe(true)

      const out = path.join(dir, 'out', 'gate.json')
      writeReport(report, out)
      const written = JSON.parse(readFileSync(out, 'utf8')) as GateReport
      expect(written.timing?.cargoTimings?.map(f => path.basename(f.path))).toEqual([
        'gate.cargo-timing-build.html'
      ])
      for (const [i, f] of written.timing!.cargoTimings!.entries())
        expect(readFileSync(f.path, 'utf8')).toBe(readFileSync(files[i].path, 'utf8'))

      const two = await gate({ ...inputs, 'compile-once': 'off' })
      expect(two.timing?.cargoTimings?.map(f => f.phase)).toEqual(['check', 'test-build'])

      const off = await gate({ ...inputs, 'crate-timings': 'false' })
      expect(off.phases.some(p => p.command.includes('--timings'))).toBe(false)
      expect(off.timing?.crates).toEqual([])
      expect(off.timing?.cargoTimings).toEqual([])
    } finally {
      delete process.env.CARGO_TARGET_DIR
    }
  })

  it('a build far slower than its history is confirmed by a real rebuild and blocks, unless advisory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-regression-'))
    const ws = path.join(dir, 'ws')
    generateWorkspace({ dir: ws, crates: 4, size: 12 })
    const baseline = path.join(dir, 'baseline.json')
    // Every run recompiles the workspace crates, so every run measures the same work.
    const touch = () => {
      for (const c of readdirSync(path.join(ws, 'crates')))
        utimesSync(path.join(ws, 'crates', c, 'src/lib.rs'), new Date(), new Date())
    }
    await gate({ 'baseline-path': baseline, 'update-baseline': 'never' }, ws)
    touch()
    const probe = await gate({ 'baseline-path': baseline, 'update-baseline': 'never' }, ws)
    let history: Baseline | null = null
    for (let i = 0; i < 5; i++)
      history = addSample(
        history,
        probe.timing!.key,
        probe.timing!.cacheState,
        { seconds: 0.01, at: new Date().toISOString(), sha: null, crates: {} },
        20
      )
    writeFileSync(baseline, serializeBaseline(history!))

    touch()
    const slow = await gate({ 'baseline-path': baseline, 'update-baseline': 'never' }, ws)
    expect(slow.timing?.regression).toBe('true')
    expect(slow.timing?.confirmed).toBe(true)
    expect(slow.verdict.stable).toBe(false)
    expect(slow.verdict.reasons.map(r => r.code)).toEqual(['build-time-regression'])

    // The same report judged with fail-on-regression: false: advisory only.
    const advisory = decideVerdict(
      slow,
      parseConfig(n => (n === 'fail-on-regression' ? 'false' : ''), 'cli', ws)
    )
    expect(advisory.stable).toBe(true)
    expect(advisory.warnings.map(r => r.code)).toContain('build-time-regression')
  })
})
