// Renderings of the API section: markdown (job summary, PR comment), terminal lines, annotations and
// step outputs. Pure: they render what the section and its findings say, and decide nothing.
import type { Finding } from '../../findings/finding.js'
import type { ApiChange } from './diff.js'
import { changeMessage } from './findings.js'
import { describeFrom } from './git.js'
import { breaks, type CrateApi, type PublicApiSection } from './section.js'

export const MAX_LISTED = 100

export interface ApiAnnotation {
  level: 'error' | 'warning'
  title: string
  message: string
  file?: string
  startLine?: number
  endLine?: number
}

function baseWords(s: PublicApiSection): string {
  if (!s.base) return ''
  const from = describeFrom(s.base.from)
  return `compared with ${s.base.rev === s.base.sha ? s.base.sha.slice(0, 12) : `${s.base.rev} (${s.base.sha.slice(0, 12)})`}, ${from}`
}

function counts(s: PublicApiSection) {
  const all = s.crates.flatMap(c => breaks(c).map(b => ({ c, b })))
  const allowed = all.filter(x => x.c.bumpAllowsBreaks).length
  const changed = s.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'changed').length, 0)
  const added = s.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'addition').length, 0)
  const warned = s.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'warning').length, 0)
  return { breaking: all.length - allowed, allowed, warned, changed, added }
}

function link(s: PublicApiSection, x: ApiChange): string {
  if (!x.file) return ''
  const at = `${x.file}${x.line ? `:${x.line}` : ''}`
  const blob = x.side === 'base' ? s.blob.base : s.blob.head
  const text = x.side === 'base' ? `${at} (base)` : at
  return blob ? `[${text}](${blob}/${x.file}${x.line ? `#L${x.line}` : ''})` : `\`${text}\``
}

function cell(v: string): string {
  return v.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** `findings`: this capability's findings in the report (their severities are shown, not decided). */
export function publicApiMarkdown(s: PublicApiSection, findings: Finding[]): string | null {
  if (s.status === 'off') return null
  const lines = ['### Public API', '']
  if (s.status === 'unknown') {
    const blocks = findings.some(f => f.code === 'api-unknown' && f.severity === 'block')
    lines.push(
      `**Not checked** (${blocks ? 'the build is not stable' : 'a warning'}): ${cell(s.reason ?? '')}`
    )
    return lines.join('\n')
  }
  const n = counts(s)
  lines.push(
    `${n.breaking} breaking change(s)${n.allowed ? `, ${n.allowed} allowed by a version bump` : ''}${n.warned ? `, ${n.warned} warning(s)` : ''}, ${n.changed} other change(s), ${n.added} addition(s); ${baseWords(s)}.`,
    ''
  )
  const rows = s.crates.flatMap(c => breaks(c).map(b => ({ c, b })))
  if (rows.length > 0) {
    lines.push(
      '| crate | item | what changed | breaks code like | where |',
      '| --- | --- | --- | --- | --- |'
    )
    for (const { c, b } of rows.slice(0, MAX_LISTED))
      lines.push(
        `| ${cell(c.name)} | \`${cell(b.path)}\` (${b.kind}) | ${cell(b.what)}${c.bumpAllowsBreaks ? ` — allowed by the version bump ${c.baseVersion} → ${c.headVersion}` : ''} | ${cell(b.breaks ?? '')} | ${link(s, b)} |`
      )
    if (rows.length > MAX_LISTED) lines.push('', `…and ${rows.length - MAX_LISTED} more in the JSON report.`)
    lines.push('')
  }
  const notes = s.crates.filter(c => c.status === 'unknown' || c.status === 'new')
  for (const c of notes)
    lines.push(
      c.status === 'new'
        ? `- ${c.name}: new crate, nothing to break.`
        : `- **${c.name}: not checked**: ${cell(c.reason ?? '')}`
    )
  const unchanged = s.crates.filter(c => c.status === 'unchanged').map(c => c.name)
  if (unchanged.length) lines.push(`- Not changed since the base: ${unchanged.join(', ')}.`)
  if (s.skipped.length)
    lines.push(`- Skipped (\`publish = false\`, not in public-api-crates): ${s.skipped.join(', ')}.`)
  const warnings = s.crates.flatMap(c => c.changes.filter(x => x.class === 'warning').map(x => ({ c, x })))
  if (warnings.length > 0) {
    lines.push('', '**Warnings** (code still compiles, but behaves or lays out differently):', '')
    for (const { c, x } of warnings.slice(0, MAX_LISTED))
      lines.push(
        `- ${cell(c.name)} \`${cell(x.path)}\` (${x.kind}): ${cell(x.what)}; ${cell(x.breaks ?? '')} ${link(s, x)}`
      )
  }
  const other = s.crates.flatMap(c =>
    c.changes.filter(x => x.class === 'changed' || x.class === 'addition').map(x => ({ c, x }))
  )
  if (other.length > 0) {
    lines.push('', '<details><summary>Other changes and additions</summary>', '')
    for (const { c, x } of other.slice(0, MAX_LISTED))
      lines.push(
        `- ${x.class === 'addition' ? 'added' : 'changed'}: ${cell(c.name)} \`${cell(x.path)}\` (${x.kind}): ${cell(x.what)}`
      )
    lines.push('', '</details>')
  }
  return lines.join('\n').trimEnd()
}

export function publicApiText(s: PublicApiSection): string | null {
  if (s.status === 'off') return null
  if (s.status === 'unknown') return `Public API: not checked: ${s.reason ?? ''}`
  const n = counts(s)
  const lines = [
    `Public API: ${n.breaking} breaking, ${n.allowed} allowed by a version bump, ${n.warned ? `${n.warned} warning(s), ` : ''}${n.changed} changed, ${n.added} added (${baseWords(s)})`
  ]
  for (const c of s.crates) {
    if (c.status === 'unknown') lines.push(`  ? ${c.name}: not checked: ${c.reason ?? ''}`)
    for (const b of breaks(c))
      lines.push(
        `  ${c.bumpAllowsBreaks ? '~' : '✗'} ${changeMessage(c, b, null)}${b.file && b.side === 'head' ? ` at ${b.file}:${b.line ?? '?'}` : ''}`
      )
    for (const w of c.changes.filter(x => x.class === 'warning'))
      lines.push(`  ! ${changeMessage(c, w, null)}${w.file ? ` at ${w.file}:${w.line ?? '?'}` : ''}`)
  }
  return lines.join('\n')
}

/** Blocking and warning findings at their lines; allowed and informational ones stay in the summary. */
export function publicApiAnnotations(findings: Finding[]): ApiAnnotation[] {
  return findings
    .filter(f => f.source === 'public-api' && (f.severity === 'block' || f.severity === 'warn'))
    .map(f => ({
      level: f.severity === 'block' ? 'error' : 'warning',
      title:
        f.code === 'api-breaking' ? `Breaking API change${f.crate ? ` in ${f.crate}` : ''}` : 'Public API',
      message: f.message,
      ...(f.location?.file
        ? {
            file: f.location.file,
            ...(f.location.line ? { startLine: f.location.line, endLine: f.location.line } : {})
          }
        : {})
    }))
}

export function publicApiOutputs(s: PublicApiSection): Record<string, string> {
  if (s.status === 'off') return {}
  const changes = s.crates.flatMap((c: CrateApi) =>
    c.changes.map(x => ({ crate: c.name, ...x, allowed: x.class === 'breaking' && c.bumpAllowsBreaks }))
  )
  return {
    'api-breaking': s.status === 'unknown' ? '' : String(counts(s).breaking),
    'api-changes': JSON.stringify(changes)
  }
}
