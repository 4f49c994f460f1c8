// The compiler's own words (rustc's `rendered` text) where people look: the Actions log grouped per
// crate, collapsible blocks in the job summary / PR comment, and the terminal as cargo prints them.
// Pure: the report (and where links point) in, text out.
import * as path from 'node:path'
import { panicLocation } from '../capabilities/tests/panic-location.js'
import type { Diagnostic, GateReport } from './schema.js'

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

const trimEnd = (s: string) => s.replace(/\s+$/, '')

/**
 * The Actions log: one `::group::` per crate. rustc's text is printed between `::stop-commands::`
 * markers so that nothing in it (a source line, a message) can be read as a workflow command.
 */
export function logLines(report: GateReport, stopToken: string): string[] {
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
export function terminalDiagnostics(report: GateReport, colour: boolean): string[] {
  return errorsFirst(report.diagnostics.items).flatMap(d => [
    trimEnd(colour ? (d.renderedAnsi ?? d.rendered) : d.rendered),
    ''
  ])
}

/** Where blob links point: `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA`, and the checkout. */
export interface BlobLinks {
  /** null when the repository or commit is unknown: blocks then carry no link. */
  base: string | null
  /** The repository's checkout (GITHUB_WORKSPACE): link paths are relative to it. */
  repoRoot: string
}

export function blobLinks(env: Record<string, string | undefined>, fallbackRoot: string): BlobLinks {
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const base =
    env.GITHUB_REPOSITORY && env.GITHUB_SHA
      ? `${server}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}`
      : null
  return { base, repoRoot: env.GITHUB_WORKSPACE ?? fallbackRoot }
}

/** A file named relative to the workspace root, as a path in the repository; null when outside it. */
export function repositoryPath(workspaceRoot: string, file: string, repoRoot: string): string | null {
  const relative = path.relative(repoRoot, path.resolve(workspaceRoot, file))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null
  return relative.split(path.sep).join('/')
}

export function blobUrl(links: BlobLinks, repoPath: string, line: number): string | null {
  if (!links.base) return null
  return `${links.base}/${repoPath.split('/').map(encodeURIComponent).join('/')}#L${line}`
}

export const SUMMARY_DIAGNOSTICS = 10

/**
 * The first diagnostics for the job summary and the PR comment, errors first, each in a collapsible
 * block with rustc's text in a code fence and a link to the line at the commit.
 */
export function diagnosticsMarkdown(
  report: GateReport,
  links: BlobLinks,
  max = SUMMARY_DIAGNOSTICS
): string | null {
  const items = errorsFirst(report.diagnostics.items)
  if (items.length === 0) return null
  const shown = items.slice(0, max)
  const out = ['### Compiler diagnostics', '']
  for (const d of shown) {
    const where = d.span ? repositoryPath(report.workspace.root, d.span.file, links.repoRoot) : null
    const title = `${d.severity}${d.code ? `[${d.code}]` : ''}: ${firstLine(d.message)}`
    const at = d.span ? ` (${d.crate}, ${where ?? d.span.file}:${d.span.line})` : ` (${d.crate})`
    out.push(
      `<details${d.severity === 'error' ? ' open' : ''}><summary>${escapeHtml(title + at)}</summary>`,
      ''
    )
    const url = where && d.span ? blobUrl(links, where, d.span.line) : null
    if (url && d.span) out.push(`[${codeSpan(`${where}#L${d.span.line}`)}](${url})`, '')
    out.push(...fenced(trimEnd(d.rendered)), '', '</details>', '')
  }
  const more = items.length - shown.length + report.diagnostics.omitted
  if (more > 0) out.push(`${more} more in the report.`, '')
  return out.join('\n').trimEnd()
}

/** The first failing tests, each with a link to where it panicked and what it printed. */
export function failuresMarkdown(
  report: GateReport,
  links: BlobLinks,
  max = SUMMARY_DIAGNOSTICS
): string | null {
  const failures = report.tests.failures
  if (failures.length === 0) return null
  const out = ['### Where the tests failed', '']
  for (const f of failures.slice(0, max)) {
    const at = panicLocation(f)
    const where = at ? repositoryPath(report.workspace.root, at.file, links.repoRoot) : null
    const title = `${f.crate}: ${f.name}${f.message ? ` — ${firstLine(f.message)}` : ''}`
    out.push(`<details><summary>${escapeHtml(title)}</summary>`, '')
    const url = where && at ? blobUrl(links, where, at.line) : null
    if (url && at) out.push(`[${codeSpan(`${where}#L${at.line}`)}](${url})`, '')
    const text = trimEnd(f.output ?? f.message ?? '')
    if (text) out.push(...fenced(text), '')
    out.push('</details>', '')
  }
  if (failures.length > max) out.push(`${failures.length - max} more in the report.`, '')
  return out.join('\n').trimEnd()
}

/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenced(text: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}text`, text, fence]
}

function firstLine(s: string): string {
  return s.split('\n')[0]
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Inline code: no emphasis inside (`__fixtures__` stays as it is), backticks in it fenced off. */
function codeSpan(s: string): string {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map(m => m[0].length))
  const tick = '`'.repeat(longest + 1)
  return longest ? `${tick} ${s} ${tick}` : `${tick}${s}${tick}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
