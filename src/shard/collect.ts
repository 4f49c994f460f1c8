// mode: merge — find the shard reports (downloaded artifacts) and merge them.
import * as glob from '@actions/glob'
import { mergeReports, readShardReports } from './merge.js'
import type { GateReport } from '../report/schema.js'

export async function mergeShardReports(pattern: string): Promise<GateReport> {
  const globber = await glob.create(pattern, { followSymbolicLinks: false, matchDirectories: false })
  const files = (await globber.glob()).sort()
  return mergeReports(readShardReports(files))
}
