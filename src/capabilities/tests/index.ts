// tests: cargo test per crate (libtest's own counts); a failing or crashed test blocks.
import { testArgsOfCheck } from '../../cargo/build-args.js'
import { cargoOwnArgs, ownMessageFormat } from '../../cargo/commands.js'
import { ConfigError } from '../../inputs.js'
import { phaseSeconds } from '../../report/format.js'
import type { Capability } from '../capability.js'
import { testFindings } from './findings.js'
import { failureOutputs, panicAnnotations, testsMarkdown, testsText } from './render.js'
import { NOT_RUN, runTests } from './run.js'
import { FLAKY_POLICIES, TESTS_CODES, type TestsParts, type TestsSection } from './section.js'

export { passedOn } from './findings.js'
export { outputTail } from './output-tail.js'
export type { FlakyTest, TestFailure, TestsConfig, TestsCrate, TestsParts, TestsSection } from './section.js'

export const tests: Capability<TestsParts> = {
  name: 'tests',
  stage: 'build',
  inputs: [
    {
      name: 'test-args',
      default: '',
      description:
        'Arguments for `cargo test`. Empty (the default) takes check-args without its target selection (`--lib`, `--all-targets`, …) and `--keep-going`, so the tests build the packages, features, profile, target and config the check checked and each crate compiles once; set `--workspace` to test with default features only, the earlier default. `--no-fail-fast` is added unless you pass `--fail-fast`.'
    },
    { name: 'run-tests', default: 'true', description: 'Run `cargo test` after `cargo check`.' },
    {
      name: 'test-timeout',
      default: '60',
      description:
        'Minutes the test run may take; then it is killed with every test process, the test that was running is named and the build is unstable.'
    },
    {
      name: 'test-retries',
      default: '2',
      description:
        'Times a failed test is run again, alone, through cargo (within the test-timeout); one that then passes is flaky. 0: never. Not when more than 20 tests failed, or more than 3 and over 10% of those run (a broken build, not flakiness).'
    },
    {
      name: 'flaky-tests',
      default: 'warn',
      description:
        'A test that failed, then passed when run again: `warn` shows it (the build can be stable), `deny` makes the build unstable, `allow` exempts it.'
    }
  ],
  parse: p => ({
    // Not given: the check's, so the tests build what it checked (see build-args.ts).
    testArgs: p.raw('test-args')
      ? testArgs(ownMessageFormat(p.args('test-args'), 'test-args'))
      : testArgsOfCheck(ownMessageFormat(p.args('check-args'), 'check-args')),
    runTests: p.bool('run-tests'),
    testTimeoutMinutes: positiveMinutes(p.number('test-timeout', 0, false), 'test-timeout'),
    testRetries: p.number('test-retries', 0, true),
    flakyTests: p.oneOf('flaky-tests', FLAKY_POLICIES)
  }),
  codes: TESTS_CODES,
  outputs: [
    { name: 'tests-passed', description: 'Tests passed.', value: r => String(r.tests.passed) },
    {
      name: 'tests-failed',
      description: 'Tests failed (a test binary that crashed counts as a failure).',
      value: r => String(r.tests.failed)
    },
    { name: 'tests-ignored', description: 'Tests ignored.', value: r => String(r.tests.ignored) },
    {
      name: 'tests-flaky',
      description: 'Tests that failed, then passed when run again (also counted in tests-passed).',
      value: r => String(r.tests.flaky?.length ?? 0)
    },
    {
      name: 'test-seconds',
      description: 'Wall seconds of `cargo test` (build and run; with compile-once, the run only).',
      value: r => phaseSeconds(r, ['test', 'test-build'])
    }
  ],
  // The test run is attributed to the executables the build's phases made.
  start: () => {
    const artifacts: TestsState['artifacts'] = []
    return {
      artifacts,
      hook: { listen: () => ({ artifact: a => void (a.executable && artifacts.push(a)) }) }
    }
  },
  crateDefaults: { passed: 0, failed: 0, ignored: 0, testSeconds: null },
  blank: () => ({ tests: { ...NOT_RUN } }),
  run: (ports, config, state) =>
    ports.cargo && ports.metadata
      ? runTests(
          ports.cargo,
          ports.metadata,
          ports.report.shard?.members ?? null,
          ports.phases,
          ports.report.crates,
          config,
          state
        )
      : Promise.resolve({ section: {} }),
  // Read once every stage ran, like the build's.
  findings: testFindings,
  merge: mergeTests,
  table: {
    columns: [
      { header: 'passed', cell: c => String(c.passed), total: r => String(r.tests.passed) },
      { header: 'failed', cell: c => String(c.failed), total: r => String(r.tests.failed) },
      { header: 'ignored', cell: c => String(c.ignored), total: r => String(r.tests.ignored) }
    ],
    seconds: c => c.testSeconds,
    secondsHeader: 'tests (s)'
  },
  markdown: (r, ctx) => testsMarkdown(r, ctx.links),
  // A failing test's own words before the crate table, as rustc's are.
  lead: failureOutputs,
  terminal: testsText,
  annotations: panicAnnotations
}

type TestsState = NonNullable<TestsParts['state']>

function mergeTests(shards: { tests: TestsSection }[]): Partial<TestsParts['section']> {
  const tests = shards.map(r => r.tests)
  const sum = (f: (t: TestsSection) => number) => tests.reduce((n, t) => n + f(t), 0)
  return {
    tests: {
      ran: tests.length > 0 && tests.every(t => t.ran),
      passed: sum(t => t.passed),
      failed: sum(t => t.failed),
      ignored: sum(t => t.ignored),
      failures: tests.flatMap(t => t.failures),
      // Each shard retried its own failures.
      flaky: tests.flatMap(t => t.flaky ?? []),
      binaries: tests.flatMap(t => t.binaries),
      untrusted: tests.flatMap(t => t.untrusted ?? []),
      ...(tests.some(t => t.notRun) ? { notRun: tests.find(t => t.notRun)!.notRun } : {}),
      ...mergeRetries(tests)
    }
  }
}

function mergeRetries(tests: TestsSection[]): Pick<TestsSection, 'retries'> {
  const all = tests.flatMap(t => (t.retries ? [t.retries] : []))
  if (all.length === 0) return {}
  const skipped = all.find(r => r.skipped)?.skipped
  const retries = {
    limit: all[0].limit,
    notes: all.flatMap(r => r.notes),
    runs: all.reduce((n, r) => n + r.runs, 0),
    seconds: Math.round(all.reduce((n, r) => n + r.seconds, 0) * 1000) / 1000
  }
  return { retries: skipped ? { ...retries, skipped } : retries }
}

function positiveMinutes(n: number, input: string): number {
  if (n <= 0) throw new ConfigError(input, `'${n}' must be a number of minutes greater than 0 (e.g. 60).`)
  return n
}

/** cargo test flags that break the gate's build-then-run, and why; the harness's args after `--` are free. */
const REFUSED: Record<string, string> = {
  '--doc':
    'cargo cannot build doc-tests ahead of running them (it refuses `cargo test --no-run --doc`), and the gate runs the doc-tests with the other tests anyway.',
  '--no-run':
    'the gate builds the tests with --no-run itself, then runs them; to not run tests, set run-tests to false.'
}

function testArgs(args: string[]): string[] {
  const refused = cargoOwnArgs(args).find(a => a in REFUSED)
  if (refused) throw new ConfigError('test-args', `remove '${refused}': ${REFUSED[refused]}`)
  return args
}
