// The core of the report: what every run has (the workspace, cargo's phases and words, the per-crate
// rows, the findings and the verdict). Each capability declares its own section in its folder; the
// pipeline assembles the whole report type (GateReport) from these. Documented in
// docs/report-schema.md; bump SCHEMA_VERSION only for breaking changes, new optional sections are
// additive. 2: the report carries its findings.
import type { Finding } from '../findings/finding.js'
import type { Verdict } from '../findings/fold.js'
import type { WarningSet } from '../cargo/warning-set.js'

export const SCHEMA_VERSION = 2
/** Versions the shard merge can read (1: findings are derived from the sections). */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2]

export type Severity = 'error' | 'warning'
/**
 * The cargo phases a run may have. test-build is `cargo test --no-run`, test is the run itself: split so
 * each phase's CPU is exact. `build`: compile-once's one `cargo build`, standing for `check` and
 * `test-build` (see compileOnce). A capability that runs a cargo phase of its own adds its name here.
 */
export interface PhaseNames {
  metadata: true
  check: true
  'test-build': true
  build: true
  test: true
}

export type PhaseName = keyof PhaseNames & string

export interface SourceSpan {
  /** Path relative to the repository root (or the workspace root when no repository is known). */
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface Diagnostic {
  severity: Severity
  /** Workspace crate the diagnostic belongs to (package name). */
  crate: string
  /** Lint or error code, e.g. `unused_variables`, `E0308`; null when rustc gives none. */
  code: string | null
  message: string
  /** rustc's own rendering, for logs. */
  rendered: string
  /** The same with cargo's colours (ANSI), for terminals; in memory only, never in the report file. */
  renderedAnsi?: string
  span: SourceSpan | null
  phase: PhaseName
  /** rustc's and clippy's machine-applicable fixes for it, as cargo gave them; absent when none. */
  suggestions?: Suggestion[]
}

/** One machine-applicable fix: all its edits belong together (rustc's child diagnostic and its spans). */
export interface Suggestion {
  /** rustc's words for the fix, e.g. "if this is intentional, prefix it with an underscore". */
  message: string
  /** Each replaces the text from (line, column) up to (endLine, endColumn), exclusive; columns count characters from 1. */
  edits: (SourceSpan & { replacement: string })[]
}

export interface UnitCounts {
  workspace: { compiled: number; fresh: number }
  dependencies: { compiled: number; fresh: number }
}

export interface PhaseResult {
  name: PhaseName
  /** argv, program first; never a shell string. */
  command: string[]
  /** true when the process started and exited (any code). */
  ran: boolean
  exitCode: number | null
  signal: string | null
  wallSeconds: number
  /** user + system CPU of the process and all its children; null where the OS does not tell. */
  cpuSeconds: number | null
  /** Units cargo reported as compiled (`fresh: false`) and as fresh, for workspace crates and for dependencies. */
  units: UnitCounts
  /** cargo's own blocking errors (plain text on stderr), in its words. */
  cargoErrors: string[]
  /** Lines that looked like cargo JSON but could not be read. */
  unreadableLines: number
  /** Why the phase's result cannot be trusted, when it cannot. */
  failure: string | null
  /** Set when the phase exited 0 but did not build every member it selected (e.g. args pointing elsewhere). */
  untrusted?: string
  /** Set when something the phase started still held its output after cargo exited (e.g. a test's server). */
  leftRunning?: string
}

export interface WorkspaceInfo {
  root: string
  members: {
    name: string
    version: string
    manifestPath: string
    rustVersion: string | null
    edition: string
  }[]
  /** `workspace.package.rust-version`, else the lowest member rust-version, else null. */
  msrv: string | null
  toolchain: { release: string; host: string; channel: string | null } | null
  /** Where this run was told to build: the toolchain input, or null for the active one. */
  requestedToolchain: string | null
}

export interface DiagnosticsSection {
  errors: number
  warnings: number
  /** Diagnostics kept in the report; past the cap they are only counted. */
  items: Diagnostic[]
  omitted: number
  /** Warnings from non-workspace crates: shown, never counted. */
  dependencyWarnings: number
  /** Errors from non-workspace crates (a dependency that does not compile). */
  dependencyErrors: { package: string; message: string }[]
  /**
   * Every workspace warning by identity (crate, lint, file, message), none capped: crate → lint → the
   * 8-character identities concatenated (src/cargo/warning-set.ts). Absent in reports of older releases.
   */
  warningSet?: WarningSet
}

export interface ShardSection {
  index: number
  total: number
  members: string[]
  /** In a merged report: the shards read, and the ones missing or failed. */
  merged?: { shards: number[]; missing: number[]; failed: number[] }
}

/** A row of the per-crate table: a workspace member; each capability adds its fields (warnings, tests…). */
export interface CrateRow {
  name: string
  version: string
  manifestPath: string
}

/** The report every capability's section is added to; `Crate` is its rows with their fields. */
export interface CoreReport<Crate extends CrateRow = CrateRow> {
  schemaVersion: typeof SCHEMA_VERSION
  tool: { name: string; version: string }
  generatedAt: string
  workspace: WorkspaceInfo
  crates: Crate[]
  /** What rustc said in the build's cargo phases, per workspace crate. */
  diagnostics: DiagnosticsSection
  phases: PhaseResult[]
  shard?: ShardSection
  /** Every finding of every capability, severity decided where found; the verdict is their fold. */
  findings: Finding[]
  verdict: Verdict
}
