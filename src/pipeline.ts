// What both the action and the CLI run: gate the workspace (or merge shard reports) into one report.
import type { GateConfig } from './config.js'
import { runGate, type GateOptions, type GateRun } from './gate.js'
import { mergeShardReports } from './shard/collect.js'

export async function produceReport(config: GateConfig, options: GateOptions = {}): Promise<GateRun> {
  if (config.mode === 'merge') return { report: await mergeShardReports(config.shardReports!), metadata: null }
  return runGate(config, options)
}
