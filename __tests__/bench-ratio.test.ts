import { describe, expect, it } from '@jest/globals'
import { describeRatio, quantile, summarizeRatios } from '../bench/ratio.js'
import { benchTable, replaceBetweenMarkers } from '../bench/readme.js'
import type { BenchResults } from '../bench/results.js'

describe('paired ratios of the overhead benchmark', () => {
  it('summarises per-pair ratios by median, min–max and IQR', () => {
    const r = summarizeRatios([8, 9, 10, 7, 8], [10, 10, 10, 10, 10])
    expect(r).toMatchObject({ pairs: 5, median: 0.8, min: 0.7, max: 1, spreadExceedsEffect: false })
    expect(r.q1).toBeCloseTo(0.8, 10)
    expect(r.q3).toBeCloseTo(0.9, 10)
    expect(describeRatio(r)).toBe('0.800 (min–max 0.700–1.000, IQR 0.800–0.900, 5 pairs)')
  })

  it('says when the spread is larger than the effect it measures', () => {
    const r = summarizeRatios([10.2, 9.5, 10.6, 9.9, 10.1], [10, 10, 10, 10, 10])
    expect(r.spreadExceedsEffect).toBe(true)
    expect(describeRatio(r)).toMatch(/spread \(±5\.5%\) exceeds the effect \(1\.0%\): not distinguishable/)
  })

  it('interpolates quantiles and refuses unpaired input', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(() => summarizeRatios([1], [1, 2])).toThrow(/same/)
  })
})

describe('the README table written from the bench results', () => {
  const ratio = summarizeRatios([8, 8, 8, 8, 8], [10, 10, 10, 10, 10])
  const results: BenchResults = {
    date: '2026-11-25T09:00:00.000Z',
    quick: false,
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      os: 'linux 6.1',
      node: 'v20',
      cargo: 'cargo 1.95.0',
      loadAtStart: 3.5
    },
    workspace: { crates: 16, size: 30, deps: 6 },
    figures: [
      {
        id: 'warm',
        label: 'gate ÷ raw',
        target: '≤ 0.80',
        a: [8, 8, 8, 8, 8],
        b: [10, 10, 10, 10, 10],
        ratio,
        aCpu: [8, 8, 8, 8, 8],
        bCpu: [10, 10, 10, 10, 10],
        cpuRatio: ratio,
        load: [3.5, 4],
        note: ''
      }
    ],
    parse: null,
    github: null
  }

  it('names the date, the machine and the load, one row per figure, and replaces only what is between the markers', () => {
    const table = benchTable(results)
    expect(table).toMatch(/^Measured 2026-11-25 by `npm run bench` on 2 × Test CPU, linux 6\.1/)
    expect(table).toContain(
      '| gate ÷ raw | wall **0.800** (min–max 0.800–0.800, IQR 0.800–0.800, 5 pairs); CPU **0.800**'
    )
    const readme = 'intro\n<!-- bench:start -->\nold\n<!-- bench:end -->\nrest\n'
    expect(replaceBetweenMarkers(readme, 'new')).toBe(
      'intro\n<!-- bench:start -->\nnew\n<!-- bench:end -->\nrest\n'
    )
    expect(() => replaceBetweenMarkers('no markers', 'x')).toThrow(/markers/)
  })

  it('shows the start-up of node, the CLI and the action with their spread, when it was measured', () => {
    const startup = [
      { label: 'node alone', seconds: [0.064, 0.06, 0.062, 0.061, 0.063] },
      { label: 'the action', seconds: [0.098, 0.094, 0.1, 0.099, 0.096] }
    ]
    const table = benchTable({ ...results, startup })
    expect(table).toContain('start-up before any work, wall')
    expect(table).toContain(
      'node alone; the action | **62** ms (IQR 61–63 ms, 5 runs); **98** ms (IQR 96–99 ms, 5 runs)'
    )
    expect(benchTable(results)).not.toContain('start-up')
  })

  it("shows compile-once's floor and the gate's own cost next to a ratio against raw cargo", () => {
    const floor = summarizeRatios([7.9, 8, 8.1], [10, 10, 10])
    const figure = { ...results.figures[0], floor, gateOwnCpu: [0.2, 0.15, 0.18] }
    const table = benchTable({ ...results, figures: [figure] })
    expect(table).toContain('floor **0.800** (raw CPU without its `cargo check`')
    expect(table).toContain("the gate's own CPU 0.180 s (min–max 0.150–0.200 s, 3 runs)")
    expect(benchTable(results)).not.toContain('floor')
  })

  it('shows where each side of a figure against the floor spends its CPU, and the fixed costs measured alone', () => {
    const parts = {
      a: { 'cargo build': [4, 4.2, 4.1], 'the gate itself': [0.2, 0.25, 0.3] },
      b: { 'cargo test --no-run': [4.1, 4, 4.3] }
    }
    const fixedCost = [{ label: '`rustc -vV`', cpu: [0.02, 0.01, 0.02] }]
    const table = benchTable({ ...results, figures: [{ ...results.figures[0], parts }], fixedCost })
    expect(table).toContain(
      'CPU by part, A: cargo build 4.10 s (4.00–4.20), the gate itself 0.25 s (0.20–0.30); B: cargo test --no-run 4.10 s (4.00–4.30)'
    )
    expect(table).toContain(
      "| the gate's fixed costs, CPU, each measured alone: `rustc -vV` | 0.020 s (min–max 0.010–0.020 s, 3 runs) | — |"
    )
    expect(benchTable(results)).not.toMatch(/by part|fixed costs/)
  })
})
