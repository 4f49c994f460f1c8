// The fix PR's title and body (pure): each change with its evidence. No timings, dates or commit ids,
// so the same fixes always give the same body and a rerun writes nothing.
import type { FixesSection } from '../fixes/index.js'

export const FIX_BRANCH = 'build-gate/fix-dependencies'
export const FIX_PR_TITLE = 'Fix dependency conflicts (build-gate)'
const MARKER = '<!-- build-gate:fix-dependencies -->'

export function fixPrBody(section: FixesSection): string {
  const out = [
    MARKER,
    'build-gate found dependency conflicts and verified these changes in a scratch copy of the workspace:',
    'each conflict is gone, no new conflict appears, and `cargo check` and the test build pass.',
    ''
  ]
  for (const f of section.fixes.filter(x => x.verified)) {
    const where = f.kind === 'lock' ? 'Cargo.lock' : f.manifest
    out.push(`- **${f.crate} ${f.from} → ${f.to}** in \`${where}\``)
    out.push(`  - fixes: ${f.target.code} finding on \`${f.target.crate}\` ${f.target.version}`)
    if (f.command) out.push(`  - how: \`${f.command}\``)
    if (f.diff && f.kind === 'patch')
      out.push(`  - how: at line ${f.diff.line}, add \`${f.diff.after.split('\n').join(' ')}\``)
    else if (f.diff)
      out.push(`  - how: line ${f.diff.line}: \`${f.diff.before.trim()}\` → \`${f.diff.after.trim()}\``)
    const lock = f.lockChanges.map(c => `${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`).join(', ')
    out.push(`  - Cargo.lock: ${lock || 'unchanged'}`)
  }
  const left = section.fixes.filter(x => !x.verified)
  if (left.length || section.blockers.length) {
    out.push('', 'Not in this pull request:')
    for (const f of left) out.push(`- ${f.crate} ${f.from} → ${f.to}: not verified (${f.reason})`)
    for (const b of section.blockers)
      out.push(`- ${b.target.crate} ${b.target.version}: ${b.blockedBy}; to unblock: ${b.unblock}`)
  }
  return out.join('\n')
}
