// The one spine of a run: every capability writes a section, every reporter renders it.
// Documented in docs/report-schema.md; bump SCHEMA_VERSION only for breaking changes,
// new optional sections are additive. 2: the report carries its findings.
import type { ConflictPolicy } from '../capabilities/conflicts/findings.js'
import type { Finding } from '../findings/finding.js'

export const SCHEMA_VERSION = 2
/** Versions the shard merge can read (1: findings are derived from the sections). */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2]

export type Severity = 'error' | 'warning'
// test-build is `cargo test --no-run`, test is the run itself: split so each phase's CPU is exact.
/** `build`: compile-once's one `cargo build`, standing for `check` and `test-build` (see compileOnce). */
export type PhaseName = 'metadata' | 'check' | 'test-build' | 'build' | 'test'

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

export interface CrateSummary {
  name: string
  version: string
  manifestPath: string
  warnings: number
  errors: number
  passed: number
  failed: number
  ignored: number
  /** Seconds spent compiling this crate's own units, when measured (timing section). */
  buildSeconds: number | null
  /** Seconds spent running this crate's test binaries, as libtest reports them. */
  testSeconds: number | null
  /** Set when cargo never reached this crate (`not checked: the build stopped at …`): its zeros mean nothing. */
  notChecked?: string
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

export interface Reason {
  /** Stable identifier a script can match on. */
  code: string
  message: string
}

export interface Verdict {
  stable: boolean
  reasons: Reason[]
  /** Findings that do not block, in plain words. */
  warnings: Reason[]
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

// Later sections. Each is owned by its analysis module; the verdict reads them.
export interface DependencyChainLink {
  name: string
  version: string
  /** How this link depends on the next: normal, build or dev. */
  kind: 'normal' | 'build' | 'dev'
}

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
  cargoRefusals: { crate: string | null; version: string | null; requires: string | null; message: string }[]
  /** The policy the findings were decided under (renderers show which versions count); absent in schema 1. */
  policy?: ConflictPolicy
}

export type RegressionState = 'true' | 'false' | 'not-comparable' | 'no-baseline'

export interface TimingSection {
  metric: 'cpu' | 'wall'
  key: Record<string, string>
  cacheState: string
  /** 0 when not measured (see notMeasured). */
  seconds: number
  /** Why the build time was not measured, when it was not: then `seconds` means nothing. */
  notMeasured?: string
  baselineSeconds: number | null
  deltaPercent: number | null
  regression: RegressionState
  /** Over the tolerance with too few samples to call it a regression (a warning); absent in schema 1. */
  slower?: boolean
  explanation: string
  samples: number
  confirmed: boolean | null
  phases: { name: string; wallSeconds: number; cpuSeconds: number | null; units: UnitCounts }[]
  crates: { name: string; seconds: number; baselineSeconds: number | null; deltaPercent: number | null }[]
  baselineUpdated: boolean
  baselineNote: string
  /** cargo's --timings HTML report of each measured phase; copied beside the JSON report when it is written. */
  cargoTimings?: { phase: string; path: string }[]
  /** Why per-crate times are missing or partial (a report not written, or not understood); null when complete. */
  crateTimingsNote?: string | null
  /** The comparable history (oldest first), the limit this run was held to, and the slowest crates' history. */
  trend?: {
    seconds: number[]
    limitSeconds: number | null
    /** Per sample, null where the crate was not compiled (or not timed) in that run. */
    crates: { name: string; seconds: (number | null)[] }[]
  }
}

export interface WorkstreamState {
  name: string
  title: string
  branch: string | null
  state: 'ready' | 'blocked'
  reasons: string[]
  trackingIssue: number | null
  previousState: 'ready' | 'blocked' | 'unknown'
}

export interface WorkstreamsSection {
  mode: 'apply' | 'dry-run' | 'report-only' | 'preview'
  workstreams: WorkstreamState[]
  plannedWrites: { kind: string; target: string; detail: string }[]
  appliedWrites: number
  createdBranches: string[]
  observation: Record<string, unknown> | null
  note: string
  /** Set when the roadmap sync failed: why. */
  error?: string
}

export interface ShardSection {
  index: number
  total: number
  members: string[]
  /** In a merged report: the shards read, and the ones missing or failed. */
  merged?: { shards: number[]; missing: number[]; failed: number[] }
}

export interface CompileOnceSection {
  mode: 'compile-once' | 'two-phase'
  /** Why the two phases ran; null with compile-once. */
  reason: string | null
}

export interface GateReport {
  schemaVersion: typeof SCHEMA_VERSION
  tool: { name: string; version: string }
  generatedAt: string
  workspace: WorkspaceInfo
  crates: CrateSummary[]
  diagnostics: DiagnosticsSection
  tests: TestsSection
  phases: PhaseResult[]
  conflicts?: ConflictsSection
  timing?: TimingSection
  workstreams?: WorkstreamsSection
  shard?: ShardSection
  /** Whether one `cargo build` replaced check and test build (compile-once), and why not when it did not. */
  compileOnce?: CompileOnceSection
  /** Every finding of every capability, severity decided where found; the verdict is their fold. */
  findings: Finding[]
  verdict: Verdict
}
