// The registered capabilities, in the order every rendering shows them, and what is assembled from
// them: the config (GateConfig), the report (GateReport) and the table of finding codes. Adding one:
// a folder under src/capabilities/ with its `Capability`, one line here, its inputs and outputs in
// action.yml and the README tables.
import type { AnyCapability, Capability, Parts } from '../capabilities/capability.js'
import { build } from '../capabilities/build/index.js'
import { checklist } from '../capabilities/checklist/index.js'
import { conflicts } from '../capabilities/conflicts/index.js'
import { fixPr } from '../capabilities/fix-pr/index.js'
import { fixes } from '../capabilities/fixes/index.js'
import { flakyIssues } from '../capabilities/flaky-issues/index.js'
import { lintFixes } from '../capabilities/lint-fixes/index.js'
import { prComment } from '../capabilities/pr-comment/index.js'
import { publicApi } from '../capabilities/public-api/index.js'
import { ratchet } from '../capabilities/ratchet/index.js'
import { reviewSuggestions } from '../capabilities/review-suggestions/index.js'
import { roadmap } from '../capabilities/roadmap/index.js'
import { tests } from '../capabilities/tests/index.js'
import { timing } from '../capabilities/timing/index.js'
import { tracker } from '../capabilities/tracker/index.js'
import type { CoreConfig } from '../config.js'
import { CORE_CODES, type CodeMeanings } from '../findings/codes.js'
import type { Finding } from '../findings/finding.js'
import type { CoreReport, CrateRow } from '../report/schema.js'

const REGISTERED = [
  build,
  ratchet,
  tests,
  conflicts,
  publicApi,
  fixes,
  lintFixes,
  fixPr,
  timing,
  tracker,
  roadmap,
  checklist,
  flakyIssues,
  reviewSuggestions,
  prComment
] as const

export const CAPABILITIES: readonly AnyCapability[] = REGISTERED

type Registered = PartsOf<(typeof REGISTERED)[number]>
type PartsOf<C> = C extends Capability<infer P> ? P : never
type Slice<P, K extends keyof Parts> = P extends { [Q in K]: infer V } ? V : never
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** The whole config: the core's and every registered capability's slice. */
export type GateConfig = CoreConfig & Intersection<Slice<Registered, 'config'>>
/** A row of the per-crate table with every capability's fields. */
export type CrateSummary = CrateRow & Intersection<Slice<Registered, 'crate'>>
/** The whole report: the core's and every registered capability's section. */
export type GateReport = CoreReport<CrateSummary> & Intersection<Slice<Registered, 'section'>>
/** A report before its verdict: what the findings are derived from. */
export type ReportBody = Omit<GateReport, 'verdict' | 'findings'> & { findings?: Finding[] }

/** Every finding code with its one-line meaning: the core's and the capabilities'. */
export function findingCodes(capabilities: readonly AnyCapability[] = CAPABILITIES): CodeMeanings {
  return Object.assign({}, CORE_CODES, ...capabilities.map(c => c.codes)) as CodeMeanings
}

export const FINDING_CODES: CodeMeanings = findingCodes()
