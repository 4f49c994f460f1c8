// One run as the history keeps it: when, which commit, the verdict, and its findings folded to
// code + crate (with a count), so a run with thousands of warnings stays one small record.
import { foldFindings } from '../../findings/fold.js'
import type { RunContext } from '../../github/context.js'
import type { CoreReport } from '../../report/schema.js'
import type { RunRecord } from './history.js'

export function runRecord(
  report: Pick<CoreReport, 'verdict' | 'findings'>,
  ctx: Pick<RunContext, 'sha' | 'runUrl'>,
  now: Date
): RunRecord {
  return {
    at: now.toISOString(),
    sha: ctx.sha,
    runUrl: ctx.runUrl,
    stable: report.verdict.stable,
    findings: foldFindings(report.findings)
  }
}
