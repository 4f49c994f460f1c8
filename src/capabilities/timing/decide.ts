// The regression rule. Pure: a measurement and the stored history in, a decision out.
// Why this rule (and not a plain 10% comparison) is argued in docs/timing.md.
import type { RegressionState } from './section.js'
import { findEntry, otherCacheStates, type Baseline } from './baseline.js'
import { describeCacheDifference } from './key.js'
import type { Measurement } from './measure.js'
import { median, percentChange, robustSigma, round } from './stats.js'

export interface DecideOptions {
  tolerancePercent: number
  minSamples: number
}

export interface Decision {
  regression: RegressionState
  /** Over the limit with enough history: what a confirmation rebuild should check. */
  suspected: boolean
  /** Over the tolerance with too little history to call it a regression: a warning. */
  slower: boolean
  /** Median of the comparable history. */
  baselineSeconds: number | null
  deltaPercent: number | null
  /** The time above which a build counts as slower than the history allows. */
  limitSeconds: number | null
  samples: number
  explanation: string
}

/** How many robust standard deviations above the median the history's own noise reaches. */
export const SPREAD_SIGMAS = 3
/** Below this absolute slowdown nothing is a regression: clock ticks and process start-up dominate. */
export const MIN_DELTA_SECONDS = 0.5

export function decide(m: Measurement, baseline: Baseline | null, opts: DecideOptions): Decision {
  const none = {
    suspected: false,
    slower: false,
    baselineSeconds: null,
    deltaPercent: null,
    limitSeconds: null,
    samples: 0
  }
  if (m.seconds === null)
    return {
      ...none,
      regression: 'not-comparable',
      explanation: `Build time not measured: ${m.unmeasurable}.`
    }
  const entry = findEntry(baseline, m.key, m.cacheState)
  if (!entry || entry.samples.length === 0) {
    const others = otherCacheStates(baseline, m.key)
    if (others.length > 0) {
      const other = others.reduce((a, b) => (b.samples.length > a.samples.length ? b : a))
      return {
        ...none,
        regression: 'not-comparable',
        explanation: `Not comparable: ${describeCacheDifference(m.cacheState, other.cacheState)} (${samples(other.samples.length)} of \`${other.cacheState}\`, none of \`${m.cacheState}\`). A different cache state measures different work, so this is never called a regression.`
      }
    }
    return {
      ...none,
      regression: 'no-baseline',
      explanation: 'No baseline yet for this toolchain, runner, commands and cache state.'
    }
  }
  return judge(
    m.seconds,
    entry.samples.map(s => s.seconds),
    opts
  )
}

/** The rule on plain numbers: `current` against the comparable `history`. */
export function judge(current: number, history: number[], opts: DecideOptions): Decision {
  const n = history.length
  const med = median(history)
  const delta = round(percentChange(current, med), 1)
  const tolLimit = med * (1 + opts.tolerancePercent / 100)
  const floorLimit = med + MIN_DELTA_SECONDS
  const enough = n >= opts.minSamples
  const spreadLimit = enough ? med + SPREAD_SIGMAS * robustSigma(history) : 0
  const limit = Math.max(tolLimit, floorLimit, spreadLimit)
  const base = { baselineSeconds: round(med), deltaPercent: delta, limitSeconds: round(limit), samples: n }
  const vs = `${fmt(current)} s vs median ${fmt(med)} s of ${samples(n)} (${sign(delta)}%)`
  if (current <= limit) {
    const why =
      current > tolLimit && spreadLimit >= limit
        ? `; over the ${opts.tolerancePercent}% tolerance but within the history's own spread (up to ${fmt(limit)} s), so noise cannot be ruled out`
        : current > tolLimit
          ? `; under the ${MIN_DELTA_SECONDS} s floor`
          : ''
    return {
      ...base,
      regression: 'false',
      suspected: false,
      slower: false,
      explanation: `Within limits: ${vs}${why}.`
    }
  }
  if (!enough)
    return {
      ...base,
      regression: 'false',
      suspected: false,
      slower: true,
      explanation: `Slower: ${vs}, over the ${opts.tolerancePercent}% tolerance, but only ${n} of ${opts.minSamples} samples are stored (baseline-min-samples), so this is a warning, not a regression.`
    }
  const which =
    spreadLimit >= tolLimit
      ? `the history's spread (median + ${SPREAD_SIGMAS}σ)`
      : `the ${opts.tolerancePercent}% tolerance`
  return {
    ...base,
    regression: 'true',
    suspected: true,
    slower: false,
    explanation: `Regression: ${vs}, over the limit of ${fmt(limit)} s set by ${which}.`
  }
}

function fmt(n: number): string {
  return n.toFixed(2)
}

function sign(n: number): string {
  return n > 0 ? `+${n}` : String(n)
}

function samples(n: number): string {
  return `${n} sample${n === 1 ? '' : 's'}`
}
