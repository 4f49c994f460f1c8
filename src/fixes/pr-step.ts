// The action's fix-PR step: after the report is published, with the gate's own fix search.
import * as path from 'node:path'
import type { GateConfig } from '../config.js'
import { createClient } from '../github/client.js'
import { readRunContext } from '../github/context.js'
import type { GateReport } from '../report/schema.js'
import { filesOf } from './contents.js'
import { syncFixPr, type FixPrOutcome } from './pr.js'

export async function fixPrStep(
  report: GateReport,
  config: GateConfig,
  log: (line: string) => void
): Promise<FixPrOutcome | null> {
  if (!config.fixPr || !report.fixes) return null
  const files = filesOf(report.fixes)
  if (!files)
    return {
      mode: 'skipped',
      url: null,
      writes: 0,
      planned: [],
      note: 'no fix PR: the fix search did not run in this job'
    }
  // The workspace's place in the repository: working-directory under the checkout.
  const repoPath = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), report.workspace.root)
  return syncFixPr({
    client: config.token ? createClient(config.token, { log }) : null,
    ctx: readRunContext(),
    section: report.fixes,
    files,
    repoPath: repoPath.startsWith('..') ? '' : repoPath,
    dryRun: config.dryRun,
    log
  })
}
