// The pipeline's timing step: per-crate timing setup for the cargo phases, then measure → compare
// with the baseline → (confirm) → record. The rebuild it may ask for runs the same cargo phases again.
import { existsSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { isGateError } from '../errors.js'
import type { BaselineStore } from '../baseline/store.js'
import type { GateConfig } from '../config.js'
import type { RunContext } from '../github/context.js'
import type { PhaseResult, Reason, TimingSection } from '../report/schema.js'
import type { Toolchain } from '../cargo/toolchain.js'
import { phaseCommand } from '../cargo/commands.js'
import { runPhase, type PhaseOptions } from '../cargo/phase.js'
import { runProcess } from '../cargo/process.js'
import { crateTimesEnv, readCrateTimes } from './crate-times.js'
import { evaluateTiming } from './evaluate.js'
import { comparisonKey } from './key.js'
import { measure } from './measure.js'

/** dist/rustc-wrapper.js beside the running bundle (dist/index.js or dist/cli.js), if it is there. */
export function bundledWrapper(): string | null {
  try {
    const candidate = path.join(path.dirname(realpathSync(process.argv[1] ?? '')), 'rustc-wrapper.js')
    return existsSync(candidate) ? candidate : null
  } catch {
    return null
  }
}

export class CrateTimer {
  private files: string[] = []

  constructor(private readonly wrapper: string | null) {}

  /** Environment for one round of cargo phases, each round with its own timings file. */
  env(): Record<string, string> {
    if (!this.wrapper) return {}
    const file = path.join(
      tmpdir(),
      `build-gate-crates-${process.pid}-${Date.now()}-${this.files.length}.jsonl`
    )
    this.files.push(file)
    return crateTimesEnv(file, this.wrapper)
  }

  /** Times of the latest round. */
  latest() {
    const file = this.files.at(-1)
    return file ? readCrateTimes(file) : []
  }

  dispose(): void {
    for (const f of this.files) rmSync(f, { force: true })
  }
}

export interface TimingStepInput {
  config: GateConfig
  phases: PhaseResult[]
  toolchain: Toolchain
  store: BaselineStore
  ctx: RunContext
  stable: boolean
  timer: CrateTimer
  /** Rebuilds the workspace crates (clean -p members, then the build phases) and returns their phases. */
  rebuild: () => Promise<PhaseResult[]>
}

export async function timingStep(
  i: TimingStepInput
): Promise<{ section: TimingSection | null; problem: Reason | null }> {
  const toolchain = {
    rustc: i.toolchain.release,
    host: i.toolchain.host,
    runnerOs: process.env.RUNNER_OS ?? process.platform
  }
  const key = comparisonKey({
    ...toolchain,
    checkArgs: i.config.checkArgs,
    testArgs: i.config.testArgs,
    runTests: i.config.runTests,
    metric: i.config.timingMetric
  })
  try {
    const section = await evaluateTiming({
      config: i.config,
      phases: i.phases,
      crateTimes: i.timer.latest(),
      toolchain,
      store: i.store,
      ctx: i.ctx,
      stable: i.stable,
      rebuild: async () => measure(await i.rebuild(), i.timer.latest(), key, i.config.timingMetric)
    })
    return { section, problem: null }
  } catch (e) {
    // A baseline that exists but cannot be read is never overwritten and never ignored silently.
    if (isGateError(e, 'baseline'))
      return { section: null, problem: { code: 'baseline-error', message: e.message } }
    throw e
  }
}

/**
 * The confirmation rebuild: `cargo clean -p <every member>`, then the same check (and test build) with
 * dependencies left fresh, so it measures the same work as the build it confirms.
 */
export async function rebuildWorkspaceCrates(
  config: GateConfig,
  members: string[],
  options: PhaseOptions & { env: Record<string, string> }
): Promise<PhaseResult[]> {
  const toolchain = config.toolchain ? [`+${config.toolchain}`] : []
  await (options.run ?? runProcess)('cargo', [...toolchain, 'clean', ...members.flatMap(n => ['-p', n])], {
    cwd: options.cwd,
    env: options.env
  })
  // Its diagnostics were read the first time; only its time counts here.
  const quiet = { ...options, sink: { diagnostic: () => undefined } }
  const out = [(await runPhase('check', phaseCommand(config, 'check'), quiet)).result]
  if (config.runTests)
    out.push((await runPhase('test-build', phaseCommand(config, 'test-build'), quiet)).result)
  return out
}
