// Shards write reports; the merge reads them and gives the one verdict, re-derived from the shards'
// findings (never from a shard's `stable`). A shard that is missing, unreadable or failed makes the
// merged build unstable, naming the shard (fail closed). The core's sections (crates, diagnostics,
// phases) are merged here, each capability merges its own.
import { readFileSync } from 'node:fs'
import type { AnyCapability } from '../../capabilities/capability.js'
import { unionSets } from '../../cargo/warning-set.js'
import type { FindingCode } from '../../findings/codes.js'
import type { Finding } from '../../findings/finding.js'
import { foldVerdict } from '../../findings/fold.js'
import { byCodeUnit } from '../../order.js'
import type { CoreReport, PhaseResult } from '../../report/schema.js'
import { parseConfig } from '../config.js'
import { deriveFindings } from '../judge.js'
import { CAPABILITIES, type GateConfig, type GateReport } from '../registry.js'
import { blankReport } from '../report.js'
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

const problem = (code: FindingCode, message: string): Finding => ({
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
  capabilities: readonly AnyCapability[] = CAPABILITIES
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
  // What does not block is often the same in every shard (the policy, the dependencies): a finding an
  // earlier shard reported, every field alike, is listed once. Blocking ones name their shard.
  const seen = new Set<string>()
  for (const r of ordered) {
    const own = shardFindings(r, config, capabilities)
    if (own.some(f => f.severity === 'block')) failed.push(r.shard!.index)
    const shard = `shard ${r.shard!.index}/${total}: `
    const fresh = own.filter(f => f.severity === 'block' || !seen.has(identity(f)))
    for (const f of own) seen.add(identity(f))
    for (const f of fresh)
      findings.push(
        f.severity === 'block'
          ? {
              ...f,
              message: shard + f.message,
              ...(f.summary !== undefined ? { summary: shard + f.summary } : {})
            }
          : f
      )
  }

  const first = ordered[0]
  const body = {
    ...blankReport(
      first?.workspace ?? { root: '', members: [], msrv: null, toolchain: null, requestedToolchain: null },
      [],
      capabilities
    ),
    ...mergeCore(ordered)
  }
  for (const c of capabilities) if (c.merge) Object.assign(body, c.merge(ordered, config))
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
  } as GateReport
}

/** A finding's every field: two findings alike in all of them are the same finding. */
function identity(f: Finding): string {
  return JSON.stringify([
    f.code,
    f.severity,
    f.source,
    f.crate ?? null,
    f.version ?? null,
    f.location ?? null,
    f.message
  ])
}

/**
 * A shard's findings: those it recorded (schema 2), plus any blocking finding its sections show that
 * it did not record at all (a report saying stable beside 3 compile errors is not believed); for a
 * schema-1 report, the findings its sections show under the merge job's policy.
 */
function shardFindings(r: GateReport, config: GateConfig, capabilities: readonly AnyCapability[]): Finding[] {
  const derived = deriveFindings({ ...r, findings: r.findings ?? [] }, config, capabilities)
  if ((r.schemaVersion as number) === 1 || !Array.isArray(r.findings)) return derived
  const recorded = new Set(r.findings.map(f => f.code))
  const unrecorded = derived.filter(f => f.severity === 'block' && !recorded.has(f.code))
  const note = " (the shard's report did not record this)"
  return [
    ...r.findings,
    ...unrecorded.map(f => ({
      ...f,
      message: f.message + note,
      ...(f.summary !== undefined ? { summary: f.summary + note } : {})
    }))
  ]
}

/** The core's sections across shards: crates listed once each, diagnostics and phases added up. */
function mergeCore(shards: GateReport[]): Pick<CoreReport, 'crates' | 'diagnostics' | 'phases'> {
  const diagnostics = shards.map(r => r.diagnostics)
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0)
  return {
    crates: shards.flatMap(r => r.crates).sort((a, b) => byCodeUnit(a.name, b.name)),
    diagnostics: {
      errors: sum(diagnostics, d => d.errors),
      warnings: sum(diagnostics, d => d.warnings),
      items: diagnostics
        .flatMap(d => d.items)
        .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
      omitted: sum(diagnostics, d => d.omitted),
      // Dependencies are built in every shard: their warnings are the same, not additive.
      dependencyWarnings: Math.max(0, ...diagnostics.map(d => d.dependencyWarnings)),
      dependencyErrors: diagnostics.flatMap(d => d.dependencyErrors).slice(0, 20),
      // Shards gate disjoint crates; a shard of an older release contributes no identities.
      ...(diagnostics.every(d => d.warningSet)
        ? { warningSet: unionSets(diagnostics.map(d => d.warningSet!)) }
        : {})
    },
    phases: mergePhases(shards.flatMap(r => r.phases))
  }
}

/** One line per phase: times and unit counts add up over the shards. */
function mergePhases(phases: PhaseResult[]): PhaseResult[] {
  const out = new Map<string, PhaseResult>()
  for (const p of phases) {
    const m = out.get(p.name)
    if (!m) {
      out.set(p.name, structuredClone(p))
      continue
    }
    m.wallSeconds += p.wallSeconds
    m.cpuSeconds = m.cpuSeconds === null || p.cpuSeconds === null ? null : m.cpuSeconds + p.cpuSeconds
    for (const side of ['workspace', 'dependencies'] as const) {
      m.units[side].compiled += p.units[side].compiled
      m.units[side].fresh += p.units[side].fresh
    }
    m.exitCode = m.exitCode === 0 ? p.exitCode : m.exitCode
    m.failure = m.failure ?? p.failure
    m.cargoErrors.push(...p.cargoErrors)
  }
  return [...out.values()]
}
