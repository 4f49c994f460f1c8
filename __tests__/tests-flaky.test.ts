// Failed tests run again through cargo, on real cargo: a test that passes on a retry is flaky (counted
// once, as passed), one that fails every run stays a failure with its attempts, a crash is retried by
// the test it was running, and what a test prints cannot pass for a retry that passed. The oracles:
// cargo's own listing of the tests, the fixture's source for the panic lines, libtest's human output.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import { reportOutputs } from '../src/pipeline/outputs.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { terminalReport } from '../src/pipeline/terminal.js'
import { sectionAnnotations } from '../src/pipeline/render.js'
import { mergeReports, readShardReports } from '../src/pipeline/shard/merge.js'
import { checklistItems } from '../src/capabilities/checklist/items.js'
import { historyCodec, type RunRecord } from '../src/capabilities/tracker/history.js'
import { recordRun } from '../src/capabilities/tracker/track.js'
import type { RunContext } from '../src/github/context.js'
import { FileStore } from '../src/store/file-store.js'

const dir = path.resolve('__fixtures__/workspaces/tests-flaky')
const kernel = 'fx-flaky-kernel'
// Two threads, as on a 2-core runner: the tests that share a global map then run side by side.
const inputs: Record<string, string> = { 'test-args': '--workspace -- --test-threads=2' }
const switches = [
  'FX_CRASH_LIB',
  'FX_FLAKY',
  'FX_BROKEN',
  'FX_CRASH',
  'FX_SPOOF',
  'FX_FLAKY_DOC',
  'FX_MANY',
  'FX_SHARED'
]

/** One gate run with the switches on; a fresh state directory under the target dir: every test's first attempt. */
async function gate(on: string[], extra: Record<string, string> = {}): Promise<GateReport> {
  process.env.FX_FLAKY_STATE = path.join(dir, 'target', 'flaky-state', randomUUID())
  for (const name of on) process.env[name] = '1'
  const config = parseConfig(n => extra[n] ?? inputs[n] ?? '', 'cli', dir)
  return (await runGate(config)).report
}

afterEach(() => {
  for (const name of [...switches, 'FX_FLAKY_STATE']) delete process.env[name]
})

/** The tests cargo lists for the workspace (a listing runs none). */
function listedTests(): number {
  const r = spawnSync('cargo', ['test', '--workspace', '--', '--list'], { cwd: dir, encoding: 'utf8' })
  return [...r.stdout.matchAll(/^.+: test$/gm)].length
}

/** The line of `needle` in a fixture file, read from the file itself. */
function lineOf(file: string, needle: string): number {
  return (
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .findIndex(l => l.includes(needle)) + 1
  )
}

const LIB = 'crates/fx-flaky-kernel/src/lib.rs'

