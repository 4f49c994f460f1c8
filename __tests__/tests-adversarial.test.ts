// Test output that looks like libtest's or cargo's, crashing and harness-free test binaries, on real
// cargo: the tally is libtest's own (checked against `cargo test -- --list`), never what a test prints.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'

const dir = path.resolve('__fixtures__/workspaces/tests-adversarial')
// One test thread: the test running when a binary aborts is then the one that aborted.
const inputs: Record<string, string> = { 'test-args': '--workspace -- --test-threads=1' }
const switches = ['FX_LEAK_LIBTEST_EVENT', 'FX_ABORT', 'FX_HARNESS_FAIL', 'FX_HANG', 'FX_CHATTY', 'FX_FLOOD']

async function gate(env: string[] = [], extra: Record<string, string> = {}): Promise<GateReport> {
  for (const name of env) process.env[name] = '1'
  const config = parseConfig(n => extra[n] ?? inputs[n] ?? '', 'cli', dir)
  return (await runGate(config)).report
}

/** The libtest tests cargo lists (a listing runs no test, so nothing is printed by one). */
function listedTests(): string[] {
  const r = spawnSync('cargo', ['test', '--workspace', '--', '--list'], { cwd: dir, encoding: 'utf8' })
  return [...r.stdout.matchAll(/^(.+): test$/gm)].map(m => m[1])
}

afterEach(() => {
  for (const name of switches) delete process.env[name]
})

describe('test results cannot be spoofed by what a test prints', () => {
  it('ignores fake result lines and fake cargo messages; counts a harness = false target as one pass', async () => {
    const report = await gate()
    const listed = listedTests()
    const harnessFree = report.tests.binaries.filter(b => b.harness === false)
    expect(harnessFree.map(b => [b.crate, b.target, b.passed, b.failed])).toEqual([
      ['fx-adv-plain', 'test:custom-harness', 1, 0]
    ])
    expect(report.tests.failed).toBe(1)
    expect(report.tests.passed).toBe(listed.length - 1 + harnessFree.length)
    expect(report.tests.failures.map(f => [f.crate, f.name, f.message])).toEqual([
      ['fx-adv-spoof', 'tests::fails_honestly', expect.stringMatching(/the answer drifted/)]
    ])
    expect(report.diagnostics.errors).toBe(0)
    expect(report.tests.untrusted).toEqual([])
    expect(report.verdict.reasons.map(r => r.code)).toEqual(['tests-failed'])
  })

  it("keeps the end of a chatty failure's output, where the panic is, not megabytes of it", async () => {
    const report = await gate(['FX_CHATTY'])
    const [failure] = report.tests.failures
    expect(failure.name).toBe('tests::fails_honestly')
    expect(failure.message).toMatch(/the answer drifted/)
    expect(failure.output!.length).toBeLessThan(70_000)
    expect(failure.output).toMatch(/^\[… \d+ earlier characters of output left out\]\nchatty line \d+ /)
    expect(failure.output).toMatch(
      /chatty line 199999 of a test[^]*panicked at crates\/fx-adv-spoof\/src\/lib\.rs:\d+/
    )
  })

  // One libtest event line longer than the longest string node can hold: readline crashed on it.
  it('reports a test that printed 600 MiB without a line break as output it could not read, not a crash', async () => {
    const report = await gate(['FX_FLOOD'])
    const test = report.phases.find(p => p.name === 'test')!
    expect(test.failure).toBe(
      "1 line(s) of cargo's output were longer than the 64 MiB the gate reads of one line (the longest: 600 MiB), so they could not be read whole (does a test print that much?)"
    )
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.code)).toContain('phase-failed')
    // The other test binaries were read as usual.
    expect(report.tests.binaries.find(b => b.crate === 'fx-adv-plain' && b.target === 'lib')).toEqual(
      expect.objectContaining({ passed: expect.any(Number), failed: 0 })
    )
  }, 120_000)

  it('makes the run untrusted, tally unchanged, when a test leaks a libtest event', async () => {
    const clean = await gate()
    const report = await gate(['FX_LEAK_LIBTEST_EVENT'])
    expect([report.tests.passed, report.tests.failed]).toEqual([clean.tests.passed, clean.tests.failed])
    expect(report.tests.untrusted).toEqual([
      expect.stringMatching(
        /^fx-adv-spoof lib: libtest's output cannot be trusted \(test tests::fails_honestly finished twice\)/
      )
    ])
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.code)).toEqual(['phase-untrusted', 'tests-failed'])
  })

  it('names the binary and the test that was running when a test binary aborts', async () => {
    const report = await gate(['FX_ABORT'])
    const crashed = report.tests.binaries.find(b => b.crate === 'fx-adv-spoof' && b.target === 'lib')!
    expect(crashed.finished).toBe(false)
    expect(report.tests.failures).toContainEqual({
      crate: 'fx-adv-spoof',
      target: 'lib',
      name: 'tests::aborts_when_asked',
      message:
        'the test binary stopped before reporting its result (crashed or killed) while running tests::aborts_when_asked'
    })
    expect(report.verdict.stable).toBe(false)
  })

  it('names a harness = false target that fails', async () => {
    const report = await gate(['FX_HARNESS_FAIL'])
    expect(report.tests.failures).toContainEqual(
      expect.objectContaining({ crate: 'fx-adv-plain', target: 'test:custom-harness', name: '(test binary)' })
    )
    expect(report.tests.binaries.find(b => b.harness === false)).toEqual(
      expect.objectContaining({ passed: 0, failed: 1 })
    )
  })

  it('kills a hung test run after test-timeout, with every test process, and names the test', async () => {
    const started = Date.now()
    const report = await gate(['FX_HANG'], { 'test-timeout': '0.05' })
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(report.tests.failures).toContainEqual({
      crate: 'fx-adv-spoof',
      target: 'lib',
      name: 'tests::hangs_when_asked',
      message: expect.stringMatching(
        /^the test run was stopped: cargo did not finish within 3 s \(test-timeout\) .* while running tests::hangs_when_asked$/
      )
    })
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.code)).toEqual(['phase-failed', 'tests-failed'])
    // The sleeping test binary went with cargo: nothing of the run is left.
    expect(runningTestBinaries()).toEqual([])
  }, 90_000)
})

function runningTestBinaries(): string[] {
  return readdirSync('/proc')
    .filter(p => /^\d+$/.test(p))
    .flatMap(p => {
      try {
        return [readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ')]
      } catch {
        return []
      }
    })
    .filter(cmd => /deps\/fx_adv_spoof-/.test(cmd))
}
