// Paired-ratio statistics for the overhead benchmark. Pure.
import { median } from '../src/capabilities/timing/stats.js'

export interface RatioSummary {
  pairs: number
  median: number
  min: number
  max: number
  /** Interquartile range of the ratios (linear interpolation between order statistics). */
  q1: number
  q3: number
  /** The effect (median − 1) is smaller than half the min–max spread: this machine cannot tell it from 1.00. */
  spreadExceedsEffect: boolean
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of an empty list')
  const s = [...values].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo] + (s[hi] - s[lo]) * (pos - lo)
}

/** `a[i] / b[i]` for each pair, summarised. */
export function summarizeRatios(a: readonly number[], b: readonly number[]): RatioSummary {
  if (a.length !== b.length || a.length === 0)
    throw new Error('need the same, non-zero number of A and B runs')
  const ratios = a.map((x, i) => x / b[i])
  const med = median(ratios)
  const min = Math.min(...ratios)
  const max = Math.max(...ratios)
  return {
    pairs: ratios.length,
    median: med,
    min,
    max,
    q1: quantile(ratios, 0.25),
    q3: quantile(ratios, 0.75),
    spreadExceedsEffect: (max - min) / 2 > Math.abs(med - 1)
  }
}

/** e.g. `0.781 (min–max 0.74–0.83, IQR 0.76–0.80, 5 pairs)` and the warning when it applies. */
export function describeRatio(r: RatioSummary): string {
  const f = (n: number) => n.toFixed(3)
  const base = `${f(r.median)} (min–max ${f(r.min)}–${f(r.max)}, IQR ${f(r.q1)}–${f(r.q3)}, ${r.pairs} pairs)`
  return r.spreadExceedsEffect
    ? `${base}; the spread (±${(((r.max - r.min) / 2) * 100).toFixed(1)}%) exceeds the effect (${((r.median - 1) * 100).toFixed(1)}%): not distinguishable from 1.00 here`
    : base
}

/** e.g. `0.170 s (min–max 0.150–0.210 s, 5 runs)`: a cost in seconds, with its spread. */
export function describeSeconds(values: readonly number[]): string {
  const f = (n: number) => n.toFixed(3)
  return `${f(median(values))} s (min–max ${f(Math.min(...values))}–${f(Math.max(...values))} s, ${values.length} runs)`
}
