// tests: cargo test per crate (libtest's own counts); a failing or crashed test blocks.
import { cargoOwnArgs, ownMessageFormat } from '../../cargo/commands.js'
import { ConfigError } from '../../inputs.js'
import { phaseSeconds } from '../../report/format.js'
import type { Capability } from '../capability.js'
import { testFindings } from './findings.js'
import { failureOutputs, panicAnnotations, testsMarkdown, testsText } from './render.js'
import { NOT_RUN, runTests } from './run.js'
import { TESTS_CODES, type TestsParts, type TestsSection } from './section.js'

export type { TestFailure, TestsConfig, TestsCrate, TestsParts, TestsSection } from './section.js'

export const tests: Capability<TestsParts> = {
  name: 'tests',
  stage: 'build',
  inputs: [
    {
      name: 'test-args',
      default: '--workspace',
      description: 'Arguments for `cargo test`. `--no-fail-fast` is added unless you pass `--fail-fast`.'
    },
    { name: 'run-tests', default: 'true', description: 'Run `cargo test` after `cargo check`.' },
    {
      name: 'test-timeout',
      default: '60',
      description:
        'Minutes the test run may take; then it is killed with every test process, the test that was running is named and the build is unstable.'
    }
  ],
  parse: p => ({
    testArgs: testArgs(ownMessageFormat(p.args('test-args'), 'test-args')),
    runTests: p.bool('run-tests'),
    testTimeoutMinutes: positiveMinutes(p.number('test-timeout', 0, false), 'test-timeout')
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
      binaries: tests.flatMap(t => t.binaries),
      untrusted: tests.flatMap(t => t.untrusted ?? []),
      ...(tests.some(t => t.notRun) ? { notRun: tests.find(t => t.notRun)!.notRun } : {})
    }
  }
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
