// The rows every rendering shares, so the summary, the PR comment and the terminal agree.
import type { GateReport } from './schema.js'

export const CRATE_HEADER = ['crate', 'warnings', 'errors', 'passed', 'failed', 'ignored', 'time (s)']

export function crateRows(report: GateReport): string[][] {
  return report.crates.map(c =>
    // Zeros of a crate cargo never reached would read as clean.
    c.notChecked
      ? [c.name, c.notChecked, '–', '–', '–', '–', '–']
      : [
          c.name,
          String(c.warnings),
          String(c.errors),
          String(c.passed),
          String(c.failed),
          String(c.ignored),
          seconds(
            (c.buildSeconds ?? 0) + (c.testSeconds ?? 0),
            c.buildSeconds === null && c.testSeconds === null
          )
        ]
  )
}

export function totalRow(report: GateReport): string[] {
  return [
    'total',
    String(report.diagnostics.warnings),
    String(report.diagnostics.errors),
    String(report.tests.passed),
    String(report.tests.failed),
    String(report.tests.ignored),
    seconds(
      report.phases.reduce((n, p) => n + p.wallSeconds, 0),
      false
    )
  ]
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
const NOT_JUDGED = new Set(['input-error', 'gate-error', 'phase-failed', 'phase-missing', 'phase-untrusted'])

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

function seconds(n: number, unknown: boolean): string {
  return unknown ? '–' : n.toFixed(2)
}
