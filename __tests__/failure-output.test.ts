// What people read of a failing test: in the terminal, its captured output as libtest prints it (the
// assertion's `left`/`right`, its own frames), and nowhere the standard library's `/rustc/…` frames.
// Real cargo on a fixture; cargo's own human output as the oracle.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { terminalReport } from '../src/pipeline/terminal.js'
import { failureOutputs } from '../src/capabilities/tests/render.js'
import { withoutStdFrames } from '../src/capabilities/tests/backtrace.js'

const dir = path.resolve('__fixtures__/workspaces/tests-mixed')
const backtraceBefore = process.env.RUST_BACKTRACE
let report: GateReport

beforeAll(async () => {
  process.env.RUST_BACKTRACE = '1'
  const inputs: Record<string, string> = { 'public-api': 'off' }
  report = (await runGate(parseConfig(n => inputs[n] ?? '', 'cli', dir))).report
})

afterAll(() => {
  if (backtraceBefore === undefined) delete process.env.RUST_BACKTRACE
  else process.env.RUST_BACKTRACE = backtraceBefore
})

/** libtest's own `---- name stdout ----` block of one test, from `cargo test`'s human output. */
function cargoOwnOutput(test: string): string {
  const r = spawnSync('cargo', ['test', '-p', 'fx-mix-lib', '--lib', '--', test], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TERM_COLOR: 'never', RUST_BACKTRACE: '1' }
  })
  const m = new RegExp(`---- ${test} stdout ----\\n([\\s\\S]*?)\\n\\n`).exec(r.stdout)
  if (!m) throw new Error(`no output of ${test} in cargo's output:\n${r.stdout}`)
  return m[1]
}

describe('a failing test in the terminal', () => {
  it("shows the assertion's values and the test's own frames as libtest prints them", () => {
    const own = cargoOwnOutput('tests::double_fails_assert_eq')
    expect(own).toContain('  left: 6\n right: 7')
    expect(own).toMatch(/at \/rustc\//)
    const text = terminalReport(report)
    // The panic and its values, line for line as cargo prints them.
    const panic = own.slice(own.indexOf('assertion'), own.indexOf('stack backtrace:'))
    expect(text).toContain(`---- fx-mix-lib [lib] tests::double_fails_assert_eq ----`)
    expect(text).toContain(panic.trimEnd())
    // Its own frames stay; the standard library's are counted, not shown.
    const ownFrames = own.split('\n').filter(l => /fx_mix_lib::tests::double_fails_assert_eq/.test(l))
    for (const frame of ownFrames) expect(text).toContain(frame)
    expect(text).toMatch(/\(\d+ frames of the standard library left out\)/)
    expect(text).not.toContain('/rustc/')
    // The list after the table still names each failing test and where it panicked.
    expect(text).toMatch(
      /fx-mix-lib \[lib\] tests::double_fails_assert_eq: .* \(at crates\/fx-mix-lib\/src\/lib.rs:35:9\)/
    )
  })

  it('shows the end of a long output, saying how much came before', () => {
    const output = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    const lines = failureOutputs({
      ...report,
      tests: { ...report.tests, failures: [{ crate: 'c', target: 'lib', name: 't', message: 'm', output }] }
    })
    expect(lines).toContain('line 99')
    expect(lines).toContain('[… 70 earlier lines]')
    expect(lines).not.toContain('line 69')
  })
})

describe("std's frames in the job summary", () => {
  it('are left out of every failure, the test frames kept', () => {
    const md = renderSummary(report)
    expect(report.tests.failures.some(f => f.output?.includes('/rustc/'))).toBe(true)
    expect(md).not.toContain('/rustc/')
    expect(md).toContain('at ./src/lib.rs:35:9')
  })

  it('a frame of the standard library without a location is left out too; user frames without one stay', () => {
    const text = [
      'stack backtrace:',
      '   0: __rustc::rust_begin_unwind',
      '   1: rust_out::main',
      '   2: <fn() as core::ops::function::FnOnce<()>>::call_once',
      'note: Some details are omitted'
    ].join('\n')
    expect(withoutStdFrames(text)).toBe(
      [
        'stack backtrace:',
        '   1: rust_out::main',
        '(2 frames of the standard library left out)',
        'note: Some details are omitted'
      ].join('\n')
    )
    expect(withoutStdFrames('no backtrace here')).toBe('no backtrace here')
  })
})
