// The fixes' config slice and codes, and their section of the report: what the fix search found, one
// entry per dependency conflict it tried to fix, verified in a scratch copy of the workspace or not,
// and the conflicts nothing within the current requirements can fix.
import type { CodeMeanings } from '../../findings/codes.js'
import type { BuildConfig } from '../build/index.js'
import type { ConflictsConfig, ConflictsSection } from '../conflicts/index.js'
import type { TestsConfig } from '../tests/index.js'

/** auto: only conflicts that block the build (each fix costs a scratch build); true: every conflict. */
export type FixSearch = 'auto' | 'true' | 'false'

export interface FixesConfig {
  fixSearch: FixSearch
}

export type FixesParts = {
  config: FixesConfig
  section: { fixes?: FixesSection }
  /** The conflicts to fix; a fix is verified by building the scratch copy as the gate builds. */
  reads: {
    config: ConflictsConfig & Pick<BuildConfig, 'checkArgs'> & Pick<TestsConfig, 'testArgs' | 'runTests'>
    section: { conflicts: ConflictsSection }
  }
}

export const FIXES_CODES = {
  'fix-available': 'a fix for a dependency conflict, verified (info) or not (warn) in a scratch copy',
  'fix-blocked': 'no fix for a dependency conflict within the current requirements; names the blocker',
  'fix-search-failed': 'the search for dependency fixes could not run to the end'
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof FIXES_CODES, string> {}
}

/** The conflict a fix answers, by the finding code of the conflicts capability. */
export interface FixTarget {
  code: 'msrv' | 'duplicate-versions' | 'single-version'
  crate: string
  version: string
}

export interface Fix {
  crate: string
  from: string
  to: string
  /**
   * lock: only Cargo.lock changes (a `cargo update` command); manifest: a member's requirement is raised;
   * patch: a `[patch.crates-io]` entry in the root Cargo.toml makes one source's copy the other's.
   */
  kind: 'lock' | 'manifest' | 'patch'
  /** The Cargo.toml changed (relative to the workspace root), for a manifest or patch fix. */
  manifest: string | null
  verified: boolean
  /** The exact command for a lock fix. */
  command: string | null
  /** A manifest fix: the line before and after; a patch fix: the lines added at `line` (before is empty). */
  diff: { line: number; before: string; after: string } | null
  target: FixTarget
  /** Why it is not verified (empty when it is). */
  reason: string
  /** Compile errors of the scratch build, in rustc's words (capped). */
  errors: string[]
  /** Every package version the fix changes in Cargo.lock. */
  lockChanges: { name: string; from: string | null; to: string | null }[]
  /** Wall seconds spent verifying it (resolve, metadata, check, test build). */
  seconds: number
}

export interface FixBlocker {
  target: FixTarget
  /** `password-hash 0.6.0 requires base64ct ^1.8` */
  blockedBy: string
  /** What would unblock it, in plain words. */
  unblock: string
}

export interface FixesSection {
  fixes: Fix[]
  blockers: FixBlocker[]
  /** Wall seconds of the whole search and verification. */
  seconds: number
  /** The files the verified fixes change, relative to the workspace root, as git blob ids. */
  files: { path: string; before: string; after: string }[]
  /** Set when the search could not run (scratch copy or cargo failed); the conflicts stand as found. */
  failure: string | null
}

/** The `fixes` output: the stable, public shape of each fix. */
export function fixesOutput(section: FixesSection): Record<string, unknown>[] {
  return section.fixes.map(f => ({
    crate: f.crate,
    from: f.from,
    to: f.to,
    kind: f.kind,
    manifest: f.manifest,
    verified: f.verified,
    command: f.command,
    fixes: f.target.code,
    reason: f.verified ? null : f.reason
  }))
}
