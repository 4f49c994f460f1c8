import { describe, expect, it } from '@jest/globals'
import { addSample, type Baseline } from '../src/capabilities/timing/baseline.js'
import { confirmRegression } from '../src/capabilities/timing/confirm.js'
import { decide, judge } from '../src/capabilities/timing/decide.js'
import { cacheState, comparisonKey, profileOf } from '../src/capabilities/timing/key.js'
import { measure, type Measurement } from '../src/capabilities/timing/measure.js'
import { timingOutputs, timingSection } from '../src/capabilities/timing/result.js'
import { timingFindings } from '../src/capabilities/timing/findings.js'
import type { TimingConfig, TimingSection } from '../src/capabilities/timing/index.js'
import { foldVerdict } from '../src/findings/fold.js'
import { mad, median } from '../src/capabilities/timing/stats.js'
import { timingMarkdown, timingText } from '../src/capabilities/timing/render.js'
import type { PhaseResult, UnitCounts } from '../src/report/schema.js'

/** The timing's findings as the verdict reads them: what blocks, what only warns. */
function timingRule(report: { timing?: TimingSection }, config: Pick<TimingConfig, 'failOnRegression'>) {
  const v = foldVerdict(timingFindings(report.timing, config))
  return { blocking: v.reasons, warnings: v.warnings }
}

const OPTS = { tolerancePercent: 10, minSamples: 5 }

// Deterministic noise: a fixed pseudo-random sequence, so the statistics tests cannot flake.
function noisy(n: number, center: number, spread: number, seed = 7): number[] {
  let s = seed
  return Array.from({ length: n }, () => {
    s = (s * 16807) % 2147483647
    return center * (1 + spread * ((s / 2147483647) * 2 - 1))
  })
}

const units = (wc: number, wf: number, dc: number, df: number): UnitCounts => ({
  workspace: { compiled: wc, fresh: wf },
  dependencies: { compiled: dc, fresh: df }
})

function phase(
  name: PhaseResult['name'],
  cpu: number | null,
  u: UnitCounts,
  extra: Partial<PhaseResult> = {}
): PhaseResult {
  return {
    name,
    command: ['cargo', name],
    ran: true,
    exitCode: 0,
    signal: null,
    wallSeconds: (cpu ?? 1) / 2,
    cpuSeconds: cpu,
    units: u,
    cargoErrors: [],
    unreadableLines: 0,
    failure: null,
    ...extra
  }
}

const KEY = comparisonKey({
  rustc: '1.95.0',
  host: 'x86_64-unknown-linux-gnu',
  runnerOs: 'Linux',
  checkArgs: ['--workspace'],
  testArgs: ['--workspace'],
  runTests: true,
  metric: 'cpu'
})
// The usual CI shape: dependencies restored from cache, workspace crates compiled.
const warm = (check: number, build: number, crates: Record<string, number> = {}): Measurement => ({
  ...measure(
    [
      phase('check', check, units(4, 0, 0, 40)),
      phase('test-build', build, units(6, 0, 0, 40)),
      phase('test', 3, units(0, 0, 0, 0))
    ],
    Object.entries(crates).map(([crate, seconds]) => ({
      crate,
      kind: 'check:lib',
      seconds
    })),
    KEY,
    'cpu'
  )
})

function history(values: number[], state = warm(1, 1).cacheState): Baseline {
  let b: Baseline | null = null
  for (const v of values)
    b = addSample(b, KEY, state, { seconds: v, at: '', sha: null, crates: { core: v / 4 } }, 20)
  return b as Baseline
}

describe('robust statistics', () => {
  it('median and MAD ignore one wild sample that a mean would chase', () => {
    const xs = [10, 10.2, 9.9, 10.1, 60]
    expect(median(xs)).toBe(10.1)
    expect(mad(xs)).toBeCloseTo(0.1, 5)
  })
})

