// The verdict is a fold over findings: unstable iff a `block` finding exists. Fail-closed rules
// (a needed phase that did not run or cannot be trusted) are findings too, emitted by the build
// capability; the fold reads no section, and findings of one code that share a summary are one reason.
import type { FindingCode } from './codes.js'
import type { Finding, FindingSeverity } from './finding.js'

export interface Reason {
  /** Stable identifier a script can match on. */
  code: FindingCode
  message: string
}

export interface Verdict {
  stable: boolean
  reasons: Reason[]
  /** Findings that do not block, in plain words. */
  warnings: Reason[]
}

export function foldVerdict(findings: readonly Finding[]): Verdict {
  const blocking = reasons(findings.filter(f => f.severity === 'block'))
  return {
    stable: blocking.length === 0,
    reasons: blocking,
    warnings: reasons(findings.filter(f => f.severity === 'warn'))
  }
}

/** One reason per finding, except that findings of one code sharing a summary are one reason. */
function reasons(findings: readonly Finding[]): Reason[] {
  const out: Reason[] = []
  const summarised = new Set<string>()
  for (const f of findings) {
    if (f.summary !== undefined) {
      const key = `${f.code}\0${f.summary}`
      if (summarised.has(key)) continue
      summarised.add(key)
    }
    out.push({ code: f.code, message: f.summary ?? f.message })
  }
  return out
}

/** Findings folded to code + crate + severity, with how many there were: what a run history keeps. */
export interface FoldedFinding {
  code: FindingCode
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
