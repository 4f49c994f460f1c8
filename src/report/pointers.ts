// Lines of the job summary that point elsewhere: where the JSON report is, and what to add to the
// workflow while build time has no baseline to compare with.
import type { GateReport } from './schema.js'

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

/**
 * While a pull request finds no baseline, say exactly what makes one: a run on push to the default
 * branch, with write access to contents for the baseline branch.
 */
export function baselineHint(
  report: GateReport,
  run: { eventName: string; defaultBranch: string | null; baselineBranch: string }
): string | null {
  if (report.timing?.regression !== 'no-baseline' || !run.eventName.startsWith('pull_request')) return null
  const branch = run.defaultBranch ?? 'main'
  return [
    `**No build-time baseline yet.** Pull requests never write it; a stable run on push to \`${branch}\` does. Add this to the workflow:`,
    '',
    '```yaml',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${branch}]`,
    '```',
    '',
    `and give the job that runs on push \`permissions: contents: write\` (it writes the \`${run.baselineBranch}\` branch); the pull request job keeps \`contents: read\`. The README's Quick start shows the whole workflow.`
  ].join('\n')
}
