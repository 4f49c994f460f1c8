// The rows every rendering shares, so the summary, the PR comment and the terminal agree: the
// per-crate table (the crate, each capability's columns, the time they spent on it), the phases, and
// the verdict's line.
import type { AnyCapability } from '../capabilities/capability.js'
import { seconds } from '../report/text.js'
import { CAPABILITIES, type GateReport } from './registry.js'

export function crateTable(
  report: GateReport,
  capabilities: readonly AnyCapability[] = CAPABILITIES
): { header: string[]; rows: string[][]; total: string[] } {
  const columns = capabilities.flatMap(c => c.table?.columns ?? [])
  const timed = capabilities.flatMap(c => (c.table?.seconds ? [c.table.seconds] : []))
  const unreached = capabilities.flatMap(c => (c.table?.unreached ? [c.table.unreached] : []))
  const rows = report.crates.map(crate => {
    // Figures of a crate cargo never reached would read as clean.
    const why = unreached.map(u => u(crate)).find(w => w !== null)
    if (why) return [crate.name, why, ...columns.map(() => '–')]
    const spent = timed.map(t => t(crate)).filter((s): s is number => s !== null)
    const time = seconds(
      spent.reduce((n, s) => n + s, 0),
      spent.length === 0
    )
    return [crate.name, ...columns.map(c => c.cell(crate)), time]
  })
  const wall = report.phases.reduce((n, p) => n + p.wallSeconds, 0)
  return {
    header: ['crate', ...columns.map(c => c.header), 'time (s)'],
    rows,
    total: ['total', ...columns.map(c => c.total(report)), seconds(wall, false)]
  }
}

export const PHASE_HEADER = ['phase', 'exit', 'wall (s)', 'cpu (s)', 'compiled', 'fresh']

export function phaseRows(report: GateReport): string[][] {
  return report.phases.map(p => [
    p.name,
    p.signal ? p.signal : String(p.exitCode ?? '–'),
    seconds(p.wallSeconds, false),
    seconds(p.cpuSeconds ?? 0, p.cpuSeconds === null),
    String(p.units.workspace.compiled + p.units.dependencies.compiled),
    String(p.units.workspace.fresh + p.units.dependencies.fresh)
  ])
}

export function verdictLine(report: GateReport): string {
  return report.verdict.stable
    ? 'Build is stable'
    : `Build is unstable (${report.verdict.reasons.length} reason${report.verdict.reasons.length === 1 ? '' : 's'})`
}
