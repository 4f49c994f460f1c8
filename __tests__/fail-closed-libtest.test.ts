// libtest's JSON suites as cargo test printed them (captured), and every way a stray or missing event
// breaks a suite's bookkeeping: the suite is then untrusted, its tally never changed. cargo's stderr
// names the binaries and the failing targets. Pure: part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  binaryIdentity,
  failedTarget,
  LibtestJsonReader,
  panicMessage,
  suiteInconsistency,
  type Suite
} from '../src/cargo/libtest.js'

const captured = (name: string) =>
  readFileSync(`__fixtures__/captured/${name}`, 'utf8').split('\n').filter(Boolean)
const STDOUT = captured('tests-mixed.test.stdout.txt').filter(l => !l.startsWith('{"reason":'))
const STDERR = captured('tests-mixed.test.stderr.txt')
// The first suite: fx-mix-app's unit tests (1 passed, 1 failed, 1 ignored).
const FIRST = STDOUT.slice(0, STDOUT.findIndex(l => l.includes('"type": "suite", "event": "failed"')) + 1)
const [STARTED, ...EVENTS] = FIRST
const CLOSE = EVENTS.pop()!

function read(lines: string[]): LibtestJsonReader {
  const reader = new LibtestJsonReader()
  for (const l of lines) reader.push(l)
  return reader
}
const only = (lines: string[]): Suite => {
  const { suites } = read(lines)
  expect(suites).toHaveLength(1)
  return suites[0]
}
const judge = (lines: string[]) => suiteInconsistency(only(lines))
const test = (name: string, event: string, extra = '') =>
  `{ "type": "test", "name": "${name}", "event": "${event}"${extra} }`

describe('LibtestJsonReader on captured suites', () => {
  it('reads every suite cargo test ran, each consistent, with its summary and failures', () => {
    const { suites, orphans } = read(STDOUT)
    expect(suites.map(s => [s.testCount, s.summary?.passed, s.summary?.failed, s.summary?.ignored])).toEqual([
      [3, 1, 1, 1],
      [2, 1, 1, 0],
      [4, 2, 1, 1],
      [0, 0, 0, 0],
      [2, 1, 1, 0]
    ])
    expect(suites.map(suiteInconsistency)).toEqual([null, null, null, null, null])
    expect(orphans).toEqual([])
    const first = suites[0]
    expect(first.summary).toEqual({
      ok: false,
      passed: 1,
      failed: 1,
      ignored: 1,
      measured: 0,
      seconds: 0.003
    })
    expect(first.tests).toEqual([
      {
        name: 'tests::custom_panic_fails',
        outcome: 'failed',
        stdout: expect.stringContaining('config file missing: app.toml')
      },
      { name: 'tests::ignored_plain', outcome: 'ignored', stdout: null },
      { name: 'tests::label_passes', outcome: 'ok', stdout: null }
    ])
    expect(suites[3].summary?.ok).toBe(true)
  })

  it('reads an event with surrounding spaces, and ignores what is not a libtest event', () => {
    const noise = [
      'running 3 tests',
      '{ not json "type" }',
      '[{ "type": "test", "name": "tests::label_passes", "event": "failed" }]',
      '{ "type": 1, "event": "failed", "name": "tests::label_passes" }',
      '{ "type": "test", "event": 2, "name": "tests::label_passes" }',
      '{ "name": "tests::label_passes", "event": "failed" }',
      'null',
      '{"type": null}'
    ]
    const suite = only([STARTED, ...noise, ...EVENTS.map(l => `  ${l}\t`), CLOSE])
    expect(suiteInconsistency(suite)).toBeNull()
    expect(suite.tests.map(t => t.outcome)).toEqual(['failed', 'ignored', 'ok'])
  })

  it('keeps libtest-like events outside any suite apart, as orphans', () => {
    const stray = test('tests::label_passes', 'ok')
    const between = read([...FIRST, stray, '{ "type": "suite", "event": "ok", "passed": 9 }', ...FIRST])
    expect(between.orphans).toEqual([stray, '{ "type": "suite", "event": "ok", "passed": 9 }'])
    expect(between.suites.map(suiteInconsistency)).toEqual([null, null])
    expect(read(['{ "type": "bench", "event": "ok" }']).orphans).toEqual([])
    expect(read([test('x'.repeat(300), 'ok')]).orphans[0]).toHaveLength(200)
  })

  it('ignores events of other kinds inside a suite', () => {
    const bench = '{ "type": "bench", "event": "ok", "name": "tests::label_passes" }'
    expect(judge([STARTED, ...EVENTS, bench, CLOSE])).toBeNull()
  })

  it('counts measured benchmarks toward the announced tests', () => {
    const lines = [
      '{ "type": "suite", "event": "started", "test_count": 3 }',
      '{ "type": "test", "event": "started", "name": "a" }',
      test('a', 'ok'),
      '{ "type": "suite", "event": "ok", "passed": 1, "failed": 0, "ignored": 0, "measured": 2 }'
    ]
    expect(judge(lines)).toBeNull()
    expect(judge(lines.map(l => l.replace('"measured": 2', '"measured": 1')))).toBe(
      'the suite announced 3 tests and reported 2'
    )
  })

  it('ignores the warning that a test runs long', () => {
    const slow = test('tests::label_passes', 'timeout')
    const suite = only([STARTED, ...EVENTS.slice(0, 3), slow, ...EVENTS.slice(3), CLOSE])
    expect(suiteInconsistency(suite)).toBeNull()
  })

  it('leaves a suite that never closed unjudged here (its binary stopped: a failure elsewhere)', () => {
    const suite = only([STARTED, ...EVENTS])
    expect(suite.summary).toBeNull()
    expect(suiteInconsistency(suite)).toBeNull()
  })

  it('keeps a suite time that is missing as unmeasured, and counts measured benchmarks', () => {
    const close = (json: string) =>
      only([
        '{ "type": "suite", "event": "started", "test_count": 1 }',
        '{ "type": "test", "event": "started", "name": "b" }',
        test('b', 'ok'),
        json
      ])
    const noTime = close(
      '{ "type": "suite", "event": "ok", "passed": 1, "failed": 0, "ignored": 0, "measured": 0 }'
    )
    expect(noTime.summary?.seconds).toBeNull()
    expect(suiteInconsistency(noTime)).toBeNull()
    const measured = close(
      '{ "type": "suite", "event": "ok", "passed": 0, "failed": 0, "ignored": 0, "measured": 1, "exec_time": 1 }'
    )
    expect(suiteInconsistency(measured)).toBe(
      'the suite reported 0 passed, 0 failed, 0 ignored, but its tests 1, 0, 0'
    )
  })
})

