// One verdict from the report alone. Each rule reads one section and says, in plain words, what
// blocks and what only warns. Stable means: every phase the gate needed ran, was read, and no rule blocks.
import { conflictFindings } from './analysis/conflicts.js'
import { parseCargoRefusals } from './cargo/refusals.js'
import { timingRule } from './timing/rule.js'
import type { GateConfig } from './config.js'
import type { GateReport, PhaseName, Reason, Verdict } from './report/schema.js'

export interface Findings {
  blocking: Reason[]
  warnings: Reason[]
}

export type Rule = (report: Omit<GateReport, 'verdict'>, config: GateConfig) => Findings

const none = (): Findings => ({ blocking: [], warnings: [] })

export const phasesRule: Rule = (report, config) => {
  const f = none()
  if (report.shard?.members.length === 0) {
    f.warnings.push({
      code: 'shard-empty',
      message: `shard ${report.shard.index}/${report.shard.total} has no crates to gate`
    })
    return f
  }
  const needed: PhaseName[] = config.runTests
    ? ['metadata', 'check', 'test-build', 'test']
    : ['metadata', 'check']
  for (const name of needed) {
    const phase = report.phases.find(p => p.name === name)
    // A refusal cargo explained (a crate needing a newer rustc) is the conflicts rule's to report.
    if (phase?.failure && parseCargoRefusals(phase.cargoErrors.join('\n')).length > 0) continue
    if (phase?.failure) f.blocking.push({ code: 'phase-failed', message: `${label(name)}: ${phase.failure}` })
    else if (phase?.untrusted)
      f.blocking.push({ code: 'phase-untrusted', message: `${label(name)}: ${phase.untrusted}` })
    else if (!phase && !report.phases.some(p => p.failure || p.untrusted) && !(report.diagnostics.errors > 0))
      f.blocking.push({
        code: 'phase-missing',
        message: `${label(name)} did not run, so the build cannot be called stable`
      })
  }
  if (!config.runTests)
    f.warnings.push({ code: 'tests-skipped', message: 'tests were not run (run-tests: false)' })
  return f
}

export const diagnosticsRule: Rule = (report, config) => {
  const f = none()
  const { errors, warnings } = report.diagnostics
  if (errors > 0)
    f.blocking.push({
      code: 'compile-errors',
      message: `${plural(errors, 'compile error')} in ${byCrate(report, 'errors')}`
    })
  if (warnings > 0) {
    const reason = {
      code: 'warnings',
      message: `${plural(warnings, 'warning')} in ${byCrate(report, 'warnings')}`
    }
    if (config.denyWarnings)
      f.blocking.push({ ...reason, message: `${reason.message} (deny-warnings is on)` })
    else f.warnings.push(reason)
  }
  return f
}

export const testsRule: Rule = report => {
  const f = none()
  const { tests } = report
  if (tests.notRun) f.warnings.push({ code: 'tests-not-run', message: `tests did not run: ${tests.notRun}` })
  for (const why of tests.untrusted ?? [])
    f.blocking.push({ code: 'phase-untrusted', message: `cargo test: ${why}` })
  if (tests.ran && tests.failed > 0) {
    const names = tests.failures.slice(0, 5).map(t => `${t.crate}: ${t.name}`)
    const more = tests.failures.length > 5 ? `, and ${tests.failures.length - 5} more` : ''
    f.blocking.push({
      code: 'tests-failed',
      message: `${plural(tests.failed, 'test')} failed (${names.join('; ')}${more})`
    })
  }
  return f
}

export const conflictsRule: Rule = (report, config) =>
  report.conflicts ? conflictFindings(report.conflicts, config) : none()

export const CORE_RULES: Rule[] = [phasesRule, diagnosticsRule, testsRule, conflictsRule, timingRule]

export function decideVerdict(
  report: Omit<GateReport, 'verdict'>,
  config: GateConfig,
  rules: Rule[] = CORE_RULES
): Verdict {
  const blocking: Reason[] = []
  const warnings: Reason[] = []
  for (const rule of rules) {
    const f = rule(report, config)
    blocking.push(...f.blocking)
    warnings.push(...f.warnings)
  }
  // Fail closed: without a check that ran and was read there is nothing to call stable.
  const check = report.phases.find(p => p.name === 'check')
  const nothingToCheck = report.shard?.members.length === 0
  if (
    !nothingToCheck &&
    (!check || !check.ran || check.failure) &&
    !blocking.some(r => r.code.startsWith('phase') || r.code === 'cargo-refused')
  )
    blocking.push({
      code: 'phase-failed',
      message: 'cargo check did not complete, so the build cannot be called stable'
    })
  return { stable: blocking.length === 0, reasons: blocking, warnings }
}

function label(phase: PhaseName): string {
  return {
    metadata: 'cargo metadata',
    check: 'cargo check',
    'test-build': 'cargo test (build)',
    test: 'cargo test'
  }[phase]
}

function byCrate(report: Omit<GateReport, 'verdict'>, field: 'errors' | 'warnings'): string {
  return report.crates
    .filter(c => c[field] > 0)
    .map(c => `${c.name} (${c[field]})`)
    .join(', ')
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
