// The job summary's last line: where the full JSON report is.
import * as path from 'node:path'

/** The artifact name the example workflows upload the report under. */
export const REPORT_ARTIFACT = 'build-gate-report'

export function reportPointer(reportName: string, runUrl: string | null): string {
  const artifact = runUrl ? `[the run's artifacts](${runUrl}#artifacts)` : "the run's artifacts"
  return `<sub>Full report: \`${reportName}\` (every diagnostic, test and conflict). The example workflows upload it as the \`${REPORT_ARTIFACT}\` artifact: see ${artifact}.</sub>`
}

/** The report's path as the repository names it, else its file name. */
export function reportName(reportPath: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, reportPath)
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(reportPath) : relative
}
