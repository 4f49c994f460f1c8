// The build's config slice, its section of the report, its fields of each crate row and its codes.
import type { CodeMeanings } from '../../findings/codes.js'
import type { TestsConfig } from '../tests/index.js'

export interface BuildConfig {
  checkArgs: string[]
  compileOnce: 'auto' | 'off'
  /** Every warning blocks (`deny-warnings: true`). */
  denyWarnings: boolean
  /** Only warnings new against the base block (`deny-warnings: new`); denyWarnings is false then. */
  warningRatchet: boolean
  /** `cargo clippy` is the checker (`clippy: true`), with `clippyArgs` after `--`. */
  clippy: boolean
  clippyArgs: string[]
}

export interface CompileOnceSection {
  mode: 'compile-once' | 'two-phase'
  /** Why the two phases ran; null with compile-once. */
  reason: string | null
}

export interface BuildSection {
  /** Whether one `cargo build` replaced check and test build (compile-once), and why not when it did not. */
  compileOnce?: CompileOnceSection
}

export interface BuildCrate {
  warnings: number
  errors: number
  /** Set when cargo never reached this crate (`not checked: the build stopped at …`): its zeros mean nothing. */
  notChecked?: string
}

export type BuildParts = {
  config: BuildConfig
  section: BuildSection
  crate: BuildCrate
  /** The test build is the build's to run (or to fold into one build, compile-once), for the tests. */
  reads: { config: Pick<TestsConfig, 'testArgs' | 'runTests'> }
  /** With clippy and compile-once, the variables the one build and the test run share. */
  state: { wrapper: Record<string, string> | null }
}

export const BUILD_CODES = {
  'compile-errors': 'rustc reported errors in workspace crates or a dependency did not compile',
  warnings: 'rustc reported warnings in workspace crates (dependency warnings never count)',
  'phase-failed': 'a cargo phase did not run, was killed, or its output cannot be trusted',
  'phase-missing': 'a phase the verdict needs did not run',
  'phase-untrusted':
    'a phase exited 0 without building every selected member, or test output contradicts libtest or cargo',
  'process-left-running':
    'a process a phase started (e.g. a server a test did not stop) outlived cargo and held its output open',
  'shard-empty': 'this shard has no crates to gate'
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof BUILD_CODES, string> {}
}