describe('the regression rule on synthetic histories', () => {
  const quiet = noisy(20, 100, 0.03)

  it('never flags unchanged builds drawn from the same noise as the history', () => {
    const runs = noisy(200, 100, 0.03, 99)
    expect(runs.filter(r => judge(r, quiet, OPTS).regression === 'true')).toEqual([])
  })

  it('flags a 20% slowdown on a quiet history, with the numbers in the explanation', () => {
    const d = judge(120, quiet, OPTS)
    expect(d.regression).toBe('true')
    expect(d.suspected).toBe(true)
    expect(d.deltaPercent).toBeGreaterThan(15)
    expect(d.explanation).toMatch(/120\.00 s vs median 1\d\d\.\d\d s of 20 sample/)
  })

  it('does not flag +15% on a runner whose own history spreads ±25%: noise cannot be ruled out', () => {
    const wild = noisy(20, 100, 0.25)
    const d = judge(median(wild) * 1.15, wild, OPTS)
    expect(d.regression).toBe('false')
    expect(d.explanation).toMatch(/within the history's own spread/)
    expect(judge(median(wild) * 1.6, wild, OPTS).regression).toBe('true')
  })

  it('below baseline-min-samples a slowdown is a warning, not a regression', () => {
    const d = judge(150, [100, 101, 99], OPTS)
    expect(d.regression).toBe('false')
    expect(d.explanation).toMatch(/only 3 of 5 samples.*warning, not a regression/)
  })

  it('ignores slowdowns under half a second, where clock ticks dominate', () => {
    expect(judge(1.4, [1, 1, 1, 1, 1], OPTS).regression).toBe('false')
    expect(judge(1.6, [1, 1, 1, 1, 1], OPTS).regression).toBe('true')
  })
})

describe('comparing like with like', () => {
  it('the key carries toolchain, runner, commands and profile', () => {
    expect(KEY).toMatchObject({
      rustc: '1.95.0',
      os: 'Linux',
      check: '--workspace',
      test: '--workspace',
      profile: 'dev'
    })
    expect(profileOf(['--release'])).toBe('release')
    expect(profileOf(['--profile', 'ci'])).toBe('ci')
  })

  it('reads the cache state from what cargo compiled', () => {
    const s = (c: UnitCounts, b: UnitCounts) => cacheState([phase('check', 1, c), phase('test-build', 1, b)])
    expect(s(units(4, 0, 0, 40), units(6, 0, 0, 40))).toBe(
      'dependencies:warm workspace:compiled test-dependencies:warm'
    )
    // cold: check compiles everything; test-build finds check's build scripts fresh, still cold for it
    expect(s(units(4, 0, 40, 0), units(6, 1, 30, 10))).toBe(
      'dependencies:cold workspace:compiled test-dependencies:compiled'
    )
    // one new dependency on a warm cache stays comparable: its compile time is the slowdown to catch
    expect(s(units(4, 0, 1, 40), units(6, 0, 1, 40))).toBe(
      'dependencies:warm workspace:compiled test-dependencies:warm'
    )
    expect(s(units(1, 3, 0, 40), units(2, 0, 0, 40))).toBe(
      'dependencies:warm workspace:partial test-dependencies:warm'
    )
  })

  it('a cold cache against a warm baseline is not comparable, never a regression', () => {
    const cold = measure(
      [phase('check', 300, units(4, 0, 40, 0)), phase('test-build', 400, units(6, 0, 40, 0))],
      [],
      KEY,
      'cpu'
    )
    const d = decide(cold, history(noisy(10, 100, 0.02)), OPTS)
    expect(d.regression).toBe('not-comparable')
    expect(d.explanation).toMatch(/dependencies were cold here but warm in the baseline/)
  })

  it('a new workspace crate that makes the build slower is compared and caught', () => {
    const base = history(noisy(10, 100, 0.02))
    const withNewCrate = measure(
      [phase('check', 60, units(5, 0, 0, 40)), phase('test-build', 70, units(8, 0, 0, 40))],
      [],
      KEY,
      'cpu'
    )
    expect(decide(withNewCrate, base, OPTS).regression).toBe('true')
  })

  it('another toolchain has no baseline; a failed phase is not measured', () => {
    const other = { ...warm(50, 50), key: { ...KEY, rustc: '1.96.0' } }
    expect(decide(other, history([100, 100, 100, 100, 100]), OPTS).regression).toBe('no-baseline')
    const failed = measure([phase('check', 5, units(4, 0, 0, 40), { exitCode: 101 })], [], KEY, 'cpu')
    const d = decide(failed, history([100, 100, 100, 100, 100]), OPTS)
    expect(d.regression).toBe('not-comparable')
    expect(d.explanation).toMatch(/check did not finish cleanly \(exit code 101\)/)
  })

  it('measures check + test-build, not the test run, and CPU by default', () => {
    expect(warm(40, 60).seconds).toBe(100)
    expect(warm(40, 60).phases.map(p => p.name)).toEqual(['check', 'test-build', 'test'])
    const noCpu = measure([phase('check', null, units(1, 0, 0, 0))], [], KEY, 'cpu')
    expect(noCpu.unmeasurable).toMatch(/set timing-metric: wall/)
  })
})

describe('confirmation', () => {
  const base = history(noisy(20, 100, 0.02))

  it('a slow first build followed by a normal rebuild is noise', async () => {
    let rebuilds = 0
    const first = decide(warm(60, 70), base, OPTS)
    const r = await confirmRegression(
      first,
      base,
      { ...OPTS, confirm: true },
      async () => (rebuilds++, warm(50, 50))
    )
    expect(rebuilds).toBe(1)
    expect(r.decision.regression).toBe('false')
    expect(r.confirmed).toBe(false)
    expect(r.decision.explanation).toMatch(/Not confirmed: the rebuild took 100\.00 s/)
  })

  it('two slow builds are a regression; no rebuild when nothing is suspected or confirmation is off', async () => {
    const slow = decide(warm(60, 70), base, OPTS)
    const r = await confirmRegression(slow, base, { ...OPTS, confirm: true }, async () => warm(62, 66))
    expect([r.decision.regression, r.confirmed]).toEqual(['true', true])
    let called = false
    const rebuild = async () => ((called = true), warm(50, 50))
    await confirmRegression(decide(warm(50, 50), base, OPTS), base, { ...OPTS, confirm: true }, rebuild)
    const off = await confirmRegression(slow, base, { ...OPTS, confirm: false }, rebuild)
    expect(called).toBe(false)
    expect([off.decision.regression, off.confirmed]).toEqual(['true', null])
  })
})

describe('section, outputs, verdict and rendering', () => {
  const base = history(noisy(20, 100, 0.02))
  const m = warm(60, 70, { core: 40, app: 5 })
  const section = timingSection(
    m,
    { decision: decide(m, base, OPTS), confirmed: true, confirmation: null },
    base,
    {
      updated: false,
      note: 'Baseline not updated: pull request runs never write the baseline.'
    }
  )

  it('sets the four outputs and lists the crates that moved most first', () => {
    expect(timingOutputs(section)).toMatchObject({ 'build-seconds': '130', 'build-regression': 'true' })
    expect(Number(timingOutputs(section)['build-delta-percent'])).toBeGreaterThan(25)
    expect(section.crates[0]).toMatchObject({ name: 'core', seconds: 40 })
    expect(section.crates.find(c => c.name === 'app')?.baselineSeconds).toBeNull()
  })

  it('blocks only when fail-on-regression is on', () => {
    expect(timingRule({ timing: section }, { failOnRegression: true }).blocking[0].code).toBe(
      'build-time-regression'
    )
    const advisory = timingRule({ timing: section }, { failOnRegression: false })
    expect([advisory.blocking.length, advisory.warnings[0].message]).toEqual([
      0,
      expect.stringMatching(/advisory/)
    ])
  })

  it('renders a phase table and the movers', () => {
    const md = timingMarkdown(section)
    expect(md).toMatch(/### Build time: regression/)
    expect(md).toMatch(/\| test-build \| 35\.00 \| 70\.00 \| 6 \/ 0 \| 0 \/ 40 \|/)
    expect(md).toMatch(/\| core \| 40\.00 \| 2\d\.\d\d \| \+/)
    expect(md).toMatch(/\| app \| 5\.00 \| new \|/)
    expect(timingText(section)).toMatch(/confirmed by a rebuild/)
  })
})
