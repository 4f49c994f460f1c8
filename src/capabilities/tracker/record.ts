// One run as the history keeps it: when, which commit, the verdict, and its findings folded to
// code + crate (with a count), so a run with thousands of warnings stays one small record.
import { boundedSet } from '../../cargo/warning-set.js'
import { foldFindings } from '../../findings/fold.js'
import type { RunContext } from '../../github/context.js'
import { checkingPhase } from '../../report/checking-phase.js'
import type { CoreReport } from '../../report/schema.js'
import type { FlakyTest, TestsSection } from '../tests/index.js'
import type { RunRecord } from './history.js'

/**
 * Warning identities kept per run (8 bytes each in the file): past this the largest lints keep their
 * count only, so a run of a huge workspace still leaves room for the history's other runs.
 */
export const WARNING_IDENTITIES_PER_RUN = 20_000

export function runRecord(
  report: Pick<CoreReport, 'verdict' | 'findings'> &
    Partial<Pick<CoreReport, 'diagnostics' | 'phases'>> & { tests?: Pick<TestsSection, 'flaky'> },
  ctx: Pick<RunContext, 'sha' | 'runUrl'>,
  now: Date
): RunRecord {
  const flaky = (report.tests?.flaky ?? []).map(flakyName)
  return {
    at: now.toISOString(),
    sha: ctx.sha,
    runUrl: ctx.runUrl,
    stable: report.verdict.stable,
    findings: foldFindings(report.findings),
    ...(flaky.length > 0 ? { flaky } : {}),
    ...(wholeBuild(report)
      ? { warnings: boundedSet(report.diagnostics!.warningSet!, WARNING_IDENTITIES_PER_RUN) }
      : {})
  }
}

/** How the history names a flaky test: its crate and its name. */
export function flakyName(t: Pick<FlakyTest, 'crate' | 'name'>): string {
  return `${t.crate} ${t.name}`
}

/** Only a check that completed without compile errors saw every warning: a base must not undercount. */
function wholeBuild(report: Partial<Pick<CoreReport, 'diagnostics' | 'phases'>>): boolean {
  const check = report.phases && checkingPhase(report.phases)
  return (
    !!report.diagnostics?.warningSet &&
    report.diagnostics.errors === 0 &&
    !!check &&
    check.ran &&
    !check.failure &&
    !check.untrusted
  )
}