describe('a suite whose bookkeeping does not add up is untrusted', () => {
  const replaceClose = (json: string) => [STARTED, ...EVENTS, json]

  it.each([
    [
      'a new suite starts before this one finished',
      [STARTED, ...EVENTS, ...FIRST],
      'a new suite started before this one finished'
    ],
    [
      'a test event has no name',
      [STARTED, '{ "type": "test", "event": "ok" }', ...EVENTS, CLOSE],
      'a test event without a name'
    ],
    [
      'a test starts twice',
      [STARTED, ...EVENTS.slice(0, 1), ...EVENTS, CLOSE],
      'test tests::custom_panic_fails started twice'
    ],
    [
      'a test has an unknown event',
      [STARTED, ...EVENTS, test('tests::label_passes', 'skipped'), CLOSE],
      'test tests::label_passes: unknown event "skipped"'
    ],
    [
      'a test finishes without having started',
      [STARTED, test('tests::phantom', 'ok'), ...EVENTS, CLOSE],
      'test tests::phantom finished without having started'
    ],
    [
      'a test finishes twice',
      [STARTED, ...EVENTS, test('tests::label_passes', 'ok'), CLOSE],
      'test tests::label_passes finished twice'
    ],
    [
      'a started test never finishes',
      [STARTED, '{ "type": "test", "event": "started", "name": "tests::hang" }', ...EVENTS, CLOSE],
      'test tests::hang never finished'
    ],
    [
      'the suite closes with an unknown event',
      [STARTED, ...EVENTS, '{ "type": "suite", "event": "cancelled" }', CLOSE],
      'unknown suite event "cancelled"'
    ],
    [
      'the closing tally differs from the test events',
      replaceClose(CLOSE.replace('"passed": 1', '"passed": 2')),
      'the suite reported 2 passed, 1 failed, 1 ignored, but its tests 1, 1, 1'
    ],
    [
      'the closing tally is missing a count',
      replaceClose(CLOSE.replace('"ignored": 1, ', '')),
      'the suite reported 1 passed, 1 failed, NaN ignored, but its tests 1, 1, 1'
    ],
    [
      'the announced count differs',
      [STARTED.replace('3', '4'), ...EVENTS, CLOSE],
      'the suite announced 4 tests and reported 3'
    ],
    [
      'the announced count is not a count',
      [STARTED.replace('3', '"3"'), ...EVENTS, CLOSE],
      'the suite announced -1 tests and reported 3'
    ],
    [
      'the announced count is a fraction',
      [STARTED.replace('3', '2.5'), ...EVENTS, CLOSE],
      'the suite announced -1 tests and reported 3'
    ],
    [
      'the announced count is negative',
      [STARTED.replace('3', '-3'), ...EVENTS, CLOSE],
      'the suite announced -1 tests and reported 3'
    ],
    [
      'the suite says ok beside a failure',
      replaceClose(CLOSE.replace('"event": "failed"', '"event": "ok"')),
      'the suite reported ok with 1 failures'
    ]
  ])('%s', (_, lines, problem) => {
    const suites = read(lines).suites
    expect(suiteInconsistency(suites[0])).toBe(problem)
  })

  it('says failed without a failure is untrusted too', () => {
    const passing = [
      '{ "type": "suite", "event": "started", "test_count": 1 }',
      '{ "type": "test", "event": "started", "name": "a" }',
      test('a', 'ok'),
      '{ "type": "suite", "event": "failed", "passed": 1, "failed": 0, "ignored": 0, "measured": 0 }'
    ]
    expect(judge(passing)).toBe('the suite reported failed with 0 failures')
    expect(judge(passing.map(l => l.replace('"event": "failed"', '"event": "ok"')))).toBeNull()
  })

  it('keeps the failure when a test is said to finish twice, whichever came first', () => {
    const name = 'tests::label_passes'
    const late = only([STARTED, ...EVENTS, test(name, 'failed', ', "stdout": "spoofed"'), CLOSE])
    expect(late.tests.find(t => t.name === name)).toEqual({ name, outcome: 'failed', stdout: 'spoofed' })
    const failing = 'tests::custom_panic_fails'
    const early = only([STARTED, ...EVENTS, test(failing, 'ok'), CLOSE])
    expect(early.tests.find(t => t.name === failing)).toEqual({
      name: failing,
      outcome: 'failed',
      stdout: expect.stringContaining('config file missing')
    })
  })
})

