// What flaky-issues reads and writes: its switch, and its section (which issue each flaky test has, and
// why nothing was written when nothing was).
import type { TestsSection } from '../tests/index.js'
import type { TrackerSection } from '../tracker/index.js'

export interface FlakyIssuesConfig {
  flakyIssues: boolean
}

/**
 * What was done for one flaky test: `opened` a new issue, `commented` on its open issue, `reopened`
 * its closed issue (with a comment), `recorded` (this run was already on the issue: a rerun), `left-closed`
 * (closed as not planned: a person decided not to track it), `not-written` (report only).
 */
export type FlakyIssueAction =
  'opened' | 'commented' | 'reopened' | 'recorded' | 'left-closed' | 'not-written'

export interface FlakyIssue {
  /** `crate test`, as the run history names it. */
  test: string
  action: FlakyIssueAction
  /** The issue; null when none was found or made. */
  number: number | null
  url: string | null
}

export interface FlakyIssuesSection {
  /** `apply`: written; `report-only`: nothing written (see `note`). */
  mode: 'apply' | 'report-only'
  issues: FlakyIssue[]
  /** Writes that changed something on GitHub. */
  appliedWrites: number
  /** Why nothing (or not everything) was written; what to do about it. */
  note: string
  /** A write that failed (the verdict stands; said as a warning). */
  error?: string
}

export type FlakyIssuesParts = {
  config: FlakyIssuesConfig
  section: { flakyIssues?: FlakyIssuesSection }
  reads: {
    config: { dryRun: boolean; shard: { index: number; total: number } | null }
    /** The tracker's count of how often each flaked lately, when it ran before. */
    section: { tests: Pick<TestsSection, 'flaky'>; tracker: Pick<TrackerSection, 'flaky'> }
  }
}
