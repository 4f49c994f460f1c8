// The timing's config slice, its section of the report, its fields of each crate row and its codes.
import type { CodeMeanings } from '../../findings/codes.js'
import type { UnitCounts } from '../../report/schema.js'
import type { BuildConfig } from '../build/index.js'
import type { TestsConfig } from '../tests/index.js'
import type { TimingReports } from './timing-reports.js'

export interface TimingConfig {
  timingMetric: 'cpu' | 'wall'
  tolerancePercent: number
  baselinePath: string
  /** false: the file store keeps the baseline in the state directory (src/store/state-dir.ts). */
  baselinePathGiven: boolean
  baselineHistory: number
  baselineMinSamples: number
  updateBaseline: 'auto' | 'always' | 'never'
  confirmRegression: boolean
  failOnRegression: boolean
  crateTimings: boolean
}

export type RegressionState = 'true' | 'false' | 'not-comparable' | 'no-baseline'

export interface TimingSection {
  metric: 'cpu' | 'wall'
  key: Record<string, string>
  cacheState: string
  /** 0 when not measured (see notMeasured). */
  seconds: number
  /** Why the build time was not measured, when it was not: then `seconds` means nothing. */
  notMeasured?: string
  baselineSeconds: number | null
  deltaPercent: number | null
  regression: RegressionState
  /** Over the tolerance with too few samples to call it a regression (a warning); absent in schema 1. */
  slower?: boolean
  explanation: string
  samples: number
  confirmed: boolean | null
  phases: { name: string; wallSeconds: number; cpuSeconds: number | null; units: UnitCounts }[]
  crates: { name: string; seconds: number; baselineSeconds: number | null; deltaPercent: number | null }[]
  baselineUpdated: boolean
  baselineNote: string
  /** cargo's --timings HTML report of each measured phase; copied beside the JSON report when it is written. */
  cargoTimings?: { phase: string; path: string }[]
  /** Why per-crate times are missing or partial (a report not written, or not understood); null when complete. */
  crateTimingsNote?: string | null
  /** The comparable history (oldest first), the limit this run was held to, and the slowest crates' history. */
  trend?: {
    seconds: number[]
    limitSeconds: number | null
    /** Per sample, null where the crate was not compiled (or not timed) in that run. */
    crates: { name: string; seconds: (number | null)[] }[]
  }
}

export type TimingParts = {
  config: TimingConfig
  section: { timing?: TimingSection }
  crate: {
    /** Seconds spent compiling this crate's own units, when measured (timing section). */
    buildSeconds: number | null
  }
  /** What is compared is keyed by the build's and the tests' arguments. */
  reads: { config: Pick<BuildConfig, 'checkArgs'> & Pick<TestsConfig, 'testArgs' | 'runTests'> }
  needs: 'ctx' | 'documents' | 'verdict'
  state: { reports: TimingReports }
}

export const TIMING_CODES = {
  'build-time-regression': 'build time is over the baseline limit (fail-on-regression policy)',
  'build-time-slower': 'build time is over the tolerance, with too little history to call it a regression',
  'build-time-not-comparable': 'build time could not be compared with the baseline',
  'baseline-error': 'the build-time baseline exists but cannot be read',
  'crate-timings-unread':
    "per-crate times are missing: cargo's --timings report was not written or not understood"
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof TIMING_CODES, string> {}
}
