// PhaseResults + per-crate times → one measurement. Pure.
import type { PhaseResult, UnitCounts } from '../../report/schema.js'
import { totalsByCrate, type CrateTime } from './crate-times.js'
import { cacheState, type ComparisonKey } from './key.js'
import { round } from './stats.js'
import { checkingPhase } from '../../report/checking-phase.js'

export interface Measurement {
  metric: 'cpu' | 'wall'
  key: ComparisonKey
  cacheState: string
  /** check + test-build seconds in the metric; null when it cannot be measured (see `unmeasurable`). */
  seconds: number | null
  unmeasurable: string | null
  phases: { name: string; wallSeconds: number; cpuSeconds: number | null; units: UnitCounts }[]
  /** Wall seconds per workspace crate (all its units, from cargo --timings), whatever the metric. */
  crates: Record<string, number>
}

// The build is what a change to the code makes slower; the test run is recorded, not compared:
// tests' own duration depends on what they test, not on how the code compiles.
export const MEASURED_PHASES = ['check', 'test-build', 'build'] as const

export function measure(
  phases: readonly PhaseResult[],
  crateTimes: CrateTime[],
  key: ComparisonKey,
  metric: 'cpu' | 'wall'
): Measurement {
  const measured = phases.filter(p => (MEASURED_PHASES as readonly string[]).includes(p.name))
  let unmeasurable: string | null = null
  const broken = measured.find(p => p.failure || p.exitCode !== 0)
  if (measured.length === 0 || !checkingPhase(measured)) unmeasurable = 'cargo check did not run'
  else if (broken)
    unmeasurable = `${broken.name} did not finish cleanly (${broken.failure ?? `exit code ${broken.exitCode}`}), so its time says nothing`
  else if (metric === 'cpu' && measured.some(p => p.cpuSeconds === null))
    unmeasurable = 'CPU time is not available on this OS; set timing-metric: wall'
  const seconds = unmeasurable
    ? null
    : round(measured.reduce((n, p) => n + (metric === 'cpu' ? (p.cpuSeconds as number) : p.wallSeconds), 0))
  const crates: Record<string, number> = {}
  for (const [name, s] of totalsByCrate(crateTimes)) crates[name] = round(s)
  return {
    metric,
    key,
    cacheState: cacheState(phases),
    seconds,
    unmeasurable,
    phases: phases
      .filter(p => p.name !== 'metadata')
      .map(p => ({ name: p.name, wallSeconds: p.wallSeconds, cpuSeconds: p.cpuSeconds, units: p.units })),
    crates
  }
}
