// Pieces of markdown every rendering shares: code fences and spans nothing printed can break out of,
// HTML escaping, and links to a file's line at the commit.
import * as path from 'node:path'

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

/** A file's line at the commit, as a link (nothing when the commit or the file is unknown). */
export function lineLink(links: BlobLinks, repoPath: string | null, line: number | undefined): string[] {
  const url = repoPath && line !== undefined ? blobUrl(links, repoPath, line) : null
  return url ? [`[${codeSpan(`${repoPath}#L${line}`)}](${url})`, ''] : []
}

/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenced(text: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}text`, text, fence]
}

/** Inline code: no emphasis inside (`__fixtures__` stays as it is), backticks in it fenced off. */
export function codeSpan(s: string): string {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map(m => m[0].length))
  const tick = '`'.repeat(longest + 1)
  return longest ? `${tick} ${s} ${tick}` : `${tick}${s}${tick}`
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A code span as CommonMark reads one: a run of backticks, closed by a run of the same length. */
const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/

/**
 * Text for markdown (a comment's prose): code spans kept as they are, and outside them `<`, `>` and
 * `&` escaped, so a compiler's `Vec<T>` written without backticks is shown, not taken for a tag.
 */
export function markdownText(s: string): string {
  return byCodeSpans(s, escapeHtml, span => span)
}

/** Renders `s` piece by piece: the prose between code spans, and each code span (whole, and its inside). */
function byCodeSpans(
  s: string,
  prose: (text: string) => string,
  code: (span: string, inside: string) => string
): string {
  const out: string[] = []
  let rest = s
  for (let m = CODE_SPAN.exec(rest); m; m = CODE_SPAN.exec(rest)) {
    out.push(prose(rest.slice(0, m.index)), code(m[0], m[2]))
    rest = rest.slice(m.index + m[0].length)
  }
  out.push(prose(rest))
  return out.join('')
}

/**
 * Text for raw HTML (lists, table cells, `<summary>`), where GitHub renders no markdown: escaped, with
 * its code spans (`x`, ``a`b``) as `<code>` and **bold** as `<strong>`, as markdown would show them.
 */
export function inlineHtml(s: string): string {
  return byCodeSpans(
    s,
    text => strong(escapeHtml(text)),
    // CommonMark strips one space each side, so a span can start or end with a backtick.
    (_, inside) => `<code>${escapeHtml(/^ .*[^ ].* $/s.test(inside) ? inside.slice(1, -1) : inside)}</code>`
  )
}

function strong(s: string): string {
  return s.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
}

export const firstLine = (s: string): string => s.split('\n')[0]

export const trimEnd = (s: string): string => s.replace(/\s+$/, '')

/** How many of the first diagnostics and failing tests the job summary shows in full. */
export const SUMMARY_DETAILS = 10

/** An HTML table; everything cargo or a test printed is escaped, its code spans shown as code. */
export function htmlTable(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: string) =>
    `<tr>${cells.map(c => `<${tag}>${inlineHtml(c)}</${tag}>`).join('')}</tr>`
  return `<table>${tr(head, 'th')}${rows.map(r => tr(r, 'td')).join('')}</table>`
}

export function htmlList(items: string[]): string {
  return `<ul>${items.map(i => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`
}
