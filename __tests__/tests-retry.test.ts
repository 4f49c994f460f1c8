// What a retry runs and when it counts as a pass, on a captured `cargo test` run: the command keeps the
// test run's selection and harness options and names one target and one test; a retry passes only as
// the test run would have judged it (libtest's event and cargo's word), from the binary the run built.
// Pure: part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { phaseCommand } from '../src/cargo/commands.js'
import { binaryIdentity, failedTarget, LibtestJsonReader, type BinaryIdentity } from '../src/cargo/libtest.js'
import { CargoMessageReader, type ArtifactInfo } from '../src/cargo/messages.js'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import type { PhaseRun } from '../src/cargo/phase.js'
import type { TestRunRead } from '../src/capabilities/tests/results.js'
import { retryCommand, targetFlags } from '../src/capabilities/tests/retry-command.js'
import { judgeAttempt, whyNoRetries } from '../src/capabilities/tests/retry.js'
import type { TestFailure } from '../src/capabilities/tests/section.js'
import { phaseResult } from './support/phase-result.js'

const captured = (name: string) =>
  readFileSync(`__fixtures__/captured/${name}`, 'utf8').split('\n').filter(Boolean)
const META = parseMetadata(readFileSync('__fixtures__/captured/tests-mixed.metadata.json', 'utf8'))
const STDOUT = captured('tests-mixed.test.stdout.txt')
const STDERR = captured('tests-mixed.test.stderr.txt')

function read(stdout = STDOUT, stderr = STDERR): TestRunRead {
  const artifacts: ArtifactInfo[] = []
  const members = new Map(workspaceMembers(META).map(p => [p.id, p.name]))
  const messages = new CargoMessageReader(members, 'test', {
    diagnostic: () => undefined,
    artifact: a => artifacts.push(a)
  })
  const libtest = new LibtestJsonReader()
  for (const l of stdout) if (!messages.push(l)) libtest.push(l)
  return {
    suites: libtest.suites,
    orphans: libtest.orphans,
    identities: stderr.map(binaryIdentity).filter((x): x is BinaryIdentity => !!x),
    failedTargets: stderr.map(failedTarget).filter((x): x is string => !!x),
    artifacts,
    harnessFree: new Set()
  }
}

/** A retry run that exited as cargo does when a test failed, built nothing, and was read whole. */
function run(over: Partial<PhaseRun['result']> = {}): PhaseRun {
  const units = { workspace: { compiled: 0, fresh: 3 }, dependencies: { compiled: 0, fresh: 0 } }
  return { result: phaseResult('test-retry', { exitCode: 101, units, ...over }), errors: [], stderrTail: [] }
}

// In the captured run, tests::label_passes passed and tests::custom_panic_fails failed in fx-mix-app's lib.
const passedThere: TestFailure = {
  crate: 'fx-mix-app',
  target: 'lib',
  name: 'tests::label_passes',
  message: null
}
const failedThere: TestFailure = { ...passedThere, name: 'tests::custom_panic_fails' }

