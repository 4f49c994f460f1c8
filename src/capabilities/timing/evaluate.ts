// The timing step of the pipeline, in one call: read the baseline, measure, decide, confirm, record.
import type { RunContext } from '../../github/context.js'
import type { PhaseResult } from '../../report/schema.js'
import type { DocumentStore } from '../../store/document-store.js'
import type { ConfigOf } from '../capability.js'
import type { Baseline } from './baseline.js'
import type { TimingParts, TimingSection } from './section.js'
import { addSample } from './baseline.js'
import { confirmRegression } from './confirm.js'
import { decide } from './decide.js'
import { comparisonKey, type KeyInput } from './key.js'
import { measure, type Measurement } from './measure.js'
import { timingSection } from './result.js'
import type { RoundTimes } from './timing-reports.js'
import { shouldUpdateBaseline } from './update.js'

export interface TimingInput {
  config: ConfigOf<TimingParts>
  phases: readonly PhaseResult[]
  crateTimes: RoundTimes
  toolchain: Pick<KeyInput, 'rustc' | 'host' | 'runnerOs'>
  store: DocumentStore<Baseline>
  ctx: RunContext
  /** The verdict without the timing rule. */
  stable: boolean
  /** Rebuilds the workspace crates and measures again; see confirm.ts. */
  rebuild: () => Promise<Measurement>
  now?: Date
}

export async function evaluateTiming(input: TimingInput): Promise<TimingSection> {
  const { config } = input
  const key = comparisonKey({
    ...input.toolchain,
    checkArgs: config.checkArgs,
    testArgs: config.testArgs,
    runTests: config.runTests,
    metric: config.timingMetric,
    compileOnce: input.phases.some(p => p.name === 'build')
  })
  const m = measure(input.phases, input.crateTimes.times, key, config.timingMetric)
  const baseline = await input.store.read()
  const opts = {
    tolerancePercent: config.tolerancePercent,
    minSamples: config.baselineMinSamples,
    confirm: config.confirmRegression
  }
  const result = await confirmRegression(decide(m, baseline, opts), baseline, opts, input.rebuild)
  const policy = shouldUpdateBaseline(config, input.stable, input.ctx)
  let update = { updated: false, note: `Baseline not updated: ${policy.reason}.` }
  if (policy.update && m.seconds === null)
    update = { updated: false, note: `Baseline not updated: ${m.unmeasurable}.` }
  else if (policy.update) {
    const sample = {
      seconds: m.seconds as number,
      at: (input.now ?? new Date()).toISOString(),
      sha: input.ctx.sha,
      crates: m.crates
    }
    await input.store.update(current =>
      addSample(current, m.key, m.cacheState, sample, config.baselineHistory)
    )
    update = { updated: true, note: `Sample added to ${input.store.location} (${policy.reason}).` }
  }
  return timingSection(m, result, baseline, update, input.crateTimes)
}
