// The tests' findings: a failing or crashed test blocks (one finding per crate, read as one reason);
// tests that did not run, ran nothing, or were skipped only warn. Severity is decided here, once.
import type { Finding } from '../../findings/finding.js'
import { plural } from '../../report/text.js'
import type { BodyOf, ConfigOf } from '../capability.js'
import type { TestFailure, TestsParts } from './section.js'

const SOURCE = 'tests'
const UNKNOWN = '(unknown)'

export function testFindings(
  report: BodyOf<TestsParts>,
  config: Pick<ConfigOf<TestsParts>, 'runTests'>
): Finding[] {
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
  if (tests.ran && tests.failed > 0) out.push(...failedFindings(tests.failed, tests.failures))
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

/** One finding per crate with failing tests, naming up to five; all of them read as one reason. */
function failedFindings(failed: number, failures: TestFailure[]): Finding[] {
  const named = (list: TestFailure[]) => {
    const names = list.slice(0, 5).map(t => `${t.crate}: ${t.name}`)
    const more = list.length > 5 ? `, and ${list.length - 5} more` : ''
    return `${names.join('; ')}${more}`
  }
  const summary = `${plural(failed, 'test')} failed (${named(failures)})`
  const base = { code: 'tests-failed', severity: 'block', summary, source: SOURCE } as const
  const crates = [...new Set(failures.map(f => f.crate))]
  const out: Finding[] = crates.map(crate => {
    const own = failures.filter(f => f.crate === crate)
    const message = `${plural(own.length, 'test')} failed in ${crate} (${named(own)})`
    // A binary the gate could not attribute is in no crate.
    return crate === UNKNOWN ? { ...base, message } : { ...base, message, crate }
  })
  // Failures counted but not listed (a report edited, or one that lost them) still count.
  if (failures.length < failed)
    out.push({
      ...base,
      message: `${plural(failed - failures.length, 'test')} failed that the report does not list`
    })
  return out
}
