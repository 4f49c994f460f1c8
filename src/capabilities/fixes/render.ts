// "How to fix": the fixes section for people. Markdown for the job summary and the PR comment, lines
// for the terminal, and the action's outputs. Pure: they only render what the search decided.
import type { Fix, FixBlocker, FixesSection } from './section.js'

export function isEmpty(section: FixesSection): boolean {
  return section.fixes.length === 0 && section.blockers.length === 0 && !section.failure
}

export function fixesMarkdown(section: FixesSection): string {
  const out = ['### How to fix', '']
  if (section.failure) out.push(`The fix search did not run to the end: ${inline(section.failure)}`, '')
  for (const f of section.fixes) {
    out.push(`- ${f.verified ? '✅ verified' : '❌ not verified'}: ${inline(title(f))}`)
    if (f.command) out.push('', indent(fence(f.command, 'sh')))
    else if (f.kind === 'lock')
      out.push('', `  ${inline(`No single cargo command does this; Cargo.lock: ${lockLine(f)}.`)}`)
    else if (f.diff) out.push('', indent(fence(diffText(f, f.diff), 'diff')))
    out.push('', `  ${f.verified ? `${evidence(f)}` : inline(`Not verified: ${f.reason}.`)}`)
    if (f.errors.length)
      out.push(
        '',
        `  <details><summary>compile errors</summary>`,
        '',
        indent(fence(f.errors.join('\n\n'), 'text')),
        '',
        '  </details>'
      )
    out.push('')
  }
  for (const b of section.blockers)
    out.push(`- ⛔ no fix within the current requirements: ${inline(blockerLine(b))}`, '')
  const verified = section.fixes.filter(f => f.verified).length
  if (verified)
    out.push(`Apply the verified fix${verified === 1 ? '' : 'es'} locally with \`build-gate --apply\`.`, '')
  return out.join('\n')
}

export function fixesText(section: FixesSection): string {
  const out = ['How to fix:']
  if (section.failure) out.push(`  the fix search did not run to the end: ${section.failure}`)
  for (const f of section.fixes) {
    out.push(`  ${f.verified ? '✓ verified' : '✗ not verified'}  ${title(f)}`)
    if (f.command) out.push(`      ${f.command}`)
    else if (f.kind === 'lock') out.push(`      Cargo.lock: ${lockLine(f)}`)
    if (f.diff)
      out.push(
        `      ${f.manifest}:${f.diff.line}`,
        ...(f.diff.before ? [`      - ${f.diff.before.trim()}`] : []),
        ...f.diff.after.split('\n').map(l => `      + ${l.trim()}`)
      )
    if (!f.verified) {
      out.push(`      ${f.reason}`)
      for (const e of f.errors) out.push(...e.split('\n').map(l => `        ${l}`))
    }
  }
  for (const b of section.blockers) out.push(`  ⛔ blocked  ${blockerLine(b)}`)
  const verified = section.fixes.filter(f => f.verified).length
  if (verified) out.push(`  Apply the verified fix${verified === 1 ? '' : 'es'}: build-gate --apply`)
  return out.join('\n')
}

function title(f: Fix): string {
  const moved = `${f.crate} ${f.from} → ${f.to}`
  const fixes = `${f.target.code} ${f.target.crate} ${f.target.version}`
  if (f.kind === 'patch')
    return `${f.crate} ${f.from}: one crate from two sources; [patch.crates-io] in ${f.manifest} makes them one (fixes ${fixes})`
  return f.kind === 'lock'
    ? `${moved} in Cargo.lock (fixes ${fixes})`
    : `${moved}: raise the requirement in ${f.manifest} (fixes ${fixes})`
}

/** A unified diff of the one changed line, or of the lines a patch fix adds. */
function diffText(f: Fix, diff: NonNullable<Fix['diff']>): string {
  const lines = [...(diff.before ? [`-${diff.before}`] : []), ...diff.after.split('\n').map(l => `+${l}`)]
  return `--- ${f.manifest}\n+++ ${f.manifest}\n@@ line ${diff.line} @@\n${lines.join('\n')}`
}

function lockLine(f: Fix): string {
  return f.lockChanges.map(c => `${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`).join(', ')
}

function evidence(f: Fix): string {
  const lock = lockLine(f)
  return inline(
    `Verified in a scratch copy: the conflict is gone, no new one appears, and cargo check and the test build pass (${f.seconds} s). Cargo.lock: ${lock || 'unchanged'}.`
  )
}

function blockerLine(b: FixBlocker): string {
  return `${b.target.code} ${b.target.crate} ${b.target.version}: ${b.blockedBy}. To unblock: ${b.unblock}.`
}

/** Markdown-safe text for a list item (cargo's and rustc's words can hold any character). */
function inline(s: string): string {
  return s
    .replace(/[<>&]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)
    .replace(/([\\`*_[\]|])/g, '\\$1')
}

/** A fenced block whose fence is longer than any backtick run inside it. */
function fence(body: string, lang: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map(m => m[0].length))
  const f = '`'.repeat(longest + 1)
  return `${f}${lang}\n${body}\n${f}`
}

function indent(s: string): string {
  return s
    .split('\n')
    .map(l => `  ${l}`)
    .join('\n')
}
