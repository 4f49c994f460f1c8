// cargo's --timings report gives a unit that failed to compile a duration of 0: it records a unit's
// time only when it finishes. A crate that compiled and failed took time all the same, so it is timed
// from cargo's own stderr, by the gate's clock: from the line that starts the crate (`Compiling x` /
// `Checking x`, printed once per crate) to cargo's `could not compile `x``.
import type { CrateTime } from './crate-times.js'

const STARTED = /^\s*(?:Compiling|Checking) (\S+) v\S+/
const FAILED = /^error: could not compile `([^`]+)`/

export class FailedSpans {
  private readonly started = new Map<string, number>()
  private readonly failed = new Map<string, number>()

  /** One line of the phase's stderr, as it arrived, at `now` seconds. */
  read(line: string, now: number): void {
    const start = STARTED.exec(line)
    if (start && !this.started.has(start[1])) this.started.set(start[1], now)
    const fail = FAILED.exec(line)
    // The crate's last failing unit (lib, then its test build…) ends its span.
    if (fail) this.failed.set(fail[1], now)
  }

  /** The phase's crate times, with each failed crate's units replaced by its span (which covers them). */
  over(times: readonly CrateTime[]): CrateTime[] {
    const spans = new Map<string, number>()
    for (const [crate, end] of this.failed) {
      const start = this.started.get(crate)
      // Only crates the report knows (workspace members), and only when cargo said when it started.
      if (start !== undefined && times.some(t => t.crate === crate))
        spans.set(crate, Math.round((end - start) * 100) / 100)
    }
    return [
      ...times.filter(t => !spans.has(t.crate)),
      ...[...spans].map(([crate, seconds]) => ({ crate, kind: 'failed', seconds }))
    ]
  }
}
