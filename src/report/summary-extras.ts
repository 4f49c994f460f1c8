// The job summary's (and PR comment's) sections around the core ones: the compiler's words first,
// then, after the other sections, the baseline hint and where the full report is.
import * as path from 'node:path'
import type { GateConfig } from '../config.js'
import type { RunContext } from '../github/context.js'
import { blobLinks, diagnosticsMarkdown, failuresMarkdown } from './rendered.js'
import { baselineHint, reportPointer } from './pointers.js'
import type { SectionRenderer } from './summary.js'

export function summaryExtras(
  config: Pick<GateConfig, 'workingDirectory' | 'baselineBranch' | 'baselineStore'> | null,
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
      () => reportPointer(reportName(reportPath, links.repoRoot), ctx.runUrl)
    ]
  }
}

/** The report's path as the repository names it, else its file name. */
export function reportName(reportPath: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, reportPath)
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(reportPath) : relative
}
