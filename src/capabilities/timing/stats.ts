// Robust statistics for short, noisy histories: median and MAD ignore the odd slow runner
// that a mean and standard deviation would chase.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list')
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number {
  const m = median(values)
  return median(values.map(v => Math.abs(v - m)))
}

// MAD × 1.4826 estimates the standard deviation of normally distributed noise.
export const MAD_TO_SIGMA = 1.4826

export function robustSigma(values: readonly number[]): number {
  return MAD_TO_SIGMA * mad(values)
}

export function percentChange(current: number, reference: number): number {
  return reference === 0 ? 0 : ((current - reference) / reference) * 100
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
