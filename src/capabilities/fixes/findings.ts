// Findings of the fixes capability: each attached to the conflict it answers (same crate, the conflict's
// code and version in the message). Verified: info; not verified or blocked: warn. Never block: a fix
// is advice, the conflict itself carries the verdict.
import type { Finding } from '../../findings/finding.js'
import { requirementFor } from './manifest-edit.js'
import type { FixesSection } from './section.js'

export function fixFindings(section: FixesSection): Finding[] {
  const out: Finding[] = []
  for (const f of section.fixes) {
    const what =
      f.kind === 'lock'
        ? f.command
          ? `\`${f.command}\``
          : `the Cargo.lock change ${f.lockChanges.map(c => `${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`).join(', ')}`
        : f.kind === 'patch'
          ? `adding \`${f.diff?.after.split('\n').join(' ') ?? '[patch.crates-io]'}\` to ${f.manifest}`
          : `raising the requirement on ${f.crate} to "${requirementFor(f.to)}" in ${f.manifest}${f.diff ? ` line ${f.diff.line}` : ''}`
    out.push({
      code: 'fix-available',
      severity: f.verified ? 'info' : 'warn',
      source: 'fixes',
      crate: f.target.crate,
      version: f.target.version,
      message: f.verified
        ? `${f.target.code} ${f.target.crate} ${f.target.version}: ${what} (${f.crate} ${f.from} → ${f.to}) fixes it, verified: the conflict is gone and the workspace builds`
        : `${f.target.code} ${f.target.crate} ${f.target.version}: ${what} (${f.crate} ${f.from} → ${f.to}) is not verified: ${f.reason}`,
      location: f.manifest && f.diff ? { file: f.manifest, line: f.diff.line } : null
    })
  }
  for (const b of section.blockers)
    out.push({
      code: 'fix-blocked',
      severity: 'warn',
      source: 'fixes',
      crate: b.target.crate,
      version: b.target.version,
      message: `${b.target.code} ${b.target.crate} ${b.target.version}: no fix within the current requirements; ${b.blockedBy}. To unblock: ${b.unblock}`
    })
  if (section.failure)
    out.push({ code: 'fix-search-failed', severity: 'warn', source: 'fixes', message: section.failure })
  return out
}
