// Whether this run adds its sample to the baseline.
import type { CoreConfig } from '../../config.js'
import type { RunContext } from '../../github/context.js'
import type { TimingConfig } from './section.js'

/**
 * `stable` is the verdict without the timing rule: a regression that reached the default branch must be
 * recorded, or the baseline could never follow an accepted slowdown and every later run would fail.
 */
export function shouldUpdateBaseline(
  config: Pick<TimingConfig, 'updateBaseline'> & Partial<Pick<CoreConfig, 'baselineStore'>>,
  stable: boolean,
  ctx: Pick<RunContext, 'eventName' | 'pullRequest' | 'trusted' | 'trustReason'>
): { update: boolean; reason: string } {
  if (ctx.pullRequest || ctx.eventName.startsWith('pull_request'))
    return {
      update: false,
      reason: 'pull request runs never write the baseline, whatever update-baseline says'
    }
  if (config.updateBaseline === 'never') return { update: false, reason: 'update-baseline is never' }
  if (config.updateBaseline === 'always') return { update: true, reason: 'update-baseline is always' }
  if (!stable) return { update: false, reason: 'the build is not stable (update-baseline: auto)' }
  // Outside GitHub Actions a file baseline is the user's own history: their stable runs are its samples.
  if (config.baselineStore === 'file' && ctx.eventName === '')
    return { update: true, reason: 'stable local run, its own file baseline (update-baseline: auto)' }
  if (!ctx.trusted)
    return { update: false, reason: `the run is not trusted: ${ctx.trustReason} (update-baseline: auto)` }
  return { update: true, reason: `stable and trusted: ${ctx.trustReason}` }
}
