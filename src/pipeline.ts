// What both the action and the CLI run: gate the workspace (or merge shard reports) into one report.
import { BranchStore } from './store/branch-store.js'
import { FileStore } from './store/file-store.js'
import { localDocument } from './store/state-dir.js'
import type { BaselineStore } from './store/document-store.js'
import type { GateConfig } from './config.js'
import { runGate, type GateOptions, type GateRun } from './gate.js'
import { connect } from './github/connect.js'
import { readRunContext, type RunContext } from './github/context.js'
import { assertReportTarget } from './report/json.js'

export async function produceReport(config: GateConfig, options: GateOptions = {}): Promise<GateRun> {
  // Before any work: a report path that would clobber a user's file is an input error.
  if (config.reportPath) assertReportTarget(config.reportPath)
  if (config.mode === 'merge') {
    // Loaded on first use, as its glob matcher is: most runs gate a workspace and merge nothing.
    const { mergeShardReports } = await import('./shard/collect.js')
    return { report: await mergeShardReports(config.shardReports!, config), metadata: null }
  }
  const ctx = options.ctx ?? readRunContext()
  const baseline =
    options.baseline !== undefined ? options.baseline : await baselineStore(config, ctx, options.log)
  return runGate(config, { ...options, ctx, baseline })
}

/** null when the branch store cannot be reached (no token or repository): time is then measured only. */
export async function baselineStore(
  config: GateConfig,
  ctx: RunContext,
  log?: (line: string) => void
): Promise<BaselineStore | null> {
  if (config.baselineStore === 'file') {
    const doc = localDocument(config.workingDirectory, config.baselinePath, config.baselinePathGiven)
    return new FileStore(doc.file, config.workingDirectory, undefined, doc.legacy)
  }
  if (!config.token || !ctx.owner || !ctx.repo) {
    log?.(
      'Build time is measured but not compared: baseline-store "branch" needs github-token and GITHUB_REPOSITORY.'
    )
    return null
  }
  return new BranchStore(await connect(config.token, { log }), {
    owner: ctx.owner,
    repo: ctx.repo,
    branch: config.baselineBranch,
    path: config.baselinePath
  })
}
