// Which findings are dependency conflicts, and a conflict's identity (code and crate): the one list
// the run history, the checklist and the roadmap's observation count conflicts by.
import type { Finding } from '../../findings/finding.js'

/** The conflicts capability's codes that name a dependency conflict (stale-allow is advice, not one). */
export const CONFLICT_CODES: readonly string[] = [
  'duplicate-versions',
  'single-version',
  'msrv',
  'cargo-refused'
]

export const isConflict = (code: string): boolean => CONFLICT_CODES.includes(code)

export const conflictId = (code: string, crate: string | null | undefined): string => `${code}:${crate ?? ''}`

/** Conflicts that count (found, open): block or warn, not allowed by policy; each once, sorted. */
export function conflictIds(findings: readonly Pick<Finding, 'code' | 'crate' | 'severity'>[]): string[] {
  return [
    ...new Set(
      findings
        .filter(f => isConflict(f.code) && (f.severity === 'block' || f.severity === 'warn'))
        .map(f => conflictId(f.code, f.crate))
    )
  ].sort()
}

/** "base64 (duplicate-versions)", for people. */
export function describeConflict(id: string): string {
  const at = id.indexOf(':')
  const code = id.slice(0, at)
  const crate = id.slice(at + 1)
  return crate ? `${crate} (${code})` : code
}
