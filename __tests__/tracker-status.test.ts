// The stabilization status from a run history and an injected clock: since when, for how long, which
// conflicts the stretch found and which are gone, when escalation is due, and the one-line rendering.
import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../src/capabilities/tracker/duration.js'
import {
  appendRun,
  FINDINGS_PER_RUN,
  HISTORY_LIMIT,
  HISTORY_MAX_BYTES,
  parseHistory,
  serializeHistory,
  type RunFinding,
  type RunRecord
} from '../src/capabilities/tracker/history.js'
import { deriveStatus } from '../src/capabilities/tracker/status.js'
import { statusLine } from '../src/capabilities/tracker/status-line.js'
import type { FindingCode } from '../src/findings/codes.js'

const DAY = 86_400_000
const T0 = Date.parse('2026-11-20T03:00:00Z')
const at = (days: number) => new Date(T0 + days * DAY).toISOString()
const conflict = (
  code: FindingCode,
  crate: string,
  severity: RunFinding['severity'] = 'block'
): RunFinding => ({
  code,
  crate,
  severity,
  count: 1
})
const run = (days: number, stable: boolean, sha: string, findings: RunFinding[] = []): RunRecord => ({
  at: at(days),
  sha: sha.repeat(40).slice(0, 40),
  runUrl: `https://github.com/o/r/actions/runs/${days}`,
  stable,
  findings
})
const base64 = conflict('single-version', 'base64')
const base64ct = conflict('msrv', 'base64ct')
const itoa = conflict('duplicate-versions', 'itoa', 'warn')

describe('stabilization status from the run history', () => {
  const stretch = [
    run(0, true, 'a'),
    run(1, false, 'b', [base64, base64ct, itoa]),
    run(2, false, 'c', [base64, base64ct]),
    run(3, false, 'd', [base64ct, conflict('compile-errors', 'toka-core')])
  ]

  it('an unstable stretch: since its first run, for as long as the clock says, 1 of 3 conflicts resolved', () => {
    const s = deriveStatus(stretch, new Date(T0 + 3 * DAY), 3 * DAY)
    expect(s.stable).toBe(false)
    expect(s.unstableSince).toEqual({ at: at(1), sha: 'b'.repeat(40) })
    expect(s.forMs).toBe(2 * DAY)
    // base64 and itoa are gone, base64ct is still there; a compile error is not a dependency conflict.
    expect(s.conflicts).toEqual({
      found: ['duplicate-versions:itoa', 'msrv:base64ct', 'single-version:base64'],
      resolved: ['duplicate-versions:itoa', 'single-version:base64'],
      open: ['msrv:base64ct']
    })
    expect(s.escalation).toEqual({ afterMs: 3 * DAY, dueAt: at(4), due: false })
    expect(statusLine(s, new Date(T0 + 3 * DAY))).toBe(
      'unstable for 2 days since bbbbbbb, 2 of 3 conflicts resolved; escalates in 1 day'
    )
  })

  it('escalation is due once the stretch is older than escalate-after, and off means never', () => {
    const now = new Date(T0 + 4 * DAY + 1000)
    expect(deriveStatus(stretch, now, 3 * DAY).escalation.due).toBe(true)
    expect(statusLine(deriveStatus(stretch, now, 3 * DAY), now)).toMatch(/; past escalate-after \(3 days\)$/)
    expect(statusLine(deriveStatus(stretch, now, 3 * DAY), now, true)).toMatch(
      /; escalated \(unstable longer than 3 days\)$/
    )
    const off = deriveStatus(stretch, now, null)
    expect(off.escalation).toEqual({ afterMs: null, dueAt: null, due: false })
    expect(statusLine(off, now)).toBe('unstable for 3 days since bbbbbbb, 2 of 3 conflicts resolved')
  })

  it('the stable run that ends the stretch resolves every conflict it had; the next stable run no longer reports the stretch', () => {
    const fixed = [...stretch, run(4, true, 'e')]
    const s = deriveStatus(fixed, new Date(T0 + 4 * DAY), 3 * DAY)
    expect(s.stable).toBe(true)
    expect(s.unstableSince).toBeNull()
    expect(s.conflicts.resolved).toHaveLength(3)
    expect(s.conflicts.open).toEqual([])
    expect(s.endedStretch).toEqual({ since: { at: at(1), sha: 'b'.repeat(40) }, forMs: 3 * DAY })
    expect(s.escalation.due).toBe(false)
    expect(statusLine(s, new Date(T0 + 4 * DAY))).toBe(
      'stable again since eeeeeee, after 3 days unstable; 3 of 3 conflicts resolved'
    )
    const later = deriveStatus([...fixed, run(6, true, 'f')], new Date(T0 + 6 * DAY), 3 * DAY)
    expect(later.endedStretch).toBeNull()
    expect(statusLine(later, new Date(T0 + 6 * DAY))).toBe('stable for 2 days since eeeeeee')
  })

  it('a first run is its own stretch; runs are ordered by time even when a concurrent writer appended out of order', () => {
    const first = deriveStatus([run(0, false, 'a', [base64])], new Date(T0), 3 * DAY)
    expect(statusLine(first, new Date(T0))).toBe(
      'unstable since this run (aaaaaaa), 0 of 1 conflict resolved; escalates in 3 days'
    )
    const shuffled = [stretch[2], stretch[0], stretch[1], stretch[3]]
    expect(deriveStatus(shuffled, new Date(T0 + 3 * DAY), 3 * DAY).unstableSince?.sha).toBe('b'.repeat(40))
  })

  it('allowed and informational findings are not conflicts', () => {
    const s = deriveStatus(
      [
        run(0, true, 'a', [
          conflict('duplicate-versions', 'memchr', 'allowed'),
          conflict('msrv', 'x', 'info')
        ])
      ],
      new Date(T0),
      null
    )
    expect(s.conflicts.found).toEqual([])
  })
})

