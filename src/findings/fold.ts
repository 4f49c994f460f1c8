// The verdict is a fold over findings: unstable iff a `block` finding exists. Fail-closed rules
// (a needed phase that did not run or cannot be trusted) are findings too, emitted by the build
// capability; the fold reads no message and no section.
import type { Reason, Verdict } from '../report/schema.js'
import type { Finding, FindingSeverity } from './finding.js'

const reason = (f: Finding): Reason => ({ code: f.code, message: f.message })

export function partition(findings: readonly Finding[]): { blocking: Reason[]; warnings: Reason[] } {
  return {
    blocking: findings.filter(f => f.severity === 'block').map(reason),
    warnings: findings.filter(f => f.severity === 'warn').map(reason)
  }
}

export function foldVerdict(findings: readonly Finding[]): Verdict {
  const { blocking, warnings } = partition(findings)
  return { stable: blocking.length === 0, reasons: blocking, warnings }
}

/** Findings folded to code + crate + severity, with how many there were: what a run history keeps. */
export interface FoldedFinding {
  code: string
  crate: string | null
  severity: FindingSeverity
  /** How many findings of this code and crate the run had. */
  count: number
}

export function foldFindings(
  findings: readonly Pick<Finding, 'code' | 'crate' | 'severity'>[]
): FoldedFinding[] {
  const byKey = new Map<string, FoldedFinding>()
  for (const f of findings) {
    const crate = f.crate ?? null
    const key = `${f.code}\0${crate ?? ''}\0${f.severity}`
    const seen = byKey.get(key)
    if (seen) seen.count++
    else byKey.set(key, { code: f.code, crate, severity: f.severity, count: 1 })
  }
  return [...byKey.values()]
}
