// The job summary's last line: where the full JSON report is.
import * as path from 'node:path'
import { displayPath } from '../report/location.js'

/** The artifact name the example workflows upload the report under. */
export const REPORT_ARTIFACT = 'build-gate-report'

/** `moved`: report-path was not given, so the report is not where earlier versions wrote it. */
export function reportPointer(reportName: string, runUrl: string | null, moved = false): string {
  const artifact = runUrl ? `[the run's artifacts](${runUrl}#artifacts)` : "the run's artifacts"
  const was = moved
    ? ` It is no longer written to \`build-gate-report.json\` in the workspace (cargo rebuilt packages whose build script has no \`rerun-if-changed\` for it): upload \`\${{ runner.temp }}/build-gate/\` or the step's \`report-path\` output.`
    : ''
  return `<sub>Full report: \`${reportName}\` (every diagnostic, test and conflict; the step's \`report-path\` output). The example workflows upload it as the \`${REPORT_ARTIFACT}\` artifact: see ${artifact}.${was}</sub>`
}

/** The report's path as the repository names it, else as `$RUNNER_TEMP/…`, else its file name. */
export function reportName(
  reportPath: string,
  repoRoot: string,
  env: Record<string, string | undefined> = process.env
): string {
  const shown = displayPath(reportPath, repoRoot, env)
  return path.isAbsolute(shown) ? path.basename(reportPath) : shown
}
