// The warnings' burndown from the run history: per crate across the runs that kept their warnings, in
// the summary, the living checklist and the escalation comment.
import { describe, expect, it } from '@jest/globals'
import { escalationComment } from '../src/capabilities/checklist/escalation.js'
import { renderChecklist } from '../src/capabilities/checklist/items.js'
import { burndown, burndownLine, burndownLines } from '../src/capabilities/tracker/burndown.js'
import type { RunRecord } from '../src/capabilities/tracker/history.js'
import { trackerMarkdown } from '../src/capabilities/tracker/render.js'
import { deriveStatus } from '../src/capabilities/tracker/status.js'
import type { WarningSet } from '../src/cargo/warning-set.js'

const ids = (n: number) => 'AAAAAAAA'.repeat(n)
const run = (day: number, warnings: WarningSet | null, stable = false): RunRecord => ({
  at: `2026-12-0${day}T03:00:00.000Z`,
  sha: `c${day}`.padEnd(40, '0'),
  runUrl: null,
  stable,
  findings: [],
  ...(warnings ? { warnings } : {})
})
// 14 warnings on 2 Dec, 9 on 6 Dec; a run without its warnings (compile errors) in between.
const runs = [
  run(2, { a: { unused_variables: ids(6), dead_code: 2 }, b: { 'clippy::ptr_arg': ids(6) } }),
  run(3, { a: { unused_variables: ids(5) }, b: { 'clippy::ptr_arg': ids(6) } }),
  run(4, null),
  run(5, { a: { unused_variables: ids(4) }, b: { 'clippy::ptr_arg': ids(5) } }),
  run(6, { a: { unused_variables: ids(3) }, b: { 'clippy::ptr_arg': ids(6) }, c: {} })
]

describe('burndown', () => {
  it('counts warnings per crate in every run that kept them, oldest first', () => {
    const b = burndown(runs)!
    expect(b.totals).toEqual([14, 11, 9, 9])
    expect(b.crates).toEqual([
      { name: 'b', since: 6, now: 6, points: [6, 6, 5, 6] },
      { name: 'a', since: 8, now: 3, points: [8, 5, 4, 3] }
    ])
    expect(burndownLine(b)).toBe('warnings 14 → 9 since 2 Dec')
    expect(burndownLines(b)).toEqual([
      'total █▇▆▆  14 → 9',
      'b     ▄▄▄▄  6 → 6',
      'a     ▅▄▃▃  8 → 3',
      '(4 runs, oldest first)'
    ])
  })

  it('is absent until a run kept its warnings', () => {
    expect(burndown([run(1, null)])).toBeNull()
    expect(deriveStatus([run(1, null)], new Date('2026-12-07T00:00:00Z'), null).warnings).toBeUndefined()
  })

  it('is in the summary, the living checklist and the escalation', () => {
    const status = deriveStatus(runs, new Date('2026-12-07T00:00:00Z'), 86_400_000)
    const section = {
      mode: 'apply' as const,
      line: 'unstable',
      status,
      history: { location: null, recorded: true, runs: 5 },
      issue: null,
      checklist: 'not-updated' as const,
      escalation: 'not-checked' as const,
      plannedWrites: [],
      appliedWrites: 0,
      note: ''
    }
    const summary = trackerMarkdown(section)!
    expect(summary).toContain('**Burndown:** warnings 14 → 9 since 2 Dec')
    expect(summary).toContain('total █▇▆▆  14 → 9')
    const block = renderChecklist([], status)
    expect(block).toContain('**Warnings:** 9 now (b 6, a 3); 14 on 2 Dec.')
    expect(block).toContain('a     ▅▄▃▃  8 → 3')
    const report = { verdict: { stable: false, reasons: [], warnings: [] } } as never
    const comment = escalationComment(status, report, { escalateTo: [], label: 'l', labelled: true })
    expect(comment).toContain('**Warnings:** warnings 14 → 9 since 2 Dec.')
    expect(comment).toContain('a     ▅▄▃▃  8 → 3')
  })

  it('a changed count rewrites the checklist; the same counts in one run more leave it as it was', () => {
    const at = new Date('2026-12-07T00:00:00Z')
    const block = (rs: RunRecord[]) => renderChecklist([], deriveStatus(rs, at, null))
    const digest = (s: string) => /digest=([0-9a-f]+)/.exec(s)![1]
    const again = [
      ...runs,
      { ...runs.at(-1)!, at: '2026-12-06T09:00:00.000Z', runUrl: 'https://example.test/run/2' }
    ]
    expect(digest(block(again))).toBe(digest(block(runs)))
    const fewer = [
      ...runs.slice(0, -1),
      run(6, { a: { unused_variables: ids(2) }, b: { 'clippy::ptr_arg': ids(6) } })
    ]
    expect(digest(block(fewer))).not.toBe(digest(block(runs)))
  })
})
