// Where a suggestion goes in a review, pure: rustc's machine-applicable fixes read from cargo's own
// (captured) message, the right side of a diff read from git's patch, and the new content of the lines
// a suggestion covers. Part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import { CargoMessageReader } from '../src/cargo/messages.js'
import { rightLines } from '../src/capabilities/review-suggestions/hunks.js'
import { newContent, place, type PlaceInput } from '../src/capabilities/review-suggestions/place.js'
import { MAX_SUGGESTIONS, planReview } from '../src/capabilities/review-suggestions/plan.js'
import { reviewLine, reviewMarkdown } from '../src/capabilities/review-suggestions/render.js'
import type { ReviewSuggestionsOutcome } from '../src/capabilities/review-suggestions/section.js'
import type { Diagnostic, Suggestion } from '../src/report/schema.js'

type Json = Record<string, unknown>
const WARNING = JSON.parse(
  readFileSync('__fixtures__/captured/warnings.check.jsonl', 'utf8').split('\n')[0]
) as Json & { message: Json & { children: Json[] } }
const members = new Map(
  workspaceMembers(parseMetadata(readFileSync('__fixtures__/captured/warnings.metadata.json', 'utf8'))).map(
    p => [p.id, p.name]
  )
)

function read(message: Json): Diagnostic {
  const out: Diagnostic[] = []
  new CargoMessageReader(members, 'check', { diagnostic: d => out.push(d) }).push(
    JSON.stringify({ ...WARNING, message })
  )
  return out[0]
}

const withSpans = (change: (span: Json) => Json) => ({
  ...WARNING.message,
  children: WARNING.message.children.map(c => ({ ...c, spans: (c.spans as Json[]).map(change) }))
})

describe("rustc's suggestions in cargo's messages", () => {
  it('keeps a fix rustc marks machine-applicable, and leaves out one it does not, or without a replacement', () => {
    expect(read(WARNING.message).suggestions).toHaveLength(1)
    expect(
      read(withSpans(s => ({ ...s, suggestion_applicability: 'MaybeIncorrect' }))).suggestions
    ).toBeUndefined()
    expect(read(withSpans(s => ({ ...s, suggested_replacement: null }))).suggestions).toBeUndefined()
    expect(read({ ...WARNING.message, children: undefined }).suggestions).toBeUndefined()
  })

  it('keeps every edit of one fix together, and leaves the whole fix out when one edit is a guess', () => {
    const twice = (second: string) => ({
      ...WARNING.message,
      children: WARNING.message.children.map(c => {
        const spans = c.spans as Json[]
        return spans.length
          ? { ...c, spans: [...spans, { ...spans[0], suggestion_applicability: second }] }
          : c
      })
    })
    expect(read(twice('MachineApplicable')).suggestions?.[0].edits).toHaveLength(2)
    expect(read(twice('HasPlaceholders')).suggestions).toBeUndefined()
  })

  it('reads past a child cargo did not shape as rustc does, keeping the well-formed fix', () => {
    const good = WARNING.message.children.find(c => (c.spans as Json[]).length > 0)!
    const odd = [null, { ...good, message: 5 }, { ...good, spans: 'not a list' }]
    const kept = read({ ...WARNING.message, children: [...odd, good] }).suggestions
    expect(kept).toHaveLength(1)
    expect(kept?.[0].message).toBe(good.message)
    expect(read({ ...WARNING.message, children: odd }).suggestions).toBeUndefined()
  })
})

// A real patch: git's diff of two versions of a file.
function gitPatch(before: string, after: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-patch-'))
  try {
    writeFileSync(path.join(dir, 'a'), before)
    writeFileSync(path.join(dir, 'b'), after)
    let out = ''
    try {
      execFileSync('git', ['diff', '--no-index', '--no-color', '-U1', 'a', 'b'], {
        cwd: dir,
        encoding: 'utf8'
      })
    } catch (e) {
      out = (e as { stdout: string }).stdout // exit 1: the files differ
    }
    return out.slice(out.indexOf('@@')).replace(/\n$/, '')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const numbered = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i + 1))
const BEFORE = numbered(12, i => `line ${i}`).join('\n') + '\n'
const AFTER = BEFORE.replace('line 3\n', 'line 3\nnew 3a\n').replace('line 10\n', 'changed 10\n')

