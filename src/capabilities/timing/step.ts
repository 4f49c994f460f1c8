// The timing step: measure → compare with the baseline → (confirm) → record. The rebuild it may ask
// for runs the build's cargo phases again.
import { CARGO_OUTPUT_ENV } from '../../cargo/commands.js'
import type { ProcessRunner } from '../../cargo/phase.js'
import type { CargoPort } from '../../cargo/port.js'
import type { Toolchain } from '../../cargo/toolchain.js'
import { isGateError } from '../../errors.js'
import type { RunContext } from '../../github/context.js'
import type { PhaseResult } from '../../report/schema.js'
import { DocumentUnreachable } from '../../store/branch-store.js'
import type { DocumentStore } from '../../store/document-store.js'
import type { ConfigOf } from '../capability.js'
import type { Baseline } from './baseline.js'
import { evaluateTiming } from './evaluate.js'
import type { TimingParts, TimingSection } from './section.js'
import { comparisonKey } from './key.js'
import { measure } from './measure.js'
import type { TimingReports } from './timing-reports.js'

type BaselineStore = DocumentStore<Baseline>

export interface TimingStepInput {
  config: ConfigOf<TimingParts>
  phases: readonly PhaseResult[]
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
): Promise<{ section: TimingSection | null; problem: string | null }> {
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
    if (e instanceof DocumentUnreachable) {
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
    if (isGateError(e, 'baseline')) return { section: null, problem: e.message }
    throw e
  }
}

/** A store standing in for one that could not be read: no history, and nothing is written to it. */
function unavailable(location: string): BaselineStore {
  return { location, read: async () => null, update: async change => change(null) }
}

/**
 * The confirmation rebuild: `cargo clean -p <every member>`, then the build's phases again as they ran
 * (check and test build, or compile-once's one build), dependencies left fresh, so it measures the same
 * work as the build it confirms. Measured only: not recorded, its diagnostics not read again.
 */
export async function rebuildWorkspaceCrates(o: {
  cargo: CargoPort
  run: ProcessRunner
  cwd: string
  toolchain: string | null
  members: string[]
  phases: readonly PhaseResult[]
  newRound: () => void
}): Promise<PhaseResult[]> {
  const toolchain = o.toolchain ? [`+${o.toolchain}`] : []
  await o.run('cargo', [...toolchain, 'clean', ...o.members.flatMap(n => ['-p', n])], {
    cwd: o.cwd,
    env: CARGO_OUTPUT_ENV
  })
  o.newRound()
  const out: PhaseResult[] = []
  for (const p of o.phases.filter(x => x.name === 'check' || x.name === 'test-build' || x.name === 'build')) {
    const [program, ...args] = p.command
    out.push((await o.cargo.phase(p.name, { program, args }, { record: false })).result)
  }
  return out
}
