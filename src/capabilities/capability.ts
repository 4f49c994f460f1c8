// A capability: one concern of the gate (build, tests, conflicts, timing, roadmap…) in one folder.
// It declares its inputs, its config slice, its report section and its finding codes; runs at one
// stage of the pipeline with the ports it is given (and those it asks for); returns its section and
// its findings (severity decided there, from the user's policy); merges its section across shards;
// and renders itself. The pipeline (src/pipeline/) loops over the registry and assembles the config
// (GateConfig) and the report (GateReport) from the capabilities' slices.
import type { CargoMetadata } from '../cargo/metadata.js'
import type { DependencyGraph } from '../cargo/graph.js'
import type { ProcessRunner } from '../cargo/phase.js'
import type { CargoPort, PhaseHook } from '../cargo/port.js'
import type { Toolchain } from '../cargo/toolchain.js'
import type { CoreConfig } from '../config.js'
import type { CodeMeanings } from '../findings/codes.js'
import type { Finding } from '../findings/finding.js'
import type { Verdict } from '../findings/fold.js'
import type { GitHubClient } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import type { InputParsers, InputSpec } from '../inputs.js'
import type { Annotation } from '../report/annotations.js'
import type { BlobLinks } from '../report/markdown.js'
import type { CoreReport, CrateRow, PhaseResult } from '../report/schema.js'
import type { OpenDocument } from '../store/documents.js'

/**
 * What a capability reads and writes, as types. The pipeline assembles GateConfig from every
 * `config`, and GateReport from every `section` and `crate`.
 */
export interface Parts {
  /** Its config slice: what `parse` returns. */
  config?: object
  /** The report fields it writes (its section). */
  section?: object
  /** The fields it adds to each row of the per-crate table. */
  crate?: object
  /** What it builds on of other capabilities: their config, section and crate fields (their types). */
  reads?: { config?: object; section?: object; crate?: object }
  /** The ports it asks the pipeline for, beyond those every stage gets. */
  needs?: keyof Needs
  /** Its state for one run (made by `start`), handed to `run`. */
  state?: object
}

type Get<T, K extends PropertyKey> = T extends { [Q in K]: infer V } ? V : unknown
type Reads<P> = Get<P, 'reads'>

/** The config a capability sees: the core's, its own slice, and the slices it reads. */
export type ConfigOf<P extends Parts> = CoreConfig & Get<P, 'config'> & Get<Reads<P>, 'config'>
export type CrateOf<P extends Parts> = CrateRow & Get<P, 'crate'> & Get<Reads<P>, 'crate'>
/** The report a capability sees: the core's, its own section, and (when they ran) those it reads. */
export type ReportOf<P extends Parts> = CoreReport<CrateOf<P>> &
  Get<P, 'section'> &
  Partial<Get<Reads<P>, 'section'>>
/** A report before its verdict: what the findings are derived from. */
export type BodyOf<P extends Parts> = Omit<ReportOf<P>, 'verdict' | 'findings'> & { findings?: Finding[] }

/**
 * Where a capability runs. `build`: the cargo phases (build, tests); `analyses`: after them, on the
 * resolved graph; `judged`: after a first judgement, with the verdict so far (timing: a regression
 * that reached the default branch is recorded); `sync`: after the report is published (GitHub
 * writes; never withholds the verdict).
 */
export type Stage = 'build' | 'analyses' | 'judged' | 'sync'

/** Ports a capability asks for by name (`needs`); the pipeline fulfils them. */
export interface Needs {
  /** The run's context: event, repository, trust. */
  ctx: RunContext
  /** The gate's document store; without one (no store configured) documents are neither read nor written. */
  documents: OpenDocument | null
  /** The verdict of the stages before this one (stage `judged`). */
  verdict: Verdict
}

/** What every stage hands a capability's run: the I/O it may use and what earlier stages found. */
export interface StagePorts<P extends Parts = Parts> {
  /** Workspace root (absolute, real path). */
  cwd: string
  toolchain: Toolchain
  /** `cargo metadata` of the workspace; null when it failed (only cargo's own words are known then). */
  metadata: CargoMetadata | null
  graph: DependencyGraph | null
  /** Text of the root and every member Cargo.toml by absolute path, read once (null: unreadable). */
  manifests: ReadonlyMap<string, string | null>
  /** Every cargo phase run so far. */
  phases: readonly PhaseResult[]
  /** The report so far (sections of earlier stages; the build's crate rows). */
  report: BodyOf<P>
  /** Runs cargo phases through every capability's hook; null when cargo metadata failed. */
  cargo: CargoPort | null
  run: ProcessRunner
  log: (line: string) => void
  env: Readonly<Record<string, string | undefined>>
  now: () => Date
}

type NeedsOf<P extends Parts> = P extends { needs: infer N extends keyof Needs } ? Pick<Needs, N> : unknown
type StateOf<P extends Parts> = Get<P, 'state'>

/** What the sync stage hands a capability, after the verdict was published. */
export interface SyncPorts<P extends Parts = Parts> {
  /** The published report (its verdict is final). */
  report: ReportOf<P>
  ctx: RunContext
  /** null without a token: report only. */
  github: GitHubClient | null
  log: (line: string) => void
  /** The job summary of a report as one string, for a PR comment; absent: no comment (the CLI). */
  renderSummary?: (report: ReportOf<P>) => string
}

