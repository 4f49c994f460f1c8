// Shards write reports; the merge reads them and gives the one verdict. A shard that is missing,
// unreadable or failed makes the merged build unstable, naming the shard (fail closed).
import { readFileSync } from 'node:fs'
import type { GateReport, PhaseResult, Reason } from '../report/schema.js'
import { SCHEMA_VERSION } from '../report/schema.js'
import { TOOL } from '../tool.js'

export interface ShardFile {
  file: string
  report: GateReport | null
  error: string | null
}

export function readShardReports(files: string[]): ShardFile[] {
  return files.map(file => {
    try {
      const report = JSON.parse(readFileSync(file, 'utf8')) as GateReport
      if (report?.schemaVersion !== SCHEMA_VERSION)
        throw new Error(`schemaVersion is ${String(report?.schemaVersion)}, expected ${SCHEMA_VERSION}`)
      if (!report.shard)
        throw new Error('it is not a shard report (no shard section); was the job run with the shard input?')
      return { file, report, error: null }
    } catch (e) {
      return { file, report: null, error: (e as Error).message }
    }
  })
}

/** `expectedTotal` comes from the shard reports themselves unless the merge job is told. */
export function mergeReports(shards: ShardFile[], expectedTotal: number | null = null): GateReport {
  const reasons: Reason[] = []
  const warnings: Reason[] = []
  for (const s of shards)
    if (s.error)
      reasons.push({
        code: 'shard-unreadable',
        message: `shard report ${s.file} could not be read: ${s.error}`
      })
  const reports = shards.flatMap(s => (s.report ? [s.report] : []))
  const totals = new Set(reports.map(r => r.shard!.total))
  const total = expectedTotal ?? Math.max(0, ...totals)
  if (totals.size > 1)
    reasons.push({
      code: 'shard-mismatch',
      message: `shard reports disagree on the number of shards (${[...totals].join(', ')})`
    })
  const byIndex = new Map<number, GateReport>()
  for (const r of reports) {
    if (byIndex.has(r.shard!.index))
      reasons.push({
        code: 'shard-duplicate',
        message: `shard ${r.shard!.index}/${total} was reported twice`
      })
    byIndex.set(r.shard!.index, r)
  }
  const missing: number[] = []
  for (let i = 1; i <= total; i++) if (!byIndex.has(i)) missing.push(i)
  for (const i of missing)
    reasons.push({
      code: 'shard-missing',
      message: `shard ${i}/${total} did not report; its crates were not gated`
    })
  if (total === 0) reasons.push({ code: 'shard-missing', message: 'no shard reports were found' })
  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, r]) => r)
  const failed: number[] = []
  for (const r of ordered) {
    if (r.verdict.stable) continue
    failed.push(r.shard!.index)
    for (const reason of r.verdict.reasons)
      reasons.push({ ...reason, message: `shard ${r.shard!.index}/${total}: ${reason.message}` })
  }
  for (const r of ordered)
    for (const w of r.verdict.warnings) if (!warnings.some(x => x.message === w.message)) warnings.push(w)

  const first = ordered[0]
  const diagnostics = ordered.map(r => r.diagnostics)
  const tests = ordered.map(r => r.tests)
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0)
  return {
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
    crates: ordered.flatMap(r => r.crates).sort((a, b) => (a.name < b.name ? -1 : 1)),
    diagnostics: {
      errors: sum(diagnostics, d => d.errors),
      warnings: sum(diagnostics, d => d.warnings),
      items: diagnostics
        .flatMap(d => d.items)
        .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
      omitted: sum(diagnostics, d => d.omitted),
      // Dependencies are built in every shard: their warnings are the same, not additive.
      dependencyWarnings: Math.max(0, ...diagnostics.map(d => d.dependencyWarnings)),
      dependencyErrors: diagnostics.flatMap(d => d.dependencyErrors).slice(0, 20)
    },
    tests: {
      ran: tests.length > 0 && tests.every(t => t.ran),
      passed: sum(tests, t => t.passed),
      failed: sum(tests, t => t.failed),
      ignored: sum(tests, t => t.ignored),
      failures: tests.flatMap(t => t.failures),
      binaries: tests.flatMap(t => t.binaries)
    },
    phases: mergePhases(ordered.flatMap(r => r.phases)),
    // Every shard analyses the same resolved graph: the first shard's section stands for all.
    ...(first?.conflicts ? { conflicts: first.conflicts } : {}),
    shard: {
      index: 0,
      total,
      members: ordered.flatMap(r => r.shard!.members).sort(),
      merged: { shards: ordered.map(r => r.shard!.index), missing, failed }
    },
    verdict: { stable: reasons.length === 0, reasons, warnings }
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
