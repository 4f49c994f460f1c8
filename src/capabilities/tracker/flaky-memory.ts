// How often each of this run's flaky tests flaked lately: "flaky in 3 of the last 20 trusted runs",
// counted over the runs the history recorded (trusted runs only; this one when it was recorded). Pure.
import type { RunRecord } from './history.js'

/** Runs the count looks back over. */
export const FLAKY_WINDOW = 20

export interface FlakyMemory {
  /** `crate test`, as the history names it. */
  test: string
  /** Runs of the window in which it was flaky. */
  flaky: number
  /** Runs in the window. */
  of: number
}

export function flakyMemory(trusted: readonly RunRecord[], current: readonly string[]): FlakyMemory[] {
  const window = trusted.slice(-FLAKY_WINDOW)
  return [...current].sort().map(test => ({
    test,
    flaky: window.filter(r => r.flaky?.includes(test)).length,
    of: window.length
  }))
}

/** "flaky in 3 of the last 20 trusted runs" (or what the history knows yet). */
export function flakyMemoryLine(m: FlakyMemory): string {
  if (m.of === 0) return `${m.test}: flaky in this run; no trusted run recorded yet`
  const last = m.of === 1 ? 'the last trusted run' : `the last ${m.of} trusted runs`
  return `${m.test}: flaky in ${m.flaky} of ${last}`
}
