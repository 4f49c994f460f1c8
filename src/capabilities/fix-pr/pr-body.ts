// The fix PR's title and body (pure): each change with its evidence. No timings, dates or commit ids,
// so the same fixes always give the same body and a rerun writes nothing.
import type { FixesSection } from '../fixes/index.js'
import type { LintFixesSection } from '../lint-fixes/index.js'

export const FIX_BRANCH = 'build-gate/fix-dependencies'
export const FIX_PR_TITLE = 'Fix dependency conflicts (build-gate)'
const LINT_TITLE = "Apply rustc's machine-applicable fixes (build-gate)"
const BOTH_TITLE = "Fix dependency conflicts and apply rustc's machine-applicable fixes (build-gate)"
const MARKER = '<!-- build-gate:fix-dependencies -->'

/** What the pull request carries: verified dependency fixes, a verified lint fix, or both. */
export function fixPrTitle(section: FixesSection | null, lint: LintFixesSection | null): string {
  const deps = section?.fixes.some(f => f.verified) ?? false
  const lints = lint?.status === 'verified'
  return deps && lints ? BOTH_TITLE : lints ? LINT_TITLE : FIX_PR_TITLE
}

export function fixPrBody(section: FixesSection | null, lint: LintFixesSection | null = null): string {
  const out = [MARKER]
  if (section?.fixes.some(f => f.verified)) {
    out.push(
      'build-gate found dependency conflicts and verified these changes in a scratch copy of the workspace:',
      'each conflict is gone, no new conflict appears, and `cargo check` and the test build pass.',
      ''
    )
    for (const f of section.fixes.filter(x => x.verified)) {
      const where = f.kind === 'lock' ? 'Cargo.lock' : f.manifest
      out.push(`- **${f.crate} ${f.from} → ${f.to}** in \`${where}\``)
      out.push(`  - fixes: ${f.target.code} finding on \`${f.target.crate}\` ${f.target.version}`)
      if (f.command) out.push(`  - how: \`${f.command}\``)
      if (f.diff && f.kind === 'patch')
        out.push(`  - how: at line ${f.diff.line}, add \`${f.diff.after.split('\n').join(' ')}\``)
      else if (f.diff)
        out.push(`  - how: line ${f.diff.line}: \`${f.diff.before.trim()}\` → \`${f.diff.after.trim()}\``)
      const lock = f.lockChanges
        .map(c => `${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`)
        .join(', ')
      out.push(`  - Cargo.lock: ${lock || 'unchanged'}`)
    }
  }
  if (lint?.status === 'verified') {
    const withDeps = out.length > 1
    if (withDeps) out.push('')
    out.push(
      `build-gate applied rustc's machine-applicable suggestions with \`${lint.command.join(' ')}\` in a scratch copy`,
      'of the workspace and verified the result: those warnings are gone, no new warning or error appears, and',
      `the test build passes.${withDeps ? ' Each kind of fix was verified on its own, against the gated commit.' : ''}`,
      '',
      '| crate | lint | file | warnings fixed |',
      '| --- | --- | --- | --- |',
      ...lint.fixed.map(f => `| ${f.crate} | \`${f.lint || '-'}\` | \`${f.file}\` | ${f.count} |`),
      '',
      `Files changed: ${lint.files.map(f => `\`${f.path}\``).join(', ')}`
    )
  }
  const left = section?.fixes.filter(x => !x.verified) ?? []
  const blockers = section?.blockers ?? []
  const lintLeft = lint && lint.status !== 'verified' ? lint : null
  if (left.length || blockers.length || lintLeft) {
    out.push('', 'Not in this pull request:')
    for (const f of left) out.push(`- ${f.crate} ${f.from} → ${f.to}: not verified (${f.reason})`)
    for (const b of blockers)
      out.push(`- ${b.target.crate} ${b.target.version}: ${b.blockedBy}; to unblock: ${b.unblock}`)
    if (lintLeft) {
      const what = lintLeft.command.length ? `\`${lintLeft.command.join(' ')}\`` : 'cargo fix'
      out.push(
        `- ${what}: ${lintLeft.status === 'failed' ? 'could not run' : 'not verified'} (${lintLeft.reason})`
      )
      if (lintLeft.details.length) out.push('', '```', lintLeft.details.join('\n\n'), '```')
    }
  }
  return out.join('\n')
}
