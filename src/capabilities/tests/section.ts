// The tests' config slice, their section of the report, their fields of each crate row and their codes.
import type { ArtifactInfo } from '../../cargo/messages.js'
import type { CodeMeanings } from '../../findings/codes.js'

export interface TestsConfig {
  testArgs: string[]
  runTests: boolean
  /** Minutes the test run may take before it is killed. */
  testTimeoutMinutes: number
}

export interface TestFailure {
  crate: string
  /** Test binary kind and name, e.g. `lib`, `test:integration`, `doc`. */
  target: string
  name: string
  /** The panic message when libtest printed one. */
  message: string | null
  /** What the test printed (libtest's captured output, `panicked at file:line:col` included), when known. */
  output?: string | null
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
  'tests-none': 'cargo test ran, and the selected members had no test to run'
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof TESTS_CODES, string> {}
}
