// The pipeline: preflight → toolchain → metadata → build (the cargo phases) → analyses → judge →
// judged (with the verdict so far: timing) → judge. Each stage runs the registered capabilities of
// that stage. Returns the report; publishing it and the sync stage are the caller's business.
import type { AnyCapability } from '../capabilities/capability.js'
import type { CargoMetadata } from '../cargo/metadata.js'
import type { ProcessRunner } from '../cargo/phase.js'
import type { ProgressEvent } from '../cargo/port.js'
import { runProcess } from '../cargo/process.js'
import { readRunContext, type RunContext } from '../github/context.js'
import type { OpenDocument } from '../store/documents.js'
import { judge } from './judge.js'
import { CAPABILITIES, type GateConfig, type GateReport } from './registry.js'
import { startReport } from './report.js'
import { prepareStages, runStage } from './stages.js'
import { readWorkspace } from './workspace.js'

export type { ProgressEvent }

export interface GateOptions {
  run?: ProcessRunner
  progress?: (e: ProgressEvent) => void
  /** Every stderr line of cargo, for logs. */
  log?: (line: string) => void
  /** Baseline build seconds per member, to balance shards; absent: balance by hash. */
  shardWeights?: ReadonlyMap<string, number>
  /** The gate's document store (baseline, history); null or absent: build time is measured, not compared. */
  documents?: OpenDocument | null
  ctx?: RunContext
  /** The capabilities to run; default: the registry. */
  capabilities?: readonly AnyCapability[]
  /** The clock, the environment and file reads the stages use; default: the real ones. */
  now?: () => Date
  env?: Readonly<Record<string, string | undefined>>
  readText?: (file: string) => string | null
}

export interface GateRun {
  report: GateReport
  metadata: CargoMetadata | null
}

export async function runGate(config: GateConfig, options: GateOptions = {}): Promise<GateRun> {
  const capabilities = options.capabilities ?? CAPABILITIES
  const run = options.run ?? runProcess
  const progress = options.progress ?? (() => undefined)
  const now = options.now ?? (() => new Date())
  const ws = await readWorkspace(config, { ...options, run, progress })
  const body = startReport(ws, capabilities, now)
  // A shard with no member has nothing to gate.
  if (ws.shard?.members.length === 0) return { report: judge(body, config, capabilities), metadata: ws.meta }

  const needs = { ctx: options.ctx ?? readRunContext({}), documents: options.documents ?? null }
  const stages = prepareStages(ws, capabilities, config, { ...options, run, progress, now, needs })
  // cargo may refuse to resolve because of a crate it cannot read (edition 2024 on an old cargo): then
  // there is no cargo phase to run, and the analyses work on cargo's own words.
  await runStage('build', capabilities, stages, config, body)
  if (stages.cargo) body.diagnostics = stages.cargo.closeDiagnostics()
  await runStage('analyses', capabilities, stages, config, body)
  const verdict = judge(body, config, capabilities, stages.found).verdict
  await runStage('judged', capabilities, { ...stages, needs: { ...needs, verdict } }, config, body)
  return { report: judge(body, config, capabilities, stages.found), metadata: ws.meta }
}