describe("cargo test's stderr", () => {
  it('names each binary as cargo announces it, in order', () => {
    expect(STDERR.map(binaryIdentity).filter(x => x !== null)).toEqual([
      {
        kind: 'running',
        source: 'src/lib.rs',
        executable: '/tmp/build-gate-capture/target-tests-mixed-test/debug/deps/fx_mix_app-4351d9a349f20ada'
      },
      {
        kind: 'running',
        source: 'tests/labels.rs',
        executable: '/tmp/build-gate-capture/target-tests-mixed-test/debug/deps/labels-3cdfee6490a3e937'
      },
      {
        kind: 'running',
        source: 'src/lib.rs',
        executable: '/tmp/build-gate-capture/target-tests-mixed-test/debug/deps/fx_mix_lib-f13cc74f5c0176cc'
      },
      { kind: 'doc', crateName: 'fx_mix_app' },
      { kind: 'doc', crateName: 'fx_mix_lib' }
    ])
    expect(binaryIdentity('     Running tests/a.rs (target/debug/deps/a-1)  ')).toEqual({
      kind: 'running',
      source: 'tests/a.rs',
      executable: 'target/debug/deps/a-1'
    })
    expect(binaryIdentity('   Doc-tests a_b  ')).toEqual({ kind: 'doc', crateName: 'a_b' })
    for (const line of ['test Running foo (bar)', 'Running foo', '   Doc-tests a b', 'xDoc-tests a'])
      expect(binaryIdentity(line)).toBeNull()
  })

  it("reads cargo's list of failing targets, and nothing else", () => {
    expect(STDERR.map(failedTarget).filter(x => x !== null)).toEqual([
      '-p fx-mix-app --lib',
      '-p fx-mix-app --test labels',
      '-p fx-mix-lib --lib',
      '-p fx-mix-lib --doc'
    ])
    expect(failedTarget('error: test failed, to rerun pass `-p a --lib`  ')).toBe('-p a --lib')
    for (const line of [
      '    `-p fx-mix-app --lib`',
      'note: test failed, to rerun pass `-p a --lib`',
      'warning: error: test failed, to rerun pass `-p a --lib`',
      'error: test failed, to rerun pass `-p a --lib` and `-p b --lib`!'
    ])
      expect(failedTarget(line)).toBeNull()
  })
})

describe('panicMessage', () => {
  it('reads the message after the panic location, up to the note, a blank line or the backtrace', () => {
    const at = "thread 'a' (1) panicked at src/lib.rs:3:5:"
    expect(panicMessage(['', at, 'line one', 'line two', 'note: run with RUST_BACKTRACE=1'])).toBe(
      'line one\nline two'
    )
    expect(panicMessage([at, 'boom', '', 'after'])).toBe('boom')
    expect(panicMessage([at, 'boom', 'stack backtrace:', '  0: x'])).toBe('boom')
    expect(panicMessage([at, 'note: nothing'])).toBeNull()
    expect(panicMessage(["thread 'a' (1) panicked at src/lib.rs:35:12:", 'wide'])).toBe('wide')
    expect(panicMessage(["thread 'a' panicked at 'old', src/lib.rs:35:12"])).toBe('old')
  })

  it('else gives the first meaningful line, or nothing', () => {
    expect(panicMessage(['', '  stack backtrace:', '   it went wrong  '])).toBe('it went wrong')
    expect(panicMessage(['', '  '])).toBeNull()
    expect(panicMessage(["thread 'a' panicked at 'boom', src/lib.rs:3:5 and more"])).toBe(
      "thread 'a' panicked at 'boom', src/lib.rs:3:5 and more"
    )
  })
})
