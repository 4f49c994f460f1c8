// The ratchet's renderings: the base it compared with, the new warnings named, fewer ones celebrated.
import { codeSpan, escapeHtml } from '../../report/markdown.js'
import { plural } from '../../report/text.js'
import type { RatchetSection } from './section.js'
import { baseLine, baseName, lintName, warningText } from './words.js'

export function ratchetMarkdown(s: RatchetSection | undefined): string | null {
  if (!s) return null
  const out = ['### Warnings against the base', '']
  if (s.base) {
    const run = s.base.runUrl ? ` ([run](${s.base.runUrl}))` : ''
    out.push(
      `Base: ${escapeHtml(baseLine(s.base))}${run}; ${s.baseWarnings} warnings then, ${s.warnings} now.`
    )
  } else out.push(`No base: ${escapeHtml(s.noBase ?? '')}. Every warning counts as new.`)
  if (s.grown.length) {
    out.push('', `**New warnings** (per crate and lint the count must not grow):`, '')
    for (const g of s.grown) {
      out.push(`- ${codeSpan(g.crate)} ${codeSpan(lintName(g.lint))}: ${g.base} → ${g.now}`)
      for (const w of g.added) out.push(`  - ${escapeHtml(warningText(w, codeSpan))}`)
      if (g.unnamed > 0)
        out.push(`  - ${plural(g.unnamed, 'more warning')} not named (the base kept only a count)`)
    }
  } else if (s.base) out.push('', 'No crate has more warnings of any lint than the base.')
  if (s.base && s.fewer > 0)
    out.push('', `🎉 ${plural(s.fewer, 'fewer warning')} than the base (${escapeHtml(baseName(s.base))}).`)
  return out.join('\n')
}

export function ratchetText(s: RatchetSection | undefined): string[] {
  if (!s) return []
  const out = [
    s.base
      ? `Warnings against the base (${baseLine(s.base)}): ${s.baseWarnings} then, ${s.warnings} now`
      : `Warnings: no base (${s.noBase}); every warning counts as new`
  ]
  for (const g of s.grown) {
    out.push(`  ${g.crate} ${lintName(g.lint)}: ${g.base} → ${g.now}`)
    for (const w of g.added) out.push(`    new: ${warningText(w)}`)
    if (g.unnamed > 0)
      out.push(`    ${plural(g.unnamed, 'more warning')} not named (the base kept only a count)`)
  }
  if (s.base && s.fewer > 0) out.push(`  ${plural(s.fewer, 'fewer warning')} than the base`)
  return out
}