describe('the history stays bounded and a rerun of the same outcome adds nothing', () => {
  it(`keeps the last ${HISTORY_LIMIT} runs`, () => {
    let h = null
    for (let n = 0; n < HISTORY_LIMIT + 5; n++) h = appendRun(h, run(n, n % 2 === 0, n.toString(16)))
    expect(h!.runs).toHaveLength(HISTORY_LIMIT)
    expect(h!.runs[0].at).toBe(at(5))
  })

  it(`keeps ${FINDINGS_PER_RUN} folded findings per run, blocking ones and conflicts first, and stays under ${HISTORY_MAX_BYTES} bytes`, () => {
    const many = (n: number): RunFinding[] =>
      Array.from({ length: n }, (_, i) => conflict('warnings', `crate-${i}`.padEnd(60, 'x'), 'warn'))
    const one = appendRun(null, run(0, false, 'a', [...many(150), base64]))
    expect(one.runs[0].findings).toHaveLength(FINDINGS_PER_RUN)
    expect(one.runs[0].findings[0]).toEqual(base64)
    let h = one
    for (let n = 1; n < HISTORY_LIMIT; n++) h = appendRun(h, run(n, false, n.toString(16), many(120)))
    const text = serializeHistory(h)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(HISTORY_MAX_BYTES)
    expect(h.runs.length).toBeLessThan(HISTORY_LIMIT)
    expect(h.runs.at(-1)!.at).toBe(at(HISTORY_LIMIT - 1))
    expect(parseHistory(text, 'x')).toEqual(h)
  })

  it('same commit, verdict and findings: the same history object (the store then writes nothing)', () => {
    const h = appendRun(null, run(0, false, 'a', [base64, itoa]))
    const rerun = { ...run(1, false, 'a', [itoa, base64]) }
    expect(appendRun(h, rerun)).toBe(h)
    expect(appendRun(h, run(1, false, 'b', [itoa, base64])).runs).toHaveLength(2)
    expect(appendRun(h, run(1, false, 'a', [base64])).runs).toHaveLength(2)
  })

  it('a warning that varies between identical runs (build time not comparable yet) does not make a run new', () => {
    const h = appendRun(null, run(0, true, 'a'))
    const slower = conflict('build-time-not-comparable', '', 'warn')
    expect(appendRun(h, run(1, true, 'a', [{ ...slower, crate: null }]))).toBe(h)
    expect(
      appendRun(h, run(1, true, 'a', [conflict('build-time-regression', '', 'block')])).runs
    ).toHaveLength(2)
  })
})

describe('durations', () => {
  it.each([
    ['3d', 3 * DAY],
    ['12h', 12 * 3_600_000],
    ['90m', 90 * 60_000],
    ['1s', 1000],
    ['1d12h', 1.5 * DAY],
    ['1w', 7 * DAY],
    ['off', null],
    ['3 days', undefined],
    ['0d', undefined],
    ['-1h', undefined],
    ['', undefined]
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it('says the largest whole unit', () => {
    expect(formatDuration(2 * DAY + 5 * 3_600_000)).toBe('2 days')
    expect(formatDuration(3_600_000)).toBe('1 hour')
    expect(formatDuration(90_000)).toBe('1 minute')
    expect(formatDuration(400)).toBe('less than a second')
  })
})
