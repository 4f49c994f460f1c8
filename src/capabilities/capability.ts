// A capability: one concern of the gate (build, tests, conflicts, timing, roadmap, …) in one folder.
// It declares its inputs and outputs, runs at one stage of the pipeline, returns its report section
// and its findings (severity decided there, from the user's policy), merges its section across shards
// and renders itself. The gate, the verdict, the summary, the terminal, the outputs and the shard
// merge loop over the registry (src/capabilities/registry.ts).
import type { DependencyGraph } from '../cargo/graph.js'
import type { BaselineStore } from '../store/document-store.js'
import type { CargoMetadata } from '../cargo/metadata.js'
import type { ProcessRunner } from '../cargo/phase.js'
import type { Toolchain } from '../cargo/toolchain.js'
import type { GateConfig } from '../config.js'
import type { Finding } from '../findings/finding.js'
import type { GitHubClient } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import type { TimingReports } from './timing/timing-reports.js'
import type { InputParsers, InputSpec } from '../inputs.js'
import type { Annotation } from '../report/annotations.js'
import type { GateReport, PhaseResult } from '../report/schema.js'

/** A report before its verdict: what the capabilities' findings are derived from. */
export type ReportBody = Omit<GateReport, 'verdict' | 'findings'> & { findings?: Finding[] }

/**
 * Where a capability runs. `build`: inside the cargo phases (build, tests); `analyses`: after them, on
 * the resolved graph; `timing`: after a first judgement (it needs to know whether the build is stable);
 * `sync`: after the report is published (GitHub writes; never withholds the verdict).
 */
export type Stage = 'build' | 'analyses' | 'timing' | 'sync'

export interface OutputSpec {
  name: string
  description: string
  /** The value from the report; null leaves the output unset (e.g. its section is absent). */
  value(report: GateReport, ctx: OutputContext): string | null
}

export interface OutputContext {
  /** Absolute path of the JSON report. */
  reportPath: string
  config: GateConfig | null
}

/** What a stage hands a capability's run: the I/O it may use and what earlier stages found. */
export interface StagePorts {
  /** Workspace root (absolute, real path). */
  cwd: string
  toolchain: Toolchain
  /** `cargo metadata` of the workspace; null when it failed (only cargo's own words are known then). */
  metadata: CargoMetadata | null
  graph: DependencyGraph | null
  /** Text of the root and every member Cargo.toml by absolute path, read once (null: unreadable). */
  manifests: ReadonlyMap<string, string | null>
  /** Every cargo phase run so far. */
  phases: PhaseResult[]
  /** The report so far (sections of earlier stages and their findings). */
  report: ReportBody
  run: ProcessRunner
  log: (line: string) => void
  env: Readonly<Record<string, string | undefined>>
  now: () => Date
  /** timing stage: the baseline store (null: time is measured, not compared), the run context, and a rebuild. */
  baseline?: BaselineStore | null
  ctx?: RunContext
  /** timing stage: whether the build is stable without this stage's findings. */
  stableSoFar?: boolean
  /** timing stage: rebuilds the workspace crates the same way and returns those phases. */
  rebuild?: () => Promise<PhaseResult[]>
  /** timing stage: cargo's --timings reports of the cargo phases, for per-crate compile times. */
  timings?: TimingReports
}

/** What the sync stage hands a capability, after the verdict was published. */
export interface SyncPorts {
  /** The published report (its verdict is final). */
  report: GateReport
  ctx: RunContext
  /** null without a token: report only. */
  github: GitHubClient | null
  log: (line: string) => void
  /** The job summary of a report as one string, for a PR comment; absent: no comment (the CLI). */
  renderSummary?: (report: GateReport) => string
}

export interface CapabilityResult {
  /** Fields of the report this capability owns, e.g. `{ conflicts: section }`; {} when it wrote none. */
  section: Partial<ReportBody>
  findings: Finding[]
}

export interface Capability {
  name: string
  stage: Stage
  /** Rows of the one inputs table (action.yml and the CLI flags are checked against it). */
  inputs: InputSpec[]
  /** This capability's part of GateConfig, read with the shared parsers (errors name the input). */
  parse?(p: InputParsers): Partial<GateConfig>
  /** Rows of the one outputs table (action.yml is checked against it). */
  outputs: OutputSpec[]
  /** Runs at its stage (not called for `build`: the pipeline's cargo phases fill those sections). */
  run?(ports: StagePorts, config: GateConfig): Promise<CapabilityResult>
  /** stage `sync`: runs after the report is published; its section is published after it. */
  sync?(ports: SyncPorts, config: GateConfig): Promise<CapabilityResult>
  /** sync stage: the section that records a failed sync, so the summary and the PR comment show it. */
  syncFailed?(error: string): Partial<ReportBody>
  /**
   * The findings the report's sections stand for, under this policy. Pure. Used where the section is
   * made, and to read reports that carry no findings (schema 1).
   */
  findings(report: ReportBody, config: GateConfig): Finding[]
  /** The merged fields of the report across shard reports (sorted by shard index). */
  merge?(shards: GateReport[]): Partial<ReportBody>
  /** Markdown for the job summary and the PR comment; null when there is nothing to show. */
  markdown?(report: GateReport): string | null
  /** Lines for the terminal; [] when there is nothing to show. */
  terminal?(report: GateReport): string[]
  annotations?(report: GateReport, repoRoot: string): Annotation[]
}
