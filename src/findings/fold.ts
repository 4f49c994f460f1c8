// The verdict is a fold over findings: unstable iff a `block` finding exists. Fail-closed rules
// (a needed phase that did not run or cannot be trusted) are findings too, emitted by the build
// capability; the fold reads no message and no section.
import type { Reason, Verdict } from '../report/schema.js'
import type { Finding } from './finding.js'

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
