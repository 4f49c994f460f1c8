// The build-time trend as sparklines: levels on a common scale, this run set apart, the limit stated.
import { describe, expect, it } from '@jest/globals'
import { addSample, type Baseline } from '../src/capabilities/timing/baseline.js'
import { decide } from '../src/capabilities/timing/decide.js'
import type { Measurement } from '../src/capabilities/timing/measure.js'
import { timingSection } from '../src/capabilities/timing/result.js'
import { sparkline, trendLines } from '../src/capabilities/timing/trend.js'
import { timingMarkdown, timingText } from '../src/capabilities/timing/render.js'

const KEY = {
  rustc: '1.95.0',
  host: 'x86_64-unknown-linux-gnu',
  os: 'Linux',
  metric: 'cpu',
  check: '',
  profile: 'dev'
}
const STATE = 'dependencies:warm workspace:compiled'
const OPTS = { tolerancePercent: 10, minSamples: 5 }

function measurement(seconds: number, crates: Record<string, number>): Measurement {
  return { metric: 'cpu', key: KEY, cacheState: STATE, seconds, unmeasurable: null, phases: [], crates }
}

function baseline(samples: { seconds: number; crates: Record<string, number> }[]): Baseline {
  let b: Baseline | null = null
  for (const s of samples) b = addSample(b, KEY, STATE, { ...s, at: '', sha: null }, 20)
  return b!
}

function section(m: Measurement, b: Baseline | null) {
  return timingSection(m, { decision: decide(m, b, OPTS), confirmed: null, confirmation: null }, b, {
    updated: false,
    note: 'Baseline not updated.'
  })
}

describe('sparkline', () => {
  it('maps the range onto eight levels, lowest to highest, and leaves gaps for runs without a value', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 1, 8)).toBe('▁▂▃▄▅▆▇█')
    expect(sparkline([10, null, 20], 10, 20)).toBe('▁ █')
    expect(sparkline([5, 5], 5, 5)).toBe('▅▅')
    // Out-of-range values are clamped, not wrapped.
    expect(sparkline([0, 30], 10, 20)).toBe('▁█')
  })
})

describe('trend of the comparable history', () => {
  const history = [10, 10.2, 9.8, 10.1, 9.9, 10].map(s => ({ seconds: s, crates: { core: s / 2, app: 1 } }))
  history[2].crates = { core: 4.9 } as never // app was fresh in that run

  it('draws the history, this run after the bar, and the limit at its level; says when this run is over it', () => {
    const slow = section(measurement(14, { core: 8, app: 1, tiny: 0.1 }), baseline(history))
    expect(slow.regression).toBe('true')
    expect(slow.trend?.seconds).toEqual([10, 10.2, 9.8, 10.1, 9.9, 10])
    const lines = trendLines(slow)
    // Scale 9.8 … 14 s: the history sits at the bottom (10.2 s one level up), this run at the top, the limit (11 s) at level 3.
    expect(lines[0]).toBe(
      'build ▁▂▁▁▁▁ │ █  14.00 s now, limit 11.00 s (▃) ← over; 6 earlier runs, oldest first'
    )
    // Slowest crates now, each on its own scale; a run in which a crate was not compiled is a gap.
    expect(lines[1]).toMatch(/^core {2}▁▁▁▁▁▁ │ █ {2}8\.00 s \(\+60\.0% vs its median\)$/)
    expect(lines[2]).toMatch(/^app {3}▅▅ ▅▅▅ │ ▅ {2}1\.00 s \(0\.0% vs its median\)$/)
    expect(lines).toHaveLength(4)
  })

  it('a run within the limit is not marked over', () => {
    const ok = section(measurement(10.05, { core: 5 }), baseline(history))
    expect(trendLines(ok)[0]).toMatch(/10\.05 s now, limit 11\.00 s \(.\); 6 earlier/)
  })

  it('appears in the job summary (fenced, so it lines up) and the terminal, and not without history', () => {
    const s = section(measurement(14, { core: 8 }), baseline(history))
    expect(timingMarkdown(s)).toContain('```text\nbuild ▁▂▁▁▁▁ │ █')
    expect(timingText(s)).toContain('  build ▁▂▁▁▁▁ │ █')
    const first = section(measurement(14, { core: 8 }), null)
    expect(first.trend).toBeUndefined()
    expect(trendLines(first)).toEqual([])
    expect(timingMarkdown(first)).not.toContain('```')
  })
})

describe('a build time that was not measured', () => {
  it('says why once, in the summary and in the terminal', () => {
    const m: Measurement = {
      ...measurement(0, {}),
      seconds: null,
      unmeasurable: 'check did not finish cleanly (exit code 101), so its time says nothing'
    }
    const t = section(m, null)
    for (const text of [timingMarkdown(t), timingText(t)]) {
      expect(text).toContain('Not measured (check did not finish cleanly (exit code 101)')
      expect(text.match(/did not finish cleanly/g)).toHaveLength(1)
    }
  })
})