export interface CapabilityResult<P extends Parts = Parts> {
  /** The report fields it wrote, e.g. `{ conflicts: section }`; {} when it wrote none. */
  section: Partial<Get<P, 'section'>>
  /** Its fields of each crate row, by crate name. */
  crates?: Record<string, Partial<Get<P, 'crate'>>>
  /** Its findings; absent: read from the report with `findings` once every stage ran. */
  findings?: Finding[]
  /** sync stage: what went wrong that is said as a warning and fails nothing (the PR comment). */
  warnings?: string[]
}

export interface OutputSpec<P extends Parts = Parts> {
  name: string
  description: string
  /** The value from the report; null leaves the output unset (e.g. its section is absent). */
  value(report: ReportOf<P>, ctx: OutputContext<P>): string | null
}

export interface OutputContext<P extends Parts = Parts> {
  /** Absolute path of the JSON report. */
  reportPath: string
  config: ConfigOf<P> | null
}

/** Where rendered text points: blob links for files, the run and its event (job summary, PR comment). */
export interface RenderContext<P extends Parts = Parts> {
  links: BlobLinks
  config: ConfigOf<P> | null
  run: { eventName: string; defaultBranch: string | null; runUrl: string | null }
}

/** A capability's columns of the per-crate table (in registry order, after the crate's name). */
export interface CrateTable<P extends Parts = Parts> {
  columns?: { header: string; cell(crate: CrateOf<P>): string; total(report: ReportOf<P>): string }[]
  /** Seconds this capability spent on the crate, its own time column (null: not measured). */
  seconds?(crate: CrateOf<P>): number | null
  /** That column's header, e.g. `build (s)`; the capability's name and `(s)` by default. */
  secondsHeader?: string
  /** Why the crate's figures mean nothing (cargo never reached it): the row shows this instead. */
  unreached?(crate: CrateOf<P>): string | null
}

export interface Capability<P extends Parts = Parts> {
  name: string
  stage: Stage
  /** Rows of the one inputs table (action.yml and the CLI flags are checked against it). */
  inputs: InputSpec[]
  /** Its config slice, read with the shared parsers (errors name the input). */
  parse?(p: InputParsers): Get<P, 'config'>
  /** Its finding codes and their meaning (add them to FindingCodes in its folder too). */
  codes: CodeMeanings
  /** Rows of the one outputs table (action.yml is checked against it). */
  outputs: OutputSpec<P>[]
  /** The ports it asks for (see Needs). */
  needs?: readonly (keyof Needs)[]
  /** Its per-run state, made when the gate starts; its `hook` sees every cargo phase run through ports.cargo. */
  start?(config: ConfigOf<P>): StateOf<P> & { hook?: PhaseHook }
  /** Its fields of a crate row before it ran (a row always has every field). */
  crateDefaults?: Get<P, 'crate'>
  /** Its section of a report that read nothing (a run that could not judge the build). */
  blank?(): Partial<Get<P, 'section'>>
  /** Runs at its stage. */
  run?(
    ports: StagePorts<P> & NeedsOf<P>,
    config: ConfigOf<P>,
    state: StateOf<P>
  ): Promise<CapabilityResult<P>>
  /** stage `sync`: runs after the report is published; its section is published after it. */
  sync?(ports: SyncPorts<P>, config: ConfigOf<P>): Promise<CapabilityResult<P>>
  /** sync stage: the section that records a failed sync, so the summary and the PR comment show it. */
  syncFailed?(error: string): Partial<Get<P, 'section'>>
  /**
   * The findings the report's sections stand for, under this policy. Pure. Used where the section is
   * made, for a `run` that leaves its findings to be read once every stage ran, and to read reports
   * that carry no findings (schema 1).
   */
  findings?(report: BodyOf<P>, config: ConfigOf<P>): Finding[]
  /** Fail-closed rules over every capability's findings (e.g. nothing is stable without a check). */
  guard?(report: BodyOf<P>, findings: readonly Finding[]): Finding[]
  /** Its fields of the report merged across shard reports (sorted by shard index). */
  merge?(shards: ReportOf<P>[], config: ConfigOf<P>): Partial<Get<P, 'section'>>
  /** Files it keeps beside the JSON report when it is written; returns its section naming the copies. */
  beside?(report: ReportOf<P>, reportFile: string): Partial<Get<P, 'section'>>
  /** Its columns of the per-crate table. */
  table?: CrateTable<P>
  /** Markdown for the job summary and the PR comment; null when there is nothing to show. */
  markdown?(report: ReportOf<P>, ctx: RenderContext<P>): string | null
  /** Terminal lines before the per-crate table (the compiler's own words, as cargo prints them). */
  lead?(report: ReportOf<P>, colour: boolean): string[]
  /** Terminal lines after the per-crate table; [] when there is nothing to show. */
  terminal?(report: ReportOf<P>): string[]
  /** Lines for the Actions log. */
  log?(report: ReportOf<P>, stopToken: string): string[]
  annotations?(report: ReportOf<P>, repoRoot: string): Annotation[]
}

/** A capability of any parts: what the registry and the pipeline's loops hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCapability = Capability<any>