describe('the right side of a diff', () => {
  const right = rightLines(gitPatch(BEFORE, AFTER))
  it('numbers the head’s lines, marks the added ones and tells the hunks apart', () => {
    // -U1: hunk 0 is head lines 3-5 (3 context, 4 added, 5 context); hunk 1 is 10-12.
    expect([...right.keys()]).toEqual([3, 4, 5, 10, 11, 12])
    expect(right.get(4)).toEqual({ text: 'new 3a', added: true, hunk: 0 })
    expect(right.get(3)).toEqual({ text: 'line 3', added: false, hunk: 0 })
    expect(right.get(11)).toEqual({ text: 'changed 10', added: true, hunk: 1 })
  })
  it('reads nothing from a patch without a hunk header', () => {
    expect(rightLines('+added\n context').size).toBe(0)
  })
})

const edit = (line: number, column: number, endLine: number, endColumn: number, replacement: string) => ({
  file: 'src/lib.rs',
  line,
  column,
  endLine,
  endColumn,
  replacement
})
const fix = (...edits: Suggestion['edits']): Suggestion => ({ message: 'do this', edits })

describe('the new content of the lines a suggestion covers', () => {
  const lines = [
    'use std::fmt;',
    'fn f() {',
    '    let v = (',
    '        1 + 2',
    '    );',
    '    let ü = 1;',
    '}',
    ''
  ]
  it('replaces the span in its line, counting columns in characters', () => {
    expect(newContent(lines, fix(edit(6, 9, 6, 10, '_ü')))).toEqual({
      from: 6,
      to: 6,
      content: '    let _ü = 1;'
    })
  })
  it('deletes a whole line when rustc removes it with its newline', () => {
    expect(newContent(lines, fix(edit(1, 1, 2, 1, '')))).toEqual({ from: 1, to: 1, content: '' })
  })
  it('applies every edit of a fix across lines', () => {
    expect(newContent(lines, fix(edit(3, 13, 4, 9, ''), edit(4, 14, 5, 6, ' ')))).toEqual({
      from: 3,
      to: 5,
      content: '    let v = 1 + 2 ;'
    })
  })
  it('keeps the next line when an edit joins it', () => {
    expect(newContent(lines, fix(edit(2, 9, 3, 1, '')))).toEqual({
      from: 2,
      to: 3,
      content: 'fn f() {    let v = ('
    })
  })
  it('refuses overlapping edits and spans outside the file', () => {
    expect(newContent(lines, fix(edit(3, 5, 3, 9, 'a'), edit(3, 7, 3, 10, 'b')))).toBeNull()
    expect(newContent(lines, fix(edit(40, 1, 40, 2, 'x')))).toBeNull()
    expect(newContent(lines, fix(edit(2, 30, 2, 31, 'x')))).toBeNull()
  })
})