describe('a failed test is run again through cargo', () => {
  it('calls a test that fails once, then passes, flaky: counted once as passed; stable under warn', async () => {
    const report = await gate(['FX_FLAKY'])
    expect(report.tests.failures).toEqual([])
    expect(report.tests.failed).toBe(0)
    expect(report.tests.passed).toBe(listedTests())
    expect(report.tests.flaky).toEqual([
      {
        crate: kernel,
        target: 'lib',
        name: 'tests::fails_once',
        attempts: 2,
        retries: 2,
        firstFailure: {
          message: 'the registry lost an entry',
          output: expect.stringContaining(
            `panicked at ${LIB}:${lineOf(LIB, 'the registry lost an entry')}:13`
          )
        }
      }
    ])
    expect(report.tests.retries).toEqual(expect.objectContaining({ limit: 2, runs: 1, notes: [] }))
    expect(report.verdict.stable).toBe(true)
    const summary = '1 flaky test (failed, then passed on retry 1 of 2): fx-flaky-kernel tests::fails_once'
    expect(report.verdict.warnings.map(w => w.message)).toEqual([summary])
    expect(reportOutputs(report, 'r.json')).toEqual(
      expect.objectContaining({ 'tests-flaky': '1', 'tests-failed': '0', stable: 'true' })
    )
    // Where people look: the summary (first failure folded), the terminal, a warning at the panic.
    const md = renderSummary(report)
    expect(md).toContain(summary)
    expect(md).toMatch(
      /<h3>Flaky tests<\/h3>[^]*<details><summary>fx-flaky-kernel tests::fails_once — failed, then passed on retry 1 of 2: the registry lost an entry<\/summary>[^]*panicked at/
    )
    expect(terminalReport(report)).toContain(
      `  fx-flaky-kernel [lib] tests::fails_once: passed on retry 1 of 2; first failure: the registry lost an entry (at ${LIB}:${lineOf(LIB, 'the registry lost an entry')}:13)`
    )
    expect(sectionAnnotations(report, dir)).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        file: LIB,
        startLine: lineOf(LIB, 'the registry lost an entry'),
        title: 'fx-flaky-kernel: test tests::fails_once is flaky (failed, then passed on retry 1 of 2)'
      })
    )
  }, 120_000)

  it('makes a flaky test block under flaky-tests: deny, and exempts it under allow', async () => {
    const denied = await gate(['FX_FLAKY'], { 'flaky-tests': 'deny' })
    expect(denied.verdict.stable).toBe(false)
    expect(denied.verdict.reasons.map(r => r.code)).toEqual(['tests-flaky'])
    expect(reportOutputs(denied, 'r.json')['tests-flaky']).toBe('1')
    const allowed = await gate(['FX_FLAKY'], { 'flaky-tests': 'allow' })
    expect(allowed.verdict.stable).toBe(true)
    expect(allowed.verdict.warnings).toEqual([])
    expect(allowed.tests.flaky).toHaveLength(1)
  }, 120_000)

  it('keeps a deterministic failure a failure after 2 retries, with its 3 runs', async () => {
    const report = await gate(['FX_BROKEN'])
    expect(report.tests.flaky).toEqual([])
    expect(report.tests.failures).toEqual([
      expect.objectContaining({
        crate: kernel,
        name: 'tests::always_fails',
        attempts: 3,
        message: expect.stringContaining('arithmetic is broken')
      })
    ])
    expect(report.tests.retries).toEqual(expect.objectContaining({ runs: 2, notes: [] }))
    expect(report.tests.failed).toBe(1)
    expect(report.verdict.stable).toBe(false)
    expect(terminalReport(report)).toContain('tests::always_fails (failed all 3 runs)')
  }, 120_000)

  it('retries the test a crashed binary was running: flaky, named', async () => {
    const report = await gate(['FX_CRASH'])
    expect(report.tests.flaky).toEqual([
      expect.objectContaining({
        crate: kernel,
        target: 'test:crash',
        name: 'aborts_once',
        attempts: 2,
        firstFailure: expect.objectContaining({
          message:
            'the test binary stopped before reporting its result (crashed or killed) while running aborts_once',
          stopped: { unfinished: 0 }
        })
      })
    ])
    expect(report.tests.failures).toEqual([])
    expect(report.verdict.stable).toBe(true)
  }, 120_000)

  it('keeps a binary that crashed before its other tests ran failed, though the crashed test is flaky', async () => {
    const report = await gate(['FX_CRASH_LIB'], { 'test-args': '--workspace -- --test-threads=1' })
    expect(report.tests.flaky?.map(t => [t.target, t.name])).toEqual([
      ['lib', 'tests::aborts_once_among_others']
    ])
    // One thread, tests in name order: every test after it in the binary never ran.
    const listed = spawnSync('cargo', ['test', '-p', kernel, '--lib', '--', '--list'], {
      cwd: dir,
      encoding: 'utf8'
    })
    const names = [...listed.stdout.matchAll(/^(.+): test$/gm)].map(m => m[1]).sort()
    const after = names.length - names.indexOf('tests::aborts_once_among_others') - 1
    expect(report.tests.failures).toEqual([
      {
        crate: kernel,
        target: 'lib',
        name: '(test binary)',
        message: `the test binary stopped while running tests::aborts_once_among_others (which passed when run again), before ${after} other tests finished: they did not run`
      }
    ])
    expect(report.verdict.stable).toBe(false)
  }, 120_000)

  it('retries a flaky doc-test by its name', async () => {
    const report = await gate(['FX_FLAKY_DOC'])
    expect(report.tests.flaky).toEqual([
      expect.objectContaining({
        crate: kernel,
        target: 'doc',
        name: `${LIB} - documented (line ${lineOf(LIB, '/// ```')})`,
        attempts: 2
      })
    ])
    expect(report.verdict.stable).toBe(true)
  }, 120_000)

  it('names the test that fails only beside another one sharing a global map', async () => {
    const report = await gate(['FX_SHARED'])
    expect(report.tests.flaky?.map(t => [t.target, t.name, t.attempts])).toEqual([
      ['test:shared_global', 'cleanup_leaves_it_empty', 2]
    ])
    expect(report.tests.flaky?.[0].firstFailure.message).toMatch(
      /the registry still holds entries after cleanup/
    )
  }, 120_000)

  it('does not let what a test prints on its retry pass for libtest saying it passed', async () => {
    const report = await gate(['FX_SPOOF'])
    expect(report.tests.flaky).toEqual([])
    expect(report.tests.failures).toEqual([
      expect.objectContaining({ name: 'tests::fakes_a_pass_on_retry', attempts: 3 })
    ])
    expect(report.tests.retries?.notes).toEqual([
      expect.stringMatching(
        /^the retry of fx-flaky-kernel tests::fakes_a_pass_on_retry cannot be trusted: .*finished twice/
      ),
      expect.stringMatching(/cannot be trusted/)
    ])
    expect(report.verdict.stable).toBe(false)
  }, 120_000)

  // cargo leaves `-p` out of `to rerun pass --lib` in a workspace of one package.
  it('reads a workspace of one package as the test run does: a failure is a failure, not untrusted', async () => {
    const alone = mkdtempSync(path.join(tmpdir(), 'fx-flaky-alone-'))
    try {
      cpSync(path.join(dir, 'crates', kernel), alone, { recursive: true })
      process.env.FX_FLAKY_STATE = path.join(alone, 'target', 'flaky-state')
      for (const name of ['FX_BROKEN', 'FX_FLAKY']) process.env[name] = '1'
      const config = parseConfig(n => inputs[n] ?? '', 'cli', alone)
      const { report } = await runGate(config)
      expect(report.tests.untrusted).toEqual([])
      expect(report.tests.failures.map(f => [f.name, f.attempts])).toEqual([['tests::always_fails', 3]])
      expect(report.tests.flaky?.map(t => t.name)).toEqual(['tests::fails_once'])
    } finally {
      rmSync(alone, { recursive: true, force: true })
    }
  }, 180_000)

  it('does not retry with test-retries: 0', async () => {
    const report = await gate(['FX_FLAKY'], { 'test-retries': '0' })
    expect(report.tests.failures.map(f => [f.name, f.attempts])).toEqual([['tests::fails_once', undefined]])
    expect(report.tests.flaky).toBeUndefined()
    expect(report.verdict.stable).toBe(false)
  }, 120_000)

  it('retries nothing when more than 20 tests failed, and says why', async () => {
    const report = await gate(['FX_MANY', 'FX_FLAKY'])
    expect(report.tests.failed).toBe(22)
    expect(report.tests.retries).toEqual({
      limit: 2,
      runs: 0,
      seconds: 0,
      notes: [],
      skipped: '22 tests failed (more than 20): a broken build, not flakiness, so none was run again'
    })
    expect(report.tests.flaky).toEqual([])
    expect(report.verdict.warnings.map(w => w.code)).toContain('tests-not-retried')
    expect(renderSummary(report)).toContain('22 tests failed (more than 20): a broken build, not flakiness')
  }, 120_000)

  it('retries in each shard, and the merge keeps the flaky list', async () => {
    process.env.FX_FLAKY_STATE = path.join(dir, 'target', 'flaky-state', randomUUID())
    for (const name of ['FX_FLAKY', 'FX_BROKEN']) process.env[name] = '1'
    const out = mkdtempSync(path.join(tmpdir(), 'flaky-shards-'))
    try {
      const files: string[] = []
      for (const shard of ['1/2', '2/2']) {
        const config = parseConfig(n => (n === 'shard' ? shard : (inputs[n] ?? '')), 'cli', dir)
        const file = path.join(out, `shard-${shard[0]}.json`)
        writeFileSync(file, JSON.stringify((await runGate(config)).report))
        files.push(file)
      }
      const merged = mergeReports(readShardReports(files))
      expect(merged.tests.flaky?.map(t => [t.crate, t.name, t.attempts])).toEqual([
        [kernel, 'tests::fails_once', 2]
      ])
      expect(merged.tests.failures.map(f => [f.name, f.attempts])).toEqual([['tests::always_fails', 3]])
      expect(merged.tests.retries).toEqual(expect.objectContaining({ runs: 3 }))
      expect(reportOutputs(merged, 'r.json')['tests-flaky']).toBe('1')
      expect(merged.verdict.warnings.map(w => w.message)).toEqual([
        '1 flaky test (failed, then passed on retry 1 of 2): fx-flaky-kernel tests::fails_once'
      ])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 240_000)

  it('is remembered: the history records it, the summary says how often it flaked, the checklist lists it', async () => {
    const report = await gate(['FX_FLAKY'])
    const out = mkdtempSync(path.join(tmpdir(), 'flaky-history-'))
    try {
      const store = new FileStore('history.json', out, historyCodec)
      const test = 'fx-flaky-kernel tests::fails_once'
      // 21 trusted runs before, the test flaky in the oldest (outside the last 20) and in two recent ones.
      const past: RunRecord[] = Array.from({ length: 21 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
        sha: String(i).padStart(40, '0'),
        runUrl: null,
        stable: true,
        findings: [],
        ...([0, 15, 19].includes(i) ? { flaky: [test] } : {})
      }))
      await store.update(() => ({ format: 'build-gate-history', version: 1, runs: past }))
      const section = await recordRun({
        report,
        tracker: parseConfig(() => '', 'cli', dir).tracker,
        ctx: { ...ctx, sha: 'f'.repeat(40) },
        store,
        dryRun: false,
        now: new Date(Date.UTC(2026, 10, 25))
      })
      const history = await store.read()
      expect(history!.runs.at(-1)!.flaky).toEqual([test])
      // This run and two of the 19 before it: 3 of the last 20.
      expect(section.flaky).toEqual([{ test, flaky: 3, of: 20 }])
      const withTracker = { ...report, tracker: section }
      expect(renderSummary(withTracker)).toContain(`${test}: flaky in 3 of the last 20 trusted runs`)
      expect(terminalReport(withTracker)).toContain(`${test}: flaky in 3 of the last 20 trusted runs`)
      const tests = checklistItems({ report: withTracker, gateBlocks: null, readyDependents: [] }).find(
        i => i.label === 'Full test suite passes'
      )
      expect(tests).toEqual(
        expect.objectContaining({
          done: true,
          evidence: expect.stringMatching(new RegExp(`; flaky: ${test}$`)),
          measured: `${test}: flaky in 3 of the last 20 trusted runs`
        })
      )
      // A pull request reads the history and writes nothing: the count is of the trusted runs alone.
      const preview = await recordRun({
        report,
        tracker: parseConfig(() => '', 'cli', dir).tracker,
        ctx: { ...ctx, pullRequest: { number: 7, fork: false, headRef: 'x', baseRef: 'main' } },
        store,
        dryRun: false,
        now: new Date(Date.UTC(2026, 10, 26))
      })
      expect(preview.flaky).toEqual([{ test, flaky: 3, of: 20 }])
      expect((await store.read())!.runs).toHaveLength(22)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 120_000)
})

const ctx: RunContext = {
  eventName: 'push',
  owner: 'o',
  repo: 'r',
  ref: 'refs/heads/main',
  sha: null,
  defaultBranch: 'main',
  pullRequest: null,
  trusted: true,
  trustReason: 'push to the default branch',
  payloadProblem: null,
  apiUrl: 'http://127.0.0.1:1',
  serverUrl: 'https://github.com',
  runUrl: null
}
