// The job summary's (and PR comment's) sections around the core ones: the compiler's words first,
// then, after the other sections, the baseline hint and where the full report is.
import * as path from 'node:path'
import type { GateConfig } from '../config.js'
import type { RunContext } from '../github/context.js'
import { blobLinks, diagnosticsMarkdown, failuresMarkdown } from './rendered.js'
import { baselineHint, reportPointer } from './pointers.js'
import { displayPath } from './location.js'
import type { SectionRenderer } from './summary.js'

export function summaryExtras(
  config: Pick<GateConfig, 'workingDirectory' | 'baselineBranch' | 'baselineStore' | 'reportPath'> | null,
  reportPath: string,
  ctx: Pick<RunContext, 'eventName' | 'defaultBranch' | 'runUrl'>,
  env: Record<string, string | undefined>
): { before: SectionRenderer[]; after: SectionRenderer[] } {
  const links = blobLinks(env, config?.workingDirectory ?? process.cwd())
  return {
    before: [report => diagnosticsMarkdown(report, links), report => failuresMarkdown(report, links)],
    after: [
      report =>
        config?.baselineStore === 'branch'
          ? baselineHint(report, { ...ctx, baselineBranch: config.baselineBranch })
          : null,
      () =>
        reportPointer(reportName(reportPath, links.repoRoot, env), ctx.runUrl, !!config && !config.reportPath)
    ]
  }
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
