// The shape a shard report must have before the merge reads it: a wrong shape is a plain sentence
// naming what is wrong, never a crash deeper in the merge.
import { READABLE_SCHEMA_VERSIONS } from '../../report/schema.js'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** null when `report` can be merged; else why not. */
export function shardReportProblem(report: unknown): string | null {
  if (!isObject(report)) return 'it is not a JSON object'
  const version = report.schemaVersion
  if (typeof version !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(version))
    return `schemaVersion is ${String(version)}; this build-gate reads schema versions ${READABLE_SCHEMA_VERSIONS.join(' and ')} (upgrade the merge job's build-gate to the shards' version)`
  if (!isObject(report.shard))
    return 'it is not a shard report (no shard section); was the job run with the shard input?'
  const shard = report.shard
  if (!Number.isInteger(shard.index) || !Number.isInteger(shard.total) || !Array.isArray(shard.members))
    return 'its shard section needs index, total and members'
  for (const key of ['diagnostics', 'tests', 'workspace'])
    if (!isObject(report[key])) return `its ${key} section is missing or not an object`
  for (const key of ['crates', 'phases'])
    if (!Array.isArray(report[key])) return `its ${key} list is missing or not a list`
  const d = report.diagnostics as Record<string, unknown>
  const t = report.tests as Record<string, unknown>
  if (typeof d.errors !== 'number' || typeof d.warnings !== 'number' || !Array.isArray(d.items))
    return 'its diagnostics section needs errors, warnings and items'
  if (typeof t.failed !== 'number' || !Array.isArray(t.failures) || !Array.isArray(t.binaries))
    return 'its tests section needs failed, failures and binaries'
  if (version >= 2 && !Array.isArray(report.findings)) return 'it is schema 2 but has no findings list'
  return null
}
