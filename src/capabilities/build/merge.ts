// The build's sections across shards: diagnostics add up, phases add up, crates are listed once each.
import type { GateReport, PhaseResult } from '../../report/schema.js'
import type { ReportBody } from '../capability.js'

export function mergeBuild(shards: GateReport[]): Partial<ReportBody> {
  const diagnostics = shards.map(r => r.diagnostics)
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0)
  return {
    crates: shards.flatMap(r => r.crates).sort((a, b) => (a.name < b.name ? -1 : 1)),
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
