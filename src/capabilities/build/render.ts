// The compiler's own words (rustc's `rendered` text) where people look: the Actions log grouped per
// crate, collapsible blocks in the job summary / PR comment, the terminal as cargo prints them, and
// annotations at file:line:column. Pure: the report (and where links point) in, text out.
import {
  annotationPath,
  MAX_PER_LEVEL,
  type Annotation
} from '../../report/annotations.js'
import {
  inlineHtml,
  fenced,
  firstLine,
  lineLink,
  repositoryPath,
  SUMMARY_DETAILS,
  trimEnd,
  type BlobLinks
} from '../../report/markdown.js'
import type { CoreReport, Diagnostic } from '../../report/schema.js'
import { plural } from '../../report/text.js'

type Report = Pick<CoreReport, 'diagnostics' | 'workspace'>

/** With more diagnostics than the summary shows in full, how many open it before the rest fold. */
const COLLAPSE_AFTER = 3

/** Errors first, then warnings; within a severity the order cargo reported them. */
export function errorsFirst(items: Diagnostic[]): Diagnostic[] {
  return [...items.filter(d => d.severity === 'error'), ...items.filter(d => d.severity !== 'error')]
}

/** Crates in order of their first error (then first warning), each with its diagnostics, errors first. */
export function byCrate(items: Diagnostic[]): { crate: string; items: Diagnostic[] }[] {
  const groups = new Map<string, Diagnostic[]>()
  for (const d of errorsFirst(items)) groups.set(d.crate, [...(groups.get(d.crate) ?? []), d])
  return [...groups].map(([crate, list]) => ({ crate, items: list }))
}

/**
 * The Actions log: one `::group::` per crate. rustc's text is printed between `::stop-commands::`
 * markers so that nothing in it (a source line, a message) can be read as a workflow command.
 */
export function logLines(report: Report, stopToken: string): string[] {
  const out: string[] = []
  for (const g of byCrate(report.diagnostics.items)) {
    const errors = g.items.filter(d => d.severity === 'error').length
    const counts = [
      errors ? plural(errors, 'error') : '',
      g.items.length - errors ? plural(g.items.length - errors, 'warning') : ''
    ]
    out.push(`::group::${g.crate}: ${counts.filter(Boolean).join(', ')}`)
    out.push(`::stop-commands::${stopToken}`)
    for (const d of g.items) out.push(trimEnd(d.renderedAnsi ?? d.rendered), '')
    out.push(`::${stopToken}::`, '::endgroup::')
  }
  if (report.diagnostics.omitted)
    out.push(`${report.diagnostics.omitted} more diagnostic(s) were counted but not kept in the report.`)
  return out
}

/** Terminal lines: each diagnostic as cargo prints it, errors first, in colour only when asked to. */
export function terminalDiagnostics(report: Report, colour: boolean): string[] {
  return errorsFirst(report.diagnostics.items).flatMap(d => [
    trimEnd(colour ? (d.renderedAnsi ?? d.rendered) : d.rendered),
    ''
  ])
}

/** After the crate table: what was counted but not kept. */
export function omittedText(report: Report): string[] {
  const n = report.diagnostics.omitted
  return n ? [`${n} more diagnostic(s) were counted but not kept in the report.`] : []
}

/** The job summary's part: the first diagnostics in full, and what was counted but not shown. */
export function buildMarkdown(report: Report, links: BlobLinks): string | null {
  const d = report.diagnostics
  const out = [diagnosticsMarkdown(report, links)]
  if (d.omitted)
    out.push(
      `<p>${d.omitted} more diagnostic(s) were counted but not kept in the report (it keeps the first ${d.items.length}).</p>`
    )
  if (d.dependencyWarnings)
    out.push(`<p>${d.dependencyWarnings} warning(s) from dependencies were not counted.</p>`)
  const shown = out.filter((s): s is string => !!s)
  return shown.length ? shown.join('\n') : null
}

/**
 * The first diagnostics for the job summary and the PR comment, errors first, each in a collapsible
 * block with rustc's text in a code fence and a link to the line at the commit.
 */
export function diagnosticsMarkdown(report: Report, links: BlobLinks, max = SUMMARY_DETAILS): string | null {
  const items = errorsFirst(report.diagnostics.items)
  if (items.length === 0) return null
  const shown = items.slice(0, max)
  // More than `max`: the first few open the section, the rest of those shown fold into one block.
  const few = items.length > max ? COLLAPSE_AFTER : shown.length
  const block = (d: Diagnostic, open: boolean) => {
    const where = d.span ? repositoryPath(report.workspace.root, d.span.file, links.repoRoot) : null
    const title = `${d.severity}${d.code ? `[${d.code}]` : ''}: ${firstLine(d.message)}`
    const at = d.span ? ` (${d.crate}, ${where ?? d.span.file}:${d.span.line})` : ` (${d.crate})`
    return [
      `<details${open ? ' open' : ''}><summary>${inlineHtml(title + at)}</summary>`,
      '',
      ...lineLink(links, where, d.span?.line),
      ...fenced(trimEnd(d.rendered)),
      '',
      '</details>',
      ''
    ]
  }
  const out = ['### Compiler diagnostics', '']
  for (const d of shown.slice(0, few)) out.push(...block(d, d.severity === 'error'))
  const folded = shown.slice(few)
  if (folded.length > 0) {
    out.push(`<details><summary>${plural(folded.length, 'more diagnostic')}</summary>`, '')
    for (const d of folded) out.push(...block(d, false))
    out.push('</details>', '')
  }
  const more = items.length - shown.length + report.diagnostics.omitted
  if (more > 0) out.push(`${more} more in the report.`, '')
  return out.join('\n').trimEnd()
}

/**
 * Up to `max` diagnostics of one severity, taken round-robin over crates (each crate's first, then
 * each crate's second, …) so that one noisy crate does not hide the others.
 */
export function spreadOverCrates(items: Diagnostic[], max: number): Diagnostic[] {
  const queues = new Map<string, Diagnostic[]>()
  for (const d of items) queues.set(d.crate, [...(queues.get(d.crate) ?? []), d])
  const picked: Diagnostic[] = []
  for (let round = 0; picked.length < max; round++) {
    const before = picked.length
    for (const q of queues.values()) if (round < q.length && picked.length < max) picked.push(q[round])
    if (picked.length === before) break
  }
  return picked
}

/** Workspace diagnostics as annotations at file:line:column, spread over the crates. */
export function diagnosticAnnotations(report: Report, repoRoot: string): Annotation[] {
  const items = report.diagnostics.items
  const chosen = [
    ...spreadOverCrates(
      items.filter(d => d.severity === 'error'),
      MAX_PER_LEVEL
    ),
    ...spreadOverCrates(
      items.filter(d => d.severity === 'warning'),
      MAX_PER_LEVEL
    )
  ]
  return chosen.map(d => {
    const title = `${d.crate}: ${d.severity}${d.code ? `[${d.code}]` : ''}`
    if (!d.span) return { level: d.severity, title, message: d.message }
    const sameLine = d.span.line === d.span.endLine
    return {
      level: d.severity,
      title,
      message: d.message,
      file: annotationPath(repoRoot, report.workspace.root, d.span.file),
      startLine: d.span.line,
      endLine: d.span.endLine,
      // GitHub accepts columns only for single-line annotations.
      ...(sameLine ? { startColumn: d.span.column, endColumn: d.span.endColumn } : {})
    }
  })
}
