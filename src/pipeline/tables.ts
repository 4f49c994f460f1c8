// The rows every rendering shares, so the summary, the PR comment and the terminal agree: the
// per-crate table (the crate, each capability's columns, the time they spent on it), the phases, and
// the verdict's line.
import type { AnyCapability } from '../capabilities/capability.js'
import type { FindingCode } from '../findings/codes.js'
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
  const n = report.verdict.reasons.length
  const reasons = `(${n} reason${n === 1 ? '' : 's'})`
  if (report.verdict.stable) return 'Build is stable'
  return judged(report) ? `Build is unstable ${reasons}` : `Build could not be judged ${reasons}`
}

/** Reasons that say cargo could not run or be read: alone, they say nothing about the build itself. */
const NOT_JUDGED = new Set<FindingCode>([
  'input-error',
  'gate-error',
  'phase-failed',
  'phase-missing',
  'phase-untrusted'
])

/**
 * Whether the verdict says something about the build: stable, or some reason is about the build (an
 * error, a failing test, a conflict), not only about the gate or cargo failing to run (a broken
 * Cargo.toml, a missing toolchain, bad input). Either way the build is not stable.
 */
export function judged(report: Pick<GateReport, 'verdict'>): boolean {
  const codes = report.verdict.reasons.map(r => r.code)
  if (codes.includes('input-error') || codes.includes('gate-error')) return false
  return report.verdict.stable || codes.some(c => !NOT_JUDGED.has(c))
}
