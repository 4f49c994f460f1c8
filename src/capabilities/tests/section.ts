// The tests' config slice, their section of the report, their fields of each crate row and their codes.
import type { ArtifactInfo } from '../../cargo/messages.js'
import type { CodeMeanings } from '../../findings/codes.js'

export interface TestsConfig {
  testArgs: string[]
  runTests: boolean
  /** Minutes the test run may take before it is killed (its retries included). */
  testTimeoutMinutes: number
  /** Times a failed test is run again; 0: never. */
  testRetries: number
  /** A test that failed, then passed on a retry: shown (warn), unstable (deny), or exempted (allow). */
  flakyTests: FlakyPolicy
}

export const FLAKY_POLICIES = ['warn', 'deny', 'allow'] as const
export type FlakyPolicy = (typeof FLAKY_POLICIES)[number]

export interface TestFailure {
  crate: string
  /** Test binary kind and name, e.g. `lib`, `test:integration`, `doc`. */
  target: string
  name: string
  /** The panic message when libtest printed one. */
  message: string | null
  /** What the test printed (libtest's captured output, `panicked at file:line:col` included), when known. */
  output?: string | null
  /** Present when the test binary stopped (crashed, killed) while this test ran: how many tests it never finished besides. */
  stopped?: { unfinished: number }
  /** Runs of the test, the first included, when it was retried (3: failed, then failed on 2 retries). */
  attempts?: number
}

/** A test that failed, then passed when run again alone: counted as passed, and listed here. */
export interface FlakyTest {
  crate: string
  target: string
  name: string
  /** Runs until it passed, the first included (2: passed on the first retry). */
  attempts: number
  /** The retries the run allowed (test-retries). */
  retries: number
  /** The first failed run, as a failure is reported: its panic message and output. */
  firstFailure: Pick<TestFailure, 'message' | 'output' | 'stopped'>
}

/** What the retries did, or why there were none. */
export interface RetriesSection {
  /** test-retries. */
  limit: number
  /** Why no failed test was retried (too many failed: a broken build, not flakiness), when none was. */
  skipped?: string
  /** Retries that cannot count as a pass, and why (a rebuild, output that cannot be trusted, the time spent). */
  notes: string[]
  /** cargo runs the retries took. */
  runs: number
  /** Wall seconds the retries took. */
  seconds: number
}

export interface TestsSection {
  ran: boolean
  /** Why the tests did not run, in plain words (e.g. `cargo check failed`); absent when they ran. */
  notRun?: string
  /** Why the test results cannot be trusted (libtest's output contradicts itself or cargo); empty when they can. */
  untrusted?: string[]
  passed: number
  failed: number
  ignored: number
  failures: TestFailure[]
  /** Tests that failed, then passed on a retry (also counted in `passed`). Absent in reports before retries. */
  flaky?: FlakyTest[]
  retries?: RetriesSection
  binaries: {
    crate: string
    target: string
    passed: number
    failed: number
    ignored: number
    finished: boolean
    /** Present (false) for a `harness = false` target: judged by its exit status, counted as one test. */
    harness?: false
    /** libtest's own `finished in` time. */
    seconds: number | null
  }[]
}

export interface TestsCrate {
  passed: number
  failed: number
  ignored: number
  /** Seconds spent running this crate's test binaries, as libtest reports them. */
  testSeconds: number | null
}

/** The executables the build's phases made, read as they went by (the test run is attributed to them). */
export interface TestsState {
  artifacts: ArtifactInfo[]
}

export type TestsParts = {
  config: TestsConfig
  section: { tests: TestsSection }
  crate: TestsCrate
  /** When the check stopped the tests: its args, and which crates it passed (the build's rows). */
  reads: { config: { checkArgs: string[] }; crate: { errors: number; notChecked?: string } }
  state: TestsState
}

export const TESTS_CODES = {
  'tests-failed': 'tests failed, or a test binary crashed',
  'tests-skipped': 'cargo test was not run (run-tests: false)',
  'tests-not-run': 'cargo test did not run because the build before it failed (says why)',
  'tests-none': 'cargo test ran, and the selected members had no test to run',
  'tests-flaky':
    'tests failed, then passed when run again (flaky-tests: warn shows them, deny blocks, allow exempts)',
  'tests-not-retried':
    'failed tests were not run again (too many failed: a broken build, not flakiness; or the test-timeout was spent)'
} as const satisfies CodeMeanings

declare module '../../report/schema.js' {
  interface PhaseNames {
    /** A failed test run again alone (never recorded among the phases: the tests section reports it). */
    'test-retry': true
  }
}

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof TESTS_CODES, string> {}
}