describe('placing a suggestion on the diff', () => {
  const diff = new Map([['ws/src/lib.rs', rightLines(gitPatch(BEFORE, AFTER))]])
  const input = (text = AFTER): PlaceInput => ({ repoPath: 'ws', read: () => text, diff })
  const warning = (s: Suggestion): Diagnostic => ({
    severity: 'warning',
    crate: 'a',
    code: 'unused_variables',
    message: 'unused variable: `x`',
    rendered: '',
    span: null,
    phase: 'check',
    suggestions: [s]
  })
  const at = (line: number, to = line) => fix(edit(line, 1, to, 5, 'LINE'))
  const placed = (s: Suggestion, i = input()) => place(warning(s), s, i)

  it('comments on an added line, under the repository path, with the line’s whole new content', () => {
    const p = placed(at(4))
    expect(p).toMatchObject({ comment: { path: 'ws/src/lib.rs', line: 4, side: 'RIGHT' } })
    expect('comment' in p && p.comment.body).toContain('```suggestion\nLINE3a\n```')
    expect('comment' in p && 'start_line' in p.comment).toBe(false)
  })
  it('spans several lines of one hunk with start_line when one of them was added', () => {
    expect(placed(at(3, 5))).toMatchObject({ comment: { start_line: 3, start_side: 'RIGHT', line: 5 } })
  })
  it('skips context lines only, lines outside the diff, spans across hunks, and other files', () => {
    expect(placed(at(3))).toEqual({ skip: 'off-diff' })
    expect(placed(at(7))).toEqual({ skip: 'off-diff' })
    expect(placed(at(5, 10))).toEqual({ skip: 'off-diff' })
    expect(placed(fix({ ...edit(4, 1, 4, 2, 'x'), file: 'src/other.rs' }))).toEqual({ skip: 'off-diff' })
    expect(placed(fix({ ...edit(4, 1, 4, 2, 'x'), file: '/rustc/library/core.rs' }))).toEqual({
      skip: 'off-diff'
    })
    expect(placed(fix(edit(4, 1, 4, 2, 'x'), { ...edit(4, 1, 4, 2, 'x'), file: 'src/b.rs' }))).toEqual({
      skip: 'several-files'
    })
  })
  it('skips a line whose text in the checkout is not the head’s (a merge commit), and an unreadable file', () => {
    expect(placed(at(4), input(AFTER.replace('new 3a', 'merged 3a')))).toEqual({ skip: 'stale' })
    expect(placed(at(4), { ...input(), read: () => null })).toEqual({ skip: 'unreadable' })
  })
  it('fences the new code past any backticks in it', () => {
    const p = placed(fix(edit(4, 1, 4, 4, '```')))
    expect('comment' in p && p.comment.body).toContain('````suggestion\n``` 3a\n````')
  })

  it('posts at most the bound, counts the rest, and leaves overlapping fixes for a later run', () => {
    const many = numbered(12, () => 'let x = 1;').join('\n') + '\n'
    const all = new Map([['ws/src/lib.rs', rightLines(gitPatch('', many))]])
    const diagnostics = numbered(12, i => warning(at(i)))
    diagnostics.push(warning(at(1)))
    const plan = planReview(diagnostics, {
      repoPath: 'ws',
      read: () => many,
      diff: all
    })
    expect(plan.comments).toHaveLength(12)
    expect(plan.skipped.overlap).toBe(1)
    const big = numbered(MAX_SUGGESTIONS + 5, () => 'let x = 1;').join('\n') + '\n'
    const bigDiff = new Map([['ws/src/lib.rs', rightLines(gitPatch('', big))]])
    const bounded = planReview(
      numbered(MAX_SUGGESTIONS + 5, i => warning(at(i))),
      { repoPath: 'ws', read: () => big, diff: bigDiff }
    )
    expect([bounded.comments.length, bounded.more, bounded.total]).toEqual([
      MAX_SUGGESTIONS,
      5,
      MAX_SUGGESTIONS + 5
    ])
  })
})

describe('the review in the summary', () => {
  const outcome = (o: Partial<ReviewSuggestionsOutcome>): ReviewSuggestionsOutcome => ({
    mode: 'posted',
    posted: 0,
    more: 0,
    offDiff: 0,
    url: null,
    commit: null,
    note: '',
    ...o
  })
  const url = 'https://github.com/o/r/pull/1#pullrequestreview-9'
  it('says how many were posted, links the review, and counts the rest', () => {
    const o = outcome({ posted: 20, more: 3, offDiff: 1, url })
    expect(reviewMarkdown(o)).toBe(
      `### Suggested changes\n\n20 suggestions posted as a [review](${url}); 3 more not posted (a review carries at most ${MAX_SUGGESTIONS}); 1 suggestion not on lines this pull request changed.\n`
    )
    expect(reviewLine(outcome({ posted: 1, url }))).toBe(`1 suggestion posted as a review (${url}).`)
  })
  it('says why none were posted', () => {
    expect(reviewLine(outcome({ mode: 'skipped', note: 'pull request #1 comes from a fork' }))).toBe(
      'No suggestions posted: pull request #1 comes from a fork.'
    )
    expect(reviewLine(outcome({ mode: 'exists', url }))).toBe(
      `The review (${url}) of this commit's suggestions is already posted: nothing posted again.`
    )
    expect(reviewLine(outcome({ mode: 'dry-run', posted: 2 }))).toBe(
      'Dry run: 2 suggestions would be posted as a review.'
    )
    expect(reviewMarkdown(undefined)).toBeNull()
  })
})
