// Shards write reports; the merge reads them and gives the one verdict, re-derived from the shards'
// findings (never from a shard's `stable`). A shard that is missing, unreadable or failed makes the
// merged build unstable, naming the shard (fail closed).
import { readFileSync } from 'node:fs'
import type { Capability, ReportBody } from '../capabilities/capability.js'
import { CAPABILITIES } from '../capabilities/registry.js'
import { parseConfig, type GateConfig } from '../config.js'
import type { Finding } from '../findings/finding.js'
import { foldVerdict } from '../findings/fold.js'
import type { GateReport } from '../report/schema.js'
import { SCHEMA_VERSION } from '../report/schema.js'
import { TOOL } from '../tool.js'
import { deriveFindings } from '../verdict.js'
import { shardReportProblem } from './validate.js'

export interface ShardFile {
  file: string
  report: GateReport | null
  error: string | null
}

export function readShardReports(files: string[]): ShardFile[] {
  return files.map(file => {
    try {
      const report: unknown = JSON.parse(readFileSync(file, 'utf8'))
      const problem = shardReportProblem(report)
      if (problem) throw new Error(problem)
      return { file, report: report as GateReport, error: null }
    } catch (e) {
      return { file, report: null, error: (e as Error).message }
    }
  })
}

const problem = (code: string, message: string): Finding => ({
  code,
  severity: 'block',
  message,
  source: 'shard'
})

/**
 * `expectedTotal` comes from the shard reports themselves unless the merge job is told. `config` is the
 * merge job's policy, used to read the sections of shard reports that carry no findings (schema 1) and
 * to check that a shard's findings account for what its sections show.
 */
export function mergeReports(
  shards: ShardFile[],
  expectedTotal: number | null = null,
  config: GateConfig = parseConfig(() => '', 'action'),
  capabilities: readonly Capability[] = CAPABILITIES
): GateReport {
  const problems: Finding[] = []
  for (const s of shards)
    if (s.error)
      problems.push(problem('shard-unreadable', `shard report ${s.file} could not be read: ${s.error}`))
  const reports = shards.flatMap(s => (s.report ? [s.report] : []))
  const totals = new Set(reports.map(r => r.shard!.total))
  const total = expectedTotal ?? Math.max(0, ...totals)
  if (totals.size > 1)
    problems.push(
      problem('shard-mismatch', `shard reports disagree on the number of shards (${[...totals].join(', ')})`)
    )
  const byIndex = new Map<number, GateReport>()
  for (const r of reports) {
    if (byIndex.has(r.shard!.index))
      problems.push(problem('shard-duplicate', `shard ${r.shard!.index}/${total} was reported twice`))
    byIndex.set(r.shard!.index, r)
  }
  const missing: number[] = []
  for (let i = 1; i <= total; i++) if (!byIndex.has(i)) missing.push(i)
  for (const i of missing)
    problems.push(problem('shard-missing', `shard ${i}/${total} did not report; its crates were not gated`))
  if (total === 0) problems.push(problem('shard-missing', 'no shard reports were found'))
  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, r]) => r)

  const findings = [...problems]
  const failed: number[] = []
  for (const r of ordered) {
    const own = shardFindings(r, config, capabilities)
    if (own.some(f => f.severity === 'block')) failed.push(r.shard!.index)
    for (const f of own) {
      if (f.severity === 'block')
        findings.push({ ...f, message: `shard ${r.shard!.index}/${total}: ${f.message}` })
      // What does not block is the same in every shard (dependencies, policy): listed once.
      else if (!findings.some(x => x.severity === f.severity && x.message === f.message)) findings.push(f)
    }
  }

  const first = ordered[0]
  const body: ReportBody = {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: new Date().toISOString(),
    workspace: first?.workspace ?? {
      root: '',
      members: [],
      msrv: null,
      toolchain: null,
      requestedToolchain: null
    },
    crates: [],
    diagnostics: {
      errors: 0,
      warnings: 0,
      items: [],
      omitted: 0,
      dependencyWarnings: 0,
      dependencyErrors: []
    },
    tests: { ran: false, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [] },
    phases: []
  }
  for (const c of capabilities) if (c.merge) Object.assign(body, c.merge(ordered))
  return {
    ...body,
    shard: {
      index: 0,
      total,
      members: ordered.flatMap(r => r.shard!.members).sort(),
      merged: { shards: ordered.map(r => r.shard!.index), missing, failed }
    },
    findings,
    verdict: foldVerdict(findings)
  }
}

/**
 * A shard's findings: those it recorded (schema 2), plus any blocking finding its sections show that
 * it did not record at all (a report saying stable beside 3 compile errors is not believed); for a
 * schema-1 report, the findings its sections show under the merge job's policy.
 */
function shardFindings(r: GateReport, config: GateConfig, capabilities: readonly Capability[]): Finding[] {
  const derived = deriveFindings({ ...r, findings: r.findings ?? [] }, config, capabilities)
  if ((r.schemaVersion as number) === 1 || !Array.isArray(r.findings)) return derived
  const recorded = new Set(r.findings.map(f => f.code))
  const unrecorded = derived.filter(f => f.severity === 'block' && !recorded.has(f.code))
  return [
    ...r.findings,
    ...unrecorded.map(f => ({ ...f, message: `${f.message} (the shard's report did not record this)` }))
  ]
}
