// What the fix search found: one entry per dependency conflict it tried to fix, verified in a scratch
// copy of the workspace or not, and the conflicts nothing within the current requirements can fix.

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
  /** lock: only Cargo.lock changes (a `cargo update` command); manifest: a member's requirement is raised. */
  kind: 'lock' | 'manifest'
  /** The member's Cargo.toml, relative to the workspace root, for a manifest fix. */
  manifest: string | null
  verified: boolean
  /** The exact command for a lock fix. */
  command: string | null
  /** A manifest fix: the line before and after. */
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
