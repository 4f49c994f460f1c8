// The lint fixes' section of the report: rustc's and clippy's machine-applicable suggestions, applied
// with `cargo fix` (or `cargo clippy --fix`) in a scratch copy and verified there, and what they change.
import type { CodeMeanings } from '../../findings/codes.js'
import type { BuildConfig } from '../build/index.js'
import type { TestsConfig } from '../tests/index.js'

/** The cargo arguments the fix is made and verified with: the gate's own. */
export type LintFixConfig = Pick<BuildConfig, 'checkArgs' | 'clippy' | 'clippyArgs'> &
  Pick<TestsConfig, 'testArgs' | 'runTests'> & { toolchain: string | null }

export type LintFixesParts = {
  section: { lintFixes?: LintFixesSection }
  /** The fix pull request's switch: the fixes are made for it, on trusted runs only. */
  reads: { config: LintFixConfig & { fixPr: boolean } }
  needs: 'ctx'
}

export const LINT_FIXES_CODES = {
  'lint-fix-available':
    "rustc's or clippy's machine-applicable fixes, applied by cargo fix in a scratch copy: verified (info) or not (warn)",
  'lint-fix-failed': 'cargo fix could not be run to the end in the scratch copy'
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof LINT_FIXES_CODES, string> {}
}

/** Warnings of one crate, lint and file that the fix made go away. */
export interface FixedLint {
  crate: string
  /** `unused_imports`, `clippy::needless_return`; '' when rustc names none. */
  lint: string
  /** Relative to the workspace root, as cargo names it. */
  file: string
  count: number
}

export interface LintFixesSection {
  /** verified: built and checked as the gate does; not-verified: nothing of it is offered; failed: not run to the end. */
  status: 'verified' | 'not-verified' | 'failed'
  /** `cargo fix …` as run (with `+toolchain`, without the scratch-only `--allow-no-vcs`). */
  command: string[]
  fixed: FixedLint[]
  /** Why it is not verified or failed ('' when verified), in plain words. */
  reason: string
  /** cargo's and rustc's own words behind the reason (capped). */
  details: string[]
  /** The files the fix changes, relative to the workspace root, as git blob ids (empty unless verified). */
  files: { path: string; before: string; after: string }[]
  /** Wall seconds of the whole run: checks, cargo fix, test build. */
  seconds: number
}
