// Failed tests run again, one at a time, through cargo (see retry-command.ts), read by the same readers
// as the test run: libtest's JSON events cross-checked with cargo's `to rerun pass`. A test that passes on
// a retry is flaky; one that fails every time stays a failure, with its attempts. Retries share the
// test-timeout, and many failures are a broken build: then nothing is retried, and the report says why.
import { TEST_RUN_ENV, type CargoArgs } from '../../cargo/commands.js'
import { testRunReader } from '../../cargo/libtest.js'
import type { CargoMetadata } from '../../cargo/metadata.js'
import type { PhaseRun } from '../../cargo/phase.js'
import type { CargoPort } from '../../cargo/port.js'
import { plural } from '../../report/text.js'
import { pairSuites, resolveTests, type TestRunRead } from './results.js'
import { retryCommand } from './retry-command.js'
import type { FlakyTest, RetriesSection, TestFailure, TestsSection } from './section.js'

/** More failures than this are a broken build, not flakiness. */
export const MAX_RETRIED_FAILURES = 20
/** …and so is a larger share of the tests run, once more than MIN_FAILURES_JUDGED_BY_SHARE failed. */
export const MAX_FAILED_SHARE = 0.1
/** A small suite with a flaky test or two is still retried (1 of 5 is 20%). */
export const MIN_FAILURES_JUDGED_BY_SHARE = 3

const BINARY = '(test binary)'

export interface RetryContext {
  cargo: CargoPort
  meta: CargoMetadata
  packages: string[] | null
  config: Pick<CargoArgs, 'toolchain' | 'testArgs'> & { testRetries: number }
  /** The run's reading context: the executables the build made, the harness = false targets. */
  read: Pick<TestRunRead, 'artifacts' | 'harnessFree'>
  /** Seconds left of the test-timeout. */
  budgetSeconds: number
  now?: () => number
}

/** Why the failures are not retried at all, or null. */
export function whyNoRetries(tests: Pick<TestsSection, 'passed' | 'failed'>): string | null {
  const ran = tests.passed + tests.failed
  if (tests.failed > MAX_RETRIED_FAILURES)
    return `${tests.failed} tests failed (more than ${MAX_RETRIED_FAILURES}): a broken build, not flakiness, so none was run again`
  if (tests.failed > MIN_FAILURES_JUDGED_BY_SHARE && tests.failed > ran * MAX_FAILED_SHARE)
    return `${tests.failed} of the ${ran} tests run failed (more than ${MAX_FAILED_SHARE * 100}%): a broken build, not flakiness, so none was run again`
  return null
}

/** `tests` after retrying its failures: flaky ones counted as passed and listed, the others with their attempts. */
export async function retryFailures(ctx: RetryContext, tests: TestsSection): Promise<TestsSection> {
  const limit = ctx.config.testRetries
  if (limit === 0 || tests.failed === 0) return tests
  const retries: RetriesSection = { limit, notes: [], runs: 0, seconds: 0 }
  const skipped = whyNoRetries(tests)
  if (skipped) return { ...tests, flaky: [], retries: { ...retries, skipped } }
  const now = ctx.now ?? Date.now
  const started = now()
  const out: TestsSection = {
    ...tests,
    failures: [],
    flaky: [],
    binaries: tests.binaries.map(b => ({ ...b }))
  }
  let spent = false
  for (const failure of tests.failures) {
    if (spent || !retriable(failure)) {
      out.failures.push(failure)
      continue
    }
    let attempts = 1
    let passed = false
    while (!passed && attempts <= limit) {
      const left = ctx.budgetSeconds - (now() - started) / 1000
      if (left <= 0) {
        retries.notes.push(
          `the test-timeout was spent: ${failure.crate} ${failure.name} and later failures were not run again`
        )
        spent = true
        break
      }
      const attempt = await runAgain(ctx, failure, left)
      if (!attempt) break
      retries.runs++
      attempts++
      if (attempt.note) retries.notes.push(attempt.note)
      passed = attempt.passed
      if (attempt.stop) spent = true
      if (attempt.stop) break
    }
    if (passed) countFlaky(out, failure, attempts, limit)
    else out.failures.push(attempts > 1 ? { ...failure, attempts } : failure)
  }
  retries.seconds = Math.round(now() - started) / 1000
  return { ...out, retries }
}

