// mode: merge — find the shard reports (downloaded artifacts) and merge them.
import { glob } from 'tinyglobby'
import { mergeReports, readShardReports } from './merge.js'
import type { GateConfig, GateReport } from '../registry.js'

export async function mergeShardReports(pattern: string, config?: GateConfig): Promise<GateReport> {
  // Relative to the job's working directory, where download-artifact put the reports.
  const files = (await glob(pattern, { absolute: true, onlyFiles: true, expandDirectories: false })).sort()
  return mergeReports(readShardReports(files), null, config)
}