describe('a retry counts as a pass only as the test run would have judged it', () => {
  it('passes a test libtest reported ok in its own binary, which cargo did not say failed', () => {
    expect(judgeAttempt(run(), read(), META, passedThere)).toEqual({ passed: true })
  })

  it('fails a test that failed again', () => {
    expect(judgeAttempt(run(), read(), META, failedThere)).toEqual({ passed: false })
  })

  it('does not count a retry that compiled anything: it ran another binary', () => {
    const rebuilt = run({
      units: { workspace: { compiled: 1, fresh: 2 }, dependencies: { compiled: 0, fresh: 0 } }
    })
    expect(judgeAttempt(rebuilt, read(), META, passedThere)).toEqual({
      passed: false,
      note: expect.stringMatching(/^the retry of fx-mix-app tests::label_passes compiled 1 unit: /)
    })
    const deps = run({
      units: { workspace: { compiled: 0, fresh: 2 }, dependencies: { compiled: 2, fresh: 0 } }
    })
    expect(judgeAttempt(deps, read(), META, passedThere).passed).toBe(false)
  })

  it('does not count a retry cargo could not be read for, and stops at the test-timeout', () => {
    const unread = judgeAttempt(run({ failure: '1 line(s) could not be read' }), read(), META, passedThere)
    expect(unread).toEqual({
      passed: false,
      note: expect.stringContaining('1 line(s) could not be read'),
      stop: false
    })
    const late = run({ failure: 'cargo did not finish within 3 s (test-timeout) and was killed' })
    expect(judgeAttempt(late, read(), META, passedThere)).toEqual(
      expect.objectContaining({ passed: false, stop: true })
    )
  })

  it('does not count a pass when libtest contradicts itself (a test printed an event of its own)', () => {
    const forged = STDOUT.flatMap(l =>
      l.includes('"name": "tests::label_passes", "event": "ok"')
        ? [l, '{ "type": "test", "name": "tests::label_passes", "event": "ok" }']
        : [l]
    )
    expect(judgeAttempt(run(), read(forged), META, passedThere)).toEqual({
      passed: false,
      note: expect.stringMatching(/cannot be trusted: fx-mix-app lib: .*finished twice/)
    })
  })

  it('does not count a pass cargo contradicts: the binary failed', () => {
    // libtest's "ok" for every test of the binary (its bookkeeping consistent), but cargo said it failed.
    const allPassed = STDOUT.map(l =>
      l.includes('"name": "tests::custom_panic_fails", "event": "failed"')
        ? '{ "type": "test", "name": "tests::custom_panic_fails", "event": "ok" }'
        : l.startsWith('{ "type": "suite", "event": "failed", "passed": 1, "failed": 1, "ignored": 1,')
          ? '{ "type": "suite", "event": "ok", "passed": 2, "failed": 0, "ignored": 1, "measured": 0, "filtered_out": 0 }'
          : l
    )
    expect(judgeAttempt(run(), read(allPassed), META, passedThere)).toEqual({ passed: false })
    // …while cargo agreeing with libtest is a pass: the line above is what decided it.
    const agreed = STDERR.filter(l => !l.includes('`-p fx-mix-app --lib`'))
    expect(judgeAttempt(run(), read(allPassed, agreed), META, passedThere)).toEqual({ passed: true })
  })

  it('does not count a test cargo did not run', () => {
    expect(judgeAttempt(run(), read(), META, { ...passedThere, name: 'tests::gone' })).toEqual({
      passed: false,
      note: 'the retry of fx-mix-app tests::gone: cargo ran no test of that name in lib'
    })
  })
})

