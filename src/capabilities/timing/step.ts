// The pipeline's timing step: per-crate timing setup for the cargo phases, then measure → compare
// with the baseline → (confirm) → record. The rebuild it may ask for runs the same cargo phases again.
import { BaselineUnreachable } from '../../store/branch-store.js'
import { isGateError } from '../../errors.js'
import type { BaselineStore } from '../../store/document-store.js'
import type { GateConfig } from '../../config.js'
import type { RunContext } from '../../github/context.js'
import type { PhaseResult, Reason, TimingSection } from '../../report/schema.js'
import type { Toolchain } from '../../cargo/toolchain.js'
import { phaseCommand, type Command } from '../../cargo/commands.js'
import { runPhase, type PhaseOptions } from '../../cargo/phase.js'
import { runProcess } from '../../cargo/process.js'
import { evaluateTiming } from './evaluate.js'
import { comparisonKey } from './key.js'
import { measure } from './measure.js'
import type { TimingReports } from './timing-reports.js'

export interface TimingStepInput {
  config: GateConfig
  phases: PhaseResult[]
  toolchain: Toolchain
  store: BaselineStore
  ctx: RunContext
  stable: boolean
  timings: TimingReports
  /** Workspace members (name and version), whose units are the per-crate times. */
  members: { name: string; version: string }[]
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
    metric: i.config.timingMetric,
    compileOnce: i.phases.some(p => p.name === 'build')
  })
  const evaluate = (store: BaselineStore) =>
    evaluateTiming({
      config: i.config,
      phases: i.phases,
      crateTimes: i.timings.latest(i.members),
      toolchain,
      store,
      ctx: i.ctx,
      stable: i.stable,
      rebuild: async () =>
        measure(await i.rebuild(), i.timings.latest(i.members).times, key, i.config.timingMetric)
    })
  try {
    return { section: await evaluate(i.store), problem: null }
  } catch (e) {
    // GitHub unreachable: measured, not compared (a warning), nothing recorded; never a red build.
    if (e instanceof BaselineUnreachable) {
      const measured = await evaluate(unavailable(i.store.location))
      const why = `Build time not compared: ${e.message}`
      return {
        section: {
          ...measured,
          regression: 'not-comparable',
          explanation: why,
          baselineUpdated: false,
          baselineNote: 'Baseline not updated: it could not be read.'
        },
        problem: null
      }
    }
    // A baseline that exists but cannot be read is never overwritten and never ignored silently.
    if (isGateError(e, 'baseline'))
      return { section: null, problem: { code: 'baseline-error', message: e.message } }
    throw e
  }
}

/** A store standing in for one that could not be read: no history, and nothing is written to it. */
function unavailable(location: string): BaselineStore {
  return { location, read: async () => null, update: async change => change(null) }
}

/**
 * The confirmation rebuild: `cargo clean -p <every member>`, then the same check (and test build) with
 * dependencies left fresh, so it measures the same work as the build it confirms.
 */
export async function rebuildWorkspaceCrates(
  config: GateConfig,
  members: string[],
  timings: TimingReports,
  options: PhaseOptions,
  /** compile-once's build command, when the first build was one; null: check and test build. */
  compileOnce: Command | null = null
): Promise<PhaseResult[]> {
  const toolchain = config.toolchain ? [`+${config.toolchain}`] : []
  await (options.run ?? runProcess)('cargo', [...toolchain, 'clean', ...members.flatMap(n => ['-p', n])], {
    cwd: options.cwd,
    env: options.env
  })
  timings.newRound()
  // Its diagnostics were read the first time; only its time counts here.
  const phase = async (name: 'check' | 'test-build' | 'build') =>
    (
      await runPhase(name, timings.command(name === 'build' ? compileOnce! : phaseCommand(config, name)), {
        ...options,
        sink: { diagnostic: () => undefined },
        onStderr: timings.listen(name, options.onStderr)
      })
    ).result
  if (compileOnce) return [await phase('build')]
  const out = [await phase('check')]
  if (config.runTests) out.push(await phase('test-build'))
  return out
}
