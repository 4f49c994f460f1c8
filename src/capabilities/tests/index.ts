// tests: cargo test per crate (libtest's own counts); a failing or crashed test blocks.
import type { GateConfig } from '../../config.js'
import { ConfigError } from '../../inputs.js'
import type { Finding } from '../../findings/finding.js'
import { panicAnnotations } from '../../report/annotations.js'
import type { GateReport, TestsSection } from '../../report/schema.js'
import { phaseSeconds } from '../build/index.js'
import { plural } from '../build/findings.js'
import type { Capability, ReportBody } from '../capability.js'

const SOURCE = 'tests'

export function testFindings(report: ReportBody, config: Pick<GateConfig, 'runTests'>): Finding[] {
  const out: Finding[] = []
  const { tests } = report
  if (tests.notRun)
    out.push({
      code: 'tests-not-run',
      severity: 'warn',
      message: `tests did not run: ${tests.notRun}`,
      source: SOURCE
    })
  for (const why of tests.untrusted ?? [])
    out.push({ code: 'phase-untrusted', severity: 'block', message: `cargo test: ${why}`, source: SOURCE })
  if (tests.ran && tests.failed > 0) {
    const names = tests.failures.slice(0, 5).map(t => `${t.crate}: ${t.name}`)
    const more = tests.failures.length > 5 ? `, and ${tests.failures.length - 5} more` : ''
    out.push({
      code: 'tests-failed',
      severity: 'block',
      message: `${plural(tests.failed, 'test')} failed (${names.join('; ')}${more})`,
      source: SOURCE
    })
  }
  // A test gate that tested nothing says so: e.g. test-args that select members with `test = false`.
  if (tests.ran && tests.passed + tests.failed + tests.ignored === 0 && !tests.untrusted?.length)
    out.push({
      code: 'tests-none',
      severity: 'warn',
      message: 'cargo test ran no test: the selected members have none (check test-args)',
      source: SOURCE
    })
  if (!config.runTests && report.shard?.members.length !== 0)
    out.push({
      code: 'tests-skipped',
      severity: 'warn',
      message: 'tests were not run (run-tests: false)',
      source: SOURCE
    })
  return out
}

function mergeTests(shards: GateReport[]): Partial<ReportBody> {
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

export const tests: Capability = {
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
    testArgs: p.args('test-args'),
    runTests: p.bool('run-tests'),
    testTimeoutMinutes: positiveMinutes(p.number('test-timeout', 0, false), 'test-timeout')
  }),
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
  findings: testFindings,
  merge: mergeTests,
  annotations: panicAnnotations
}

function positiveMinutes(n: number, input: string): number {
  if (n <= 0) throw new ConfigError(input, `'${n}' must be a number of minutes greater than 0 (e.g. 60).`)
  return n
}
