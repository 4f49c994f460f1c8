// Per-crate compile times: one entry per unit cargo compiled for a workspace crate (from its
// --timings report), summed per crate for the report and the baseline.

export interface CrateTime {
  crate: string
  /** cargo's description of the unit, e.g. `(check)`, `timing_core "lib" (test)`, `lib`. */
  kind: string
  /** Wall seconds of the unit as cargo measured it (10 ms resolution). */
  seconds: number
}

/** Seconds per crate over all its units. */
export function totalsByCrate(times: readonly CrateTime[]): Map<string, number> {
  const totals = new Map<string, number>()
  for (const t of times) totals.set(t.crate, (totals.get(t.crate) ?? 0) + t.seconds)
  return totals
}
