// What both the action and the CLI run: gate the workspace (or merge shard reports) into one report.
import { connect } from '../github/connect.js'
import { readRunContext } from '../github/context.js'
import { assertReportTarget } from '../report/json.js'
import { documentOpener } from '../store/documents.js'
import { runGate, type GateOptions, type GateRun } from './gate.js'
import type { GateConfig } from './registry.js'

export async function produceReport(config: GateConfig, options: GateOptions = {}): Promise<GateRun> {
  // Before any work: a report path that would clobber a user's file is an input error.
  if (config.reportPath) assertReportTarget(config.reportPath)
  if (config.mode === 'merge') {
    // Loaded on first use, as its glob matcher is: most runs gate a workspace and merge nothing.
    const { mergeShardReports } = await import('./shard/collect.js')
    return { report: await mergeShardReports(config.shardReports!, config), metadata: null }
  }
  const ctx = options.ctx ?? readRunContext()
  // The branch store connects to GitHub only when it is read, and only with a token.
  const github = () => (config.token ? connect(config.token, { log: options.log }) : Promise.resolve(null))
  const documents = options.documents !== undefined ? options.documents : documentOpener(config, ctx, github)
  return runGate(config, { ...options, ctx, documents })
}
