// The conflicts' config slice, their section of the report and their codes.
import type { DependencyChainLink } from '../../cargo/graph.js'
import type { CargoRefusal } from '../../cargo/refusals.js'
import type { CodeMeanings } from '../../findings/codes.js'

export interface ConflictsConfig {
  duplicateVersions: 'deny' | 'warn' | 'allow'
  duplicateVersionsIncludeDev: boolean
  allowDuplicates: string[]
  singleVersionCrates: string[]
  msrvCheck: 'deny' | 'warn' | 'off'
  /** Hold a member's rust-version to what only its dev-dependencies pull in, too. */
  msrvCheckIncludeDev: boolean
}

/** The inputs that decide how much each conflict weighs: recorded in the section. */
export type ConflictPolicy = Pick<
  ConflictsConfig,
  'duplicateVersions' | 'duplicateVersionsIncludeDev' | 'msrvCheck'
>

export interface DuplicateFinding {
  name: string
  versions: {
    version: string
    /** Shortest path from a workspace member (a member's chain is itself); the last link's kind is `normal`. */
    chain: DependencyChainLink[]
    member: string
    devOnly: boolean
    /** The member's Cargo.toml (absolute) and the line declaring the dependency the chain starts with. */
    manifest?: { file: string; line: number | null } | null
    /** cargo's source of this version (`registry+…`, `git+…`); null for a path package. Absent in older reports. */
    source?: string | null
    /** A path package's directory, relative to the workspace root. */
    dir?: string
  }[]
  allowed: boolean
}

export interface RustVersionFinding {
  name: string
  version: string
  /** What the crate needs, e.g. `1.85`, and why: its rust-version or its edition. */
  requires: string
  requiresBecause: 'rust-version' | 'edition'
  edition: string
  /** What it is checked against: the toolchain, or the rust-version of `member`, which pulls it in. */
  against: 'toolchain' | 'msrv'
  have: string
  /** `msrv`: the member's own rust-version, or `[workspace.package]`'s for a member that declares none. */
  msrvFrom?: 'member' | 'workspace'
  member: string
  /** `msrv`: the member pulls it in only through its dev-dependencies. */
  devOnly?: boolean
  chain: DependencyChainLink[]
  fixes: string[]
  /** Cargo.toml line through which the crate arrives, when found. */
  manifest: { file: string; line: number | null } | null
}

export interface ConflictsSection {
  duplicates: DuplicateFinding[]
  /** Crates in `single-version-crates` resolved at more than one version. */
  singleVersionViolations: { name: string; versions: string[] }[]
  /** `allow-duplicates` entries that matched nothing. */
  staleAllowEntries: string[]
  rustVersion: RustVersionFinding[]
  /** Conflicts cargo itself refused to build with, read from its stderr. */
  cargoRefusals: CargoRefusal[]
  /** The policy the findings were decided under (renderers show which versions count); absent in schema 1. */
  policy?: ConflictPolicy
}

export type ConflictsParts = { config: ConflictsConfig; section: { conflicts?: ConflictsSection } }

export const CONFLICTS_CODES = {
  'duplicate-versions': 'a crate resolves to several versions (duplicate-versions policy)',
  'single-version': 'a crate of single-version-crates resolves to several versions',
  'stale-allow': 'an allow-duplicates entry matches no duplicate',
  msrv: 'a package needs a newer Rust than the toolchain, or than the rust-version of a member that pulls it in (msrv-check policy)',
  'cargo-refused': 'cargo refused to build a package (its rust-version or edition is too new)'
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof CONFLICTS_CODES, string> {}
}