/** A test the harness can run alone by its name (not a whole binary that printed nothing of libtest's). */
function retriable(f: TestFailure): boolean {
  return f.name !== BINARY && f.crate !== '(unknown)' && f.target !== ''
}

function countFlaky(out: TestsSection, failure: TestFailure, attempts: number, limit: number): void {
  const first: FlakyTest['firstFailure'] = { message: failure.message, output: failure.output ?? null }
  if (failure.stopped) first.stopped = failure.stopped
  out.flaky!.push({
    crate: failure.crate,
    target: failure.target,
    name: failure.name,
    attempts,
    retries: limit,
    firstFailure: first
  })
  const bin = out.binaries.find(b => b.crate === failure.crate && b.target === failure.target)
  out.failed--
  out.passed++
  if (bin) {
    bin.failed--
    bin.passed++
  }
  const unfinished = failure.stopped?.unfinished ?? 0
  if (unfinished > 0) {
    // The crash stopped the binary before its other tests finished: they are not known to pass.
    out.failures.push({
      crate: failure.crate,
      target: failure.target,
      name: BINARY,
      message: `the test binary stopped while running ${failure.name} (which passed when run again), before ${plural(unfinished, 'other test')} finished: they did not run`
    })
    out.failed++
    if (bin) bin.failed++
  }
}

interface Attempt {
  passed: boolean
  /** Why this run cannot count as a pass, when it is not the test failing again. */
  note?: string
  /** No further retry can run (the time is spent). */
  stop?: boolean
}

async function runAgain(ctx: RetryContext, failure: TestFailure, seconds: number): Promise<Attempt | null> {
  const command = retryCommand(ctx.config, ctx.packages, failure)
  if (!command) return null
  const reader = testRunReader()
  const run = await ctx.cargo.phase('test-retry', command, {
    env: TEST_RUN_ENV,
    timeoutSeconds: seconds,
    record: false,
    onOtherStdout: reader.onOtherStdout,
    onStderr: reader.onStderr
  })
  const read: TestRunRead = {
    ...reader.read(),
    ...ctx.read,
    killed: run.result.signal ? run.result.failure : null
  }
  return judgeAttempt(run, read, ctx.meta, failure)
}

/** Whether the retried test passed, as the test run would have judged it, and nothing cast doubt on it. */
export function judgeAttempt(
  run: PhaseRun,
  read: TestRunRead,
  meta: CargoMetadata,
  failure: TestFailure
): Attempt {
  const what = `the retry of ${failure.crate} ${failure.name}`
  const r = run.result
  if (r.failure) return { passed: false, note: `${what}: ${r.failure}`, stop: /test-timeout/.test(r.failure) }
  const rebuilt = r.units.workspace.compiled + r.units.dependencies.compiled
  if (rebuilt > 0)
    return {
      passed: false,
      note: `${what} compiled ${plural(rebuilt, 'unit')}: it did not run the test run's binary, so its result does not count (do test-args select what cargo test --workspace would?)`
    }
  const section = resolveTests(read, meta)
  if (section.untrusted!.length > 0)
    return { passed: false, note: `${what} cannot be trusted: ${section.untrusted![0]}` }
  const own = (t: { crate: string; target: string }) =>
    t.crate === failure.crate && t.target === failure.target
  const pair = pairSuites(read, meta).find(p => own(p.bin))
  const test = pair?.suite?.tests.find(t => t.name === failure.name)
  if (!test) return { passed: false, note: `${what}: cargo ran no test of that name in ${failure.target}` }
  const failedAgain = section.failures.some(f => own(f) && (f.name === failure.name || f.name === BINARY))
  return { passed: test.outcome === 'ok' && !failedAgain }
}
