// The build's findings: each needed phase ran and can be trusted; compile errors; warnings under
// deny-warnings. Severity is decided here, from the policy, once.
import { parseCargoRefusals } from '../../cargo/refusals.js'
import type { GateConfig } from '../../config.js'
import type { Finding } from '../../findings/finding.js'
import type { PhaseName } from '../../report/schema.js'
import type { ReportBody } from '../capability.js'
import { checkingPhase } from '../../report/checking-phase.js'

const SOURCE = 'build'

export function phaseFindings(report: ReportBody, config: Pick<GateConfig, 'runTests'>): Finding[] {
  if (report.shard?.members.length === 0)
    return [
      {
        code: 'shard-empty',
        severity: 'warn',
        message: `shard ${report.shard.index}/${report.shard.total} has no crates to gate`,
        source: SOURCE
      }
    ]
  const out: Finding[] = []
  const needed = neededPhases(report, config.runTests)
  for (const name of needed) {
    const phase = report.phases.find(p => p.name === name)
    // A refusal cargo explained (a crate needing a newer rustc) is the conflicts capability's to report.
    if (phase?.failure && parseCargoRefusals(phase.cargoErrors.join('\n')).length > 0) continue
    if (phase?.failure)
      out.push({
        code: 'phase-failed',
        severity: 'block',
        message: `${label(name)}: ${phase.failure}`,
        source: SOURCE
      })
    else if (phase?.untrusted)
      out.push({
        code: 'phase-untrusted',
        severity: 'block',
        message: `${label(name)}: ${phase.untrusted}`,
        source: SOURCE
      })
    else if (!phase && !report.phases.some(p => p.failure || p.untrusted) && !(report.diagnostics.errors > 0))
      out.push({
        code: 'phase-missing',
        severity: 'block',
        message: `${label(name)} did not run, so the build cannot be called stable`,
        source: SOURCE
      })
  }
  // cargo's output was complete when it exited; the leftover is the tests' own leak, worth knowing.
  for (const phase of report.phases)
    if (phase.leftRunning)
      out.push({
        code: 'process-left-running',
        severity: 'warn',
        message: `${label(phase.name)}: ${phase.leftRunning}`,
        source: SOURCE
      })
  return out
}

/**
 * With compile-once one `build` stands for `check` and `test-build`. A report says which ran; a merged
 * one (no compileOnce section) shows it in its phases, and shards may have differed.
 */
function neededPhases(report: ReportBody, runTests: boolean): PhaseName[] {
  const has = (name: PhaseName) => report.phases.some(p => p.name === name)
  const once = report.compileOnce ? report.compileOnce.mode === 'compile-once' : has('build')
  if (!runTests) return ['metadata', 'check']
  if (once && (report.compileOnce || !has('check'))) return ['metadata', 'build', 'test']
  if (once) return ['metadata', 'check', 'test-build', 'build', 'test']
  return ['metadata', 'check', 'test-build', 'test']
}

export function diagnosticFindings(report: ReportBody, config: Pick<GateConfig, 'denyWarnings'>): Finding[] {
  const out: Finding[] = []
  const { errors, warnings } = report.diagnostics
  if (errors > 0)
    out.push({
      code: 'compile-errors',
      severity: 'block',
      message: `${plural(errors, 'compile error')} in ${byCrate(report, 'errors')}`,
      source: SOURCE
    })
  if (warnings > 0) {
    const message = `${plural(warnings, 'warning')} in ${byCrate(report, 'warnings')}`
    out.push(
      config.denyWarnings
        ? { code: 'warnings', severity: 'block', message: `${message} (deny-warnings is on)`, source: SOURCE }
        : { code: 'warnings', severity: 'warn', message, source: SOURCE }
    )
  }
  return out
}

/**
 * Fail closed: without a check that ran and was read there is nothing to call stable. Added by the
 * judge over all findings, unless another finding already says why (a phase, or cargo's refusal).
 */
export function untrustedCheck(report: ReportBody, findings: readonly Finding[]): Finding | null {
  if (report.shard?.members.length === 0) return null
  const check = checkingPhase(report.phases)
  if (check && check.ran && !check.failure) return null
  const explained = findings.some(
    f => f.severity === 'block' && (f.code.startsWith('phase') || f.code === 'cargo-refused')
  )
  return explained
    ? null
    : {
        code: 'phase-failed',
        severity: 'block',
        message: 'cargo check did not complete, so the build cannot be called stable',
        source: SOURCE
      }
}

export function label(phase: PhaseName): string {
  return {
    metadata: 'cargo metadata',
    check: 'cargo check',
    'test-build': 'cargo test (build)',
    build: 'cargo build (compile once: check and test build)',
    test: 'cargo test'
  }[phase]
}

function byCrate(report: ReportBody, field: 'errors' | 'warnings'): string {
  const crates = report.crates.filter(c => c[field] > 0)
  // With one crate the total already is its count.
  return crates.map(c => (crates.length === 1 ? c.name : `${c.name} (${c[field]})`)).join(', ')
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
