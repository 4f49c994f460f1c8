// Where a machine-applicable suggestion goes in a review: the lines its edits cover, the whole new
// content of those lines (rustc's spans replaced), and only when GitHub can take it there — every line
// in one hunk of the pull request's diff, at least one of them changed by it, and the same text in the
// diff as in the checkout rustc read (a merge commit can differ from the head).
import * as path from 'node:path'
import { markdownText } from '../../report/markdown.js'
import type { Diagnostic, Suggestion } from '../../report/schema.js'
import type { RightLine } from './hunks.js'

export interface ReviewComment {
  path: string
  /** The last line; with start_line, a multi-line comment. Right side: the head's version. */
  line: number
  side: 'RIGHT'
  start_line?: number
  start_side?: 'RIGHT'
  body: string
}

/** Why a suggestion is not in the review. */
export type Skip = 'off-diff' | 'stale' | 'overlap' | 'several-files' | 'unreadable'

export interface PlaceInput {
  /** The workspace's place in the repository ('' at its top). */
  repoPath: string
  /** A workspace file's text (rustc's path); null when it cannot be read. */
  read(file: string): string | null
  /** The diff's right-side lines by repository path. */
  diff: ReadonlyMap<string, ReadonlyMap<number, RightLine>>
}

export type Placed = { comment: ReviewComment; file: string; from: number; to: number } | { skip: Skip }

export function place(d: Diagnostic, s: Suggestion, input: PlaceInput): Placed {
  const files = new Set(s.edits.map(e => e.file))
  if (files.size !== 1) return { skip: 'several-files' }
  const file = s.edits[0].file
  if (path.isAbsolute(file) || file.split(/[\\/]/).includes('..')) return { skip: 'off-diff' }
  const repoFile = path.posix.join(input.repoPath, file.split(path.sep).join('/'))
  const right = input.diff.get(repoFile)
  if (!right) return { skip: 'off-diff' }
  const text = input.read(file)
  if (text === null) return { skip: 'unreadable' }
  const lines = text.split('\n')
  const edited = newContent(lines, s)
  if (!edited) return { skip: 'unreadable' }
  const { from, to, content } = edited
  const hunk = right.get(from)?.hunk
  let touched = false
  for (let n = from; n <= to; n++) {
    const r = right.get(n)
    if (!r || r.hunk !== hunk) return { skip: 'off-diff' }
    if (r.text !== lines[n - 1]) return { skip: 'stale' }
    touched ||= r.added
  }
  if (!touched) return { skip: 'off-diff' }
  const comment: ReviewComment = {
    path: repoFile,
    line: to,
    side: 'RIGHT',
    ...(to > from ? { start_line: from, start_side: 'RIGHT' as const } : {}),
    body: commentBody(d, s, content)
  }
  return { comment, file: repoFile, from, to }
}

/**
 * Lines from..to with every edit applied. An edit that ends at the start of a line (rustc removing a
 * whole line takes its newline) leaves that line out when the result still ends a line.
 */
export function newContent(
  lines: readonly string[],
  s: Suggestion
): { from: number; to: number; content: string } | null {
  const from = Math.min(...s.edits.map(e => e.line))
  const end = s.edits.reduce((a, e) =>
    e.endLine > a.endLine || (e.endLine === a.endLine && e.endColumn > a.endColumn) ? e : a
  )
  const shorter = end.endColumn === 1 && end.endLine > from ? apply(lines, s, from, end.endLine - 1) : null
  if (shorter !== null && (shorter === '' || shorter.endsWith('\n')))
    return { from, to: end.endLine - 1, content: shorter.replace(/\n$/, '') }
  const full = apply(lines, s, from, end.endLine)
  return full === null ? null : { from, to: end.endLine, content: full.replace(/\n$/, '') }
}

/** The block of lines from..to, each with its newline, with the edits applied; null if they do not fit. */
function apply(lines: readonly string[], s: Suggestion, from: number, to: number): string | null {
  if (from < 1 || to > lines.length || to < from) return null
  const block = lines.slice(from - 1, to).map(l => Array.from(`${l}\n`))
  const offset = (line: number, column: number): number | null => {
    if (line < from || line > to + 1 || column < 1) return null
    if (line === to + 1) return column === 1 ? block.reduce((n, l) => n + l.length, 0) : null
    const chars = block[line - from]
    if (column > chars.length) return null
    return block.slice(0, line - from).reduce((n, l) => n + l.length, 0) + column - 1
  }
  const chars = block.flat()
  const edits = s.edits
    .map(e => ({ start: offset(e.line, e.column), end: offset(e.endLine, e.endColumn), text: e.replacement }))
    .sort((a, b) => (b.start ?? 0) - (a.start ?? 0))
  let limit = chars.length
  for (const e of edits) {
    if (e.start === null || e.end === null || e.end < e.start || e.end > limit) return null
    chars.splice(e.start, e.end - e.start, ...Array.from(e.text))
    limit = e.start
  }
  return chars.join('')
}

function commentBody(d: Diagnostic, s: Suggestion, content: string): string {
  // A fence longer than any run of backticks in the new code, so the code cannot close it.
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map(r => r.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const block = content === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${content}\n${fence}`
  const lint = d.code ? ` \`${d.code}\`` : ''
  return `**${d.severity}**${lint}: ${markdownText(d.message)}\n\n${markdownText(s.message)}:\n\n${block}\n`
}
