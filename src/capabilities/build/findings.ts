// The build's findings: each needed phase ran and can be trusted; compile errors and warnings, one
// finding per crate (read as one reason); warnings block under deny-warnings. Severity is decided
// here, from the policy, once.
import { parseCargoRefusals } from '../../cargo/refusals.js'
import type { Finding, FindingSeverity } from '../../findings/finding.js'
import { checkingPhase } from '../../report/checking-phase.js'
import type { PhaseName } from '../../report/schema.js'
import { plural } from '../../report/text.js'
import type { BodyOf, ConfigOf } from '../capability.js'
import type { BuildParts } from './section.js'

const SOURCE = 'build'

type Body = BodyOf<BuildParts>

export function phaseFindings(report: Body, config: Pick<ConfigOf<BuildParts>, 'runTests'>): Finding[] {
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
function neededPhases(report: Body, runTests: boolean): PhaseName[] {
  const has = (name: PhaseName) => report.phases.some(p => p.name === name)
  const once = report.compileOnce ? report.compileOnce.mode === 'compile-once' : has('build')
  if (!runTests) return ['metadata', 'check']
  if (once && (report.compileOnce || !has('check'))) return ['metadata', 'build', 'test']
  if (once) return ['metadata', 'check', 'test-build', 'build', 'test']
  return ['metadata', 'check', 'test-build', 'test']
}

/** Compile errors and warnings, one finding per crate; together they read as one reason. */
export function diagnosticFindings(
  report: Body,
  config: Pick<ConfigOf<BuildParts>, 'denyWarnings'> & Partial<Pick<ConfigOf<BuildParts>, 'warningRatchet'>>
): Finding[] {
  const { errors, warnings } = report.diagnostics
  const deny = config.denyWarnings
  // Under the ratchet the warnings show; the ratchet's findings say which of them block.
  const ratchet = !deny && config.warningRatchet ? { suffix: ' (deny-warnings: new: only new ones block)' } : {}
  return [
    ...perCrate(report, 'errors', errors, { code: 'compile-errors', word: 'compile error', severity: 'block' }),
    ...perCrate(report, 'warnings', warnings, {
      code: 'warnings',
      word: 'warning',
      severity: deny ? 'block' : 'warn',
      ...(deny ? { suffix: ' (deny-warnings is on)' } : ratchet)
    })
  ]
}

function perCrate(
  report: Body,
  field: 'errors' | 'warnings',
  total: number,
  o: { code: 'compile-errors' | 'warnings'; word: string; severity: FindingSeverity; suffix?: string }
): Finding[] {
  if (total <= 0) return []
  const suffix = o.suffix ?? ''
  const crates = report.crates.filter(c => c[field] > 0)
  const listed = crates.reduce((n, c) => n + c[field], 0)
  // With one crate the total already is its count.
  const names = crates.map(c => (crates.length === 1 ? c.name : `${c.name} (${c[field]})`)).join(', ')
  const unlisted = 'crates the report does not list'
  const summary = `${plural(total, o.word)} in ${names || unlisted}${suffix}`
  const base = { code: o.code, severity: o.severity, summary, source: SOURCE }
  const out: Finding[] = crates.map(c => ({
    ...base,
    message: `${plural(c[field], o.word)} in ${c.name}${suffix}`,
    crate: c.name
  }))
  // A count the crate rows do not account for (rows lost, or a report edited) still counts.
  if (listed < total) out.push({ ...base, message: `${plural(total - listed, o.word)} in ${unlisted}${suffix}` })
  return out
}

/**
 * Fail closed: without a check that ran and was read there is nothing to call stable. Added by the
 * judge over all findings, unless another finding already says why (a phase, or cargo's refusal).
 */
export function untrustedCheck(report: Body, findings: readonly Finding[]): Finding | null {
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

const LABELS: Record<string, string> = {
  metadata: 'cargo metadata',
  check: 'cargo check',
  'test-build': 'cargo test (build)',
  build: 'cargo build (compile once: check and test build)',
  test: 'cargo test'
}

/** A phase in words; a capability's own phase is `cargo <name>`. */
export function label(phase: PhaseName): string {
  return LABELS[phase] ?? `cargo ${phase}`
}
