// One run as the history keeps it: when, which commit, the verdict, and its findings folded to
// code + crate (with a count), so a run with thousands of warnings stays one small record.
import type { Finding } from '../../findings/finding.js'
import type { RunContext } from '../../github/context.js'
import type { GateReport } from '../../report/schema.js'
import type { RunFinding, RunRecord } from './history.js'

/** Finding codes that are dependency conflicts; a conflict's identity is its code and crate. */
export const CONFLICT_CODES: readonly string[] = [
  'duplicate-versions',
  'single-version',
  'msrv',
  'cargo-refused'
]

export function runRecord(report: GateReport, ctx: Pick<RunContext, 'sha' | 'runUrl'>, now: Date): RunRecord {
  return {
    at: now.toISOString(),
    sha: ctx.sha,
    runUrl: ctx.runUrl,
    stable: report.verdict.stable,
    findings: foldFindings(report.findings)
  }
}

export function foldFindings(findings: Pick<Finding, 'code' | 'crate' | 'severity'>[]): RunFinding[] {
  const byKey = new Map<string, RunFinding>()
  for (const f of findings) {
    const crate = f.crate ?? null
    const key = `${f.code}\0${crate ?? ''}\0${f.severity}`
    const seen = byKey.get(key)
    if (seen) seen.count++
    else byKey.set(key, { code: f.code, crate, severity: f.severity, count: 1 })
  }
  return [...byKey.values()]
}

/** Conflicts that count (found, open): block or warn, not allowed by policy. */
export function conflictIds(findings: RunFinding[]): string[] {
  return [
    ...new Set(
      findings
        .filter(f => CONFLICT_CODES.includes(f.code) && (f.severity === 'block' || f.severity === 'warn'))
        .map(f => conflictId(f.code, f.crate))
    )
  ].sort()
}

export const conflictId = (code: string, crate: string | null): string => `${code}:${crate ?? ''}`

/** "base64 (duplicate-versions)", for people. */
export function describeConflict(id: string): string {
  const at = id.indexOf(':')
  const code = id.slice(0, at)
  const crate = id.slice(at + 1)
  return crate ? `${crate} (${code})` : code
}