describe('the retry command', () => {
  const config = { toolchain: null, testArgs: ['--workspace', '--all-features'] }
  const tail = ['-Z', 'unstable-options', '--format', 'json', '--report-time']

  it("is the test run's command, narrowed to the target and the exact name", () => {
    const main = phaseCommand(config, 'test').args
    const lib = retryCommand(config, null, { target: 'lib', name: 'tests::a' })!.args
    expect(lib).toEqual([
      ...main.slice(0, main.indexOf('--')).flatMap(a => (a === '--no-fail-fast' ? ['--lib', a] : [a])),
      '--',
      '--exact',
      'tests::a',
      ...tail
    ])
    expect(retryCommand(config, null, { target: 'test:labels', name: 'x' })!.args).toContain('labels')
    expect(targetFlags('test:labels')).toEqual(['--test', 'labels'])
    expect(targetFlags('bin:app')).toEqual(['--bin', 'app'])
    expect(targetFlags('example:demo')).toEqual(['--example', 'demo'])
    expect(targetFlags('(unknown source)')).toBeNull()
  })

  it('drops every target-choosing flag of the user, keeps every harness option with its value', () => {
    const user = {
      toolchain: null,
      testArgs: [
        ...['--lib', '--bins', '--tests', '--examples', '--benches', '--all-targets', '--doc'],
        '--',
        ...['--skip', 'slow', '--test-threads', '2', '--logfile', 'out.txt', '--format', 'pretty'],
        ...['--color', 'never', '-Z', 'unstable-options', '--shuffle-seed', '7', '--include-ignored'],
        'a_name_filter',
        '--nocapture'
      ]
    }
    const args = retryCommand(user, null, { target: 'bin:app', name: 'case' })!.args
    const cargoSide = args.slice(0, args.indexOf('--'))
    expect(cargoSide).toEqual([
      'test',
      '--bin',
      'app',
      '--no-fail-fast',
      '--message-format=json-diagnostic-rendered-ansi'
    ])
    // The user's --format gives way to the libtest JSON the gate reads.
    expect(args.slice(args.indexOf('--') + 1, args.indexOf('case') + 1)).toEqual([
      ...['--skip', 'slow', '--test-threads', '2', '--logfile', 'out.txt'],
      ...['--color', 'never', '-Z', 'unstable-options', '--shuffle-seed', '7', '--include-ignored'],
      '--nocapture',
      '--exact',
      'case'
    ])
    // A valued option left without its value takes nothing that is not there.
    const cut = retryCommand({ toolchain: null, testArgs: ['--', '--skip'] }, null, {
      target: 'lib',
      name: 'x'
    })!
    expect(cut.args).not.toContain(undefined)
    expect(cut.args.slice(cut.args.indexOf('--') + 1, cut.args.indexOf('x') + 1)).toEqual([
      '--skip',
      '--exact',
      'x'
    ])
  })

  it('a doc-test keeps the harness options but takes its name as a filter; a target cargo cannot name is not retried', () => {
    const user = { toolchain: null, testArgs: ['--workspace', '--', '--test-threads', '1', '--exact'] }
    const args = retryCommand(user, null, { target: 'doc', name: 'src/lib.rs - add (line 3)' })!.args
    expect(args.slice(0, 3)).toEqual(['test', '--workspace', '--doc'])
    expect(args.slice(args.indexOf('--') + 1, args.indexOf('--') + 4)).toEqual([
      '--test-threads',
      '1',
      'src/lib.rs - add (line 3)'
    ])
    expect(args).not.toContain('--exact')
    expect(retryCommand(user, null, { target: '(unknown source)', name: 'x' })).toBeNull()
    expect(retryCommand(user, null, { target: 'custom-build', name: 'x' })).toBeNull()
    for (const odd of ['xbin:app', 'bin:', 'bin:a\nb', 'proc-macro:x']) expect(targetFlags(odd)).toBeNull()
  })

  it("keeps the user's harness options, drops their name filters and target flags", () => {
    const user = {
      toolchain: 'nightly',
      testArgs: [
        '-p',
        'a',
        '--tests',
        '--test=it',
        '--bin',
        'b',
        '--',
        '--test-threads',
        '1',
        'only_this',
        '--exact',
        '--skip',
        'slow'
      ]
    }
    const args = retryCommand(user, null, { target: 'test:it', name: 'case' })!.args
    expect(args).toEqual([
      '+nightly',
      'test',
      '-p',
      'a',
      '--test',
      'it',
      '--no-fail-fast',
      '--message-format=json-diagnostic-rendered-ansi',
      '--',
      '--test-threads',
      '1',
      '--skip',
      'slow',
      '--exact',
      'case',
      ...tail
    ])
  })

  it('names a doc-test as a filter (rustdoc matches no doc-test with --exact)', () => {
    const args = retryCommand({ toolchain: null, testArgs: ['--workspace', '--', '--exact'] }, null, {
      target: 'doc',
      name: 'src/lib.rs - f (line 3)'
    })!.args
    expect(args.slice(args.indexOf('--'))).toEqual(['--', 'src/lib.rs - f (line 3)', ...tail])
    expect(args).toContain('--doc')
  })

  it("keeps a shard's packages", () => {
    const args = retryCommand(config, ['a', 'b'], { target: 'lib', name: 't' })!.args
    expect(args).not.toContain('--workspace')
    expect(args.join(' ')).toContain('-p a -p b')
  })
})

describe('many failures are a broken build, not flakiness', () => {
  it('retries up to 20 failures, and no more than 10% of the tests run once more than 3 failed', () => {
    expect(whyNoRetries({ passed: 1000, failed: 20 })).toBeNull()
    expect(whyNoRetries({ passed: 1000, failed: 21 })).toMatch(/^21 tests failed \(more than 20\)/)
    expect(whyNoRetries({ passed: 36, failed: 4 })).toBeNull()
    expect(whyNoRetries({ passed: 35, failed: 4 })).toMatch(/^4 of the 39 tests run failed \(more than 10%\)/)
    // A small suite with a flaky test is still retried.
    expect(whyNoRetries({ passed: 1, failed: 3 })).toBeNull()
  })
})
