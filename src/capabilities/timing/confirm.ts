// A suspected regression is measured once more before it counts: one slow sample on a shared runner
// is common, two in a row that both clear the limit are not.
import type { Baseline } from './baseline.js'
import { decide, type DecideOptions, type Decision } from './decide.js'
import type { Measurement } from './measure.js'

export interface Confirmed {
  decision: Decision
  /** true: the rebuild also exceeded; false: it did not (noise); null: no confirmation was made or possible. */
  confirmed: boolean | null
  confirmation: Measurement | null
}

/**
 * `rebuild` must rebuild the workspace crates only, the same way: `cargo clean -p <every member>`, then
 * the same check and test-build commands (same args, env, wrapper), and measure them like the first time.
 */
export async function confirmRegression(
  first: Decision,
  baseline: Baseline | null,
  opts: DecideOptions & { confirm: boolean },
  rebuild: () => Promise<Measurement>
): Promise<Confirmed> {
  if (!first.suspected || !opts.confirm) return { decision: first, confirmed: null, confirmation: null }
  const again = await rebuild()
  const second = decide(again, baseline, opts)
  const secs = again.seconds === null ? '?' : again.seconds.toFixed(2)
  if (second.regression === 'true')
    return {
      decision: {
        ...first,
        explanation: `${first.explanation} Confirmed: the rebuild took ${secs} s, also over the limit.`
      },
      confirmed: true,
      confirmation: again
    }
  if (second.regression === 'false' && second.samples >= opts.minSamples)
    return {
      decision: {
        ...first,
        regression: 'false',
        suspected: false,
        explanation: `${first.explanation} Not confirmed: the rebuild took ${secs} s, within the limit, so the first build was noise.`
      },
      confirmed: false,
      confirmation: again
    }
  // The rebuild measured other work (e.g. a cold first run, a warm rebuild): the first decision stands.
  return {
    decision: {
      ...first,
      explanation: `${first.explanation} The rebuild could not be compared (${second.explanation})`
    },
    confirmed: null,
    confirmation: again
  }
}
