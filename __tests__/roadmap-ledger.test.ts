// The roadmap's ledger of what it announced, and what to announce against it. Pure: the runs that
// write it through GitHub are in workstreams-faults and github-faults.e2e.
import { describe, expect, it } from '@jest/globals'
import { announcedInIssues, announcements, isEmpty } from '../src/capabilities/roadmap/announce.js'
import {
  CLAIM_LAPSES_MS,
  confirmed,
  emptyLedger,
  lastAnnounced,
  LedgerError,
  ledgerCodec,
  parseLedger,
  released,
  withClaim,
  type Claim,
  type Ledger
} from '../src/capabilities/roadmap/ledger.js'
import type { Workstream } from '../src/capabilities/roadmap/model.js'
import type { Readiness } from '../src/capabilities/roadmap/readiness.js'

const NOW = new Date('2026-03-01T12:00:00Z')
const ws = (name: string, branch: string | null = `feature/${name}`): Workstream => ({
  name,
  title: name,
  branch,
  priority: null,
  objectives: [],
  required: [{ name: 'gate', reason: null }],
  optional: [],
  source: { file: 'plan.yaml', key: name }
})
const WORKSTREAMS = [ws('gate'), ws('a'), ws('b'), ws('c', null), ws('done')]
const ready = (name: string, state: 'ready' | 'blocked' = 'ready'): Readiness => ({
  name,
  state,
  reasons: [],
  isGate: name === 'gate',
  done: name === 'done'
})
const claim = (id: string, minutesAgo: number, workstreams: Claim['workstreams']): Claim => ({
  id,
  at: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  runUrl: null,
  workstreams
})

describe('what to announce', () => {
  const all = [ready('gate'), ready('a'), ready('b', 'blocked'), ready('c'), ready('done')]

  it('everything never announced, the gate and finished workstreams aside; a branch once it exists', () => {
    const a = announcements({
      readiness: all,
      workstreams: WORKSTREAMS,
      last: new Map(),
      branches: new Set(['feature/a'])
    })
    expect(a).toEqual({
      unblocked: ['a', 'c'],
      blocked: ['b'],
      branchesCreated: ['feature/a'],
      record: {
        a: { state: 'ready', branch: 'feature/a' },
        b: { state: 'blocked', branch: null },
        c: { state: 'ready', branch: null }
      }
    })
    expect(isEmpty(a)).toBe(false)
    // Once recorded, the same world announces nothing.
    const again = announcements({
      readiness: all,
      workstreams: WORKSTREAMS,
      last: new Map(Object.entries(a.record)),
      branches: new Set(['feature/a'])
    })
    expect(isEmpty(again)).toBe(true)
  })

  it('a branch that appears later is reported once, without a change of state; re-blocking keeps it', () => {
    const last = new Map([['a', { state: 'ready' as const, branch: null }]])
    const a = announcements({
      readiness: [ready('a')],
      workstreams: WORKSTREAMS,
      last,
      branches: new Set(['feature/a'])
    })
    expect([a.unblocked, a.branchesCreated, a.record]).toEqual([
      [],
      ['feature/a'],
      { a: { state: 'ready', branch: 'feature/a' } }
    ])
    const blocked = announcements({
      readiness: [ready('a', 'blocked')],
      workstreams: WORKSTREAMS,
      last: new Map(Object.entries(a.record)),
      branches: new Set(['feature/a'])
    })
    expect(blocked.record).toEqual({ a: { state: 'blocked', branch: 'feature/a' } })
    const readyAgain = announcements({
      readiness: [ready('a')],
      workstreams: WORKSTREAMS,
      last: new Map(Object.entries(blocked.record)),
      branches: new Set(['feature/a'])
    })
    expect([readyAgain.unblocked, readyAgain.branchesCreated]).toEqual([['a'], []])
  })

  it('a blocked workstream’s branch is never reported created', () => {
    const a = announcements({
      readiness: [ready('b', 'blocked')],
      workstreams: WORKSTREAMS,
      last: new Map(),
      branches: new Set(['feature/b'])
    })
    expect([a.branchesCreated, a.record]).toEqual([[], { b: { state: 'blocked', branch: null } }])
  })

  it('before the ledger: the markers of an earlier release count, nothing else does', () => {
    const issue = (body: string | null) => ({
      number: 1,
      state: 'open' as const,
      labels: ['status:ready'],
      body
    })
    const seeded = announcedInIssues(
      new Map([
        ['a', issue('x\n<!-- build-gate:announced=ready -->')],
        ['b', issue('<!-- build-gate:announced=none -->')],
        ['c', issue('labelled by hand')],
        ['done', issue('<!-- build-gate:announced=blocked -->')]
      ]),
      WORKSTREAMS,
      new Set(['feature/a', 'feature/done'])
    )
    expect([...seeded]).toEqual([
      ['a', { state: 'ready', branch: 'feature/a' }],
      ['done', { state: 'blocked', branch: null }]
    ])
  })
})

describe('the ledger', () => {
  const entries = { a: { state: 'ready' as const, branch: 'feature/a' } }

  it('counts the claims still in time over what was confirmed, in order', () => {
    const l: Ledger = {
      ...emptyLedger(),
      workstreams: { a: { state: 'blocked', branch: null }, b: { state: 'blocked', branch: null } },
      claims: [
        claim('old', CLAIM_LAPSES_MS / 60_000 + 1, { b: { state: 'ready', branch: null } }),
        claim('first', 2, entries),
        claim('second', 1, { a: { state: 'blocked', branch: 'feature/a' } })
      ]
    }
    expect(Object.fromEntries(lastAnnounced(l, NOW))).toEqual({
      a: { state: 'blocked', branch: 'feature/a' },
      b: { state: 'blocked', branch: null }
    })
    // A claim just inside the time still holds.
    const edge = { ...emptyLedger(), claims: [claim('edge', CLAIM_LAPSES_MS / 60_000 - 0.01, entries)] }
    expect(lastAnnounced(edge, NOW).get('a')).toEqual(entries.a)
  })

  it('confirms a claim into what was announced, or releases it; another run’s claim is left alone', () => {
    const mine = claim('mine', 0, entries)
    const theirs = claim('theirs', 0, { b: { state: 'ready', branch: null } })
    const l = withClaim(withClaim(emptyLedger(), theirs, NOW), mine, NOW)
    expect(confirmed(l, 'mine')).toEqual({ ...emptyLedger(), workstreams: entries, claims: [theirs] })
    expect(released(l, 'mine')).toEqual({ ...emptyLedger(), claims: [theirs] })
    // Nothing to do: the very same document, so the store writes nothing.
    expect(confirmed(l, 'gone')).toBe(l)
    expect(released(l, 'gone')).toBe(l)
    // Lapsed claims go when a new one is made.
    const lapsed = { ...emptyLedger(), claims: [claim('dead', 60, entries)] }
    expect(withClaim(lapsed, mine, NOW).claims).toEqual([mine])
  })

  it('starts empty, and reads back what it writes', () => {
    expect(emptyLedger()).toEqual({
      format: 'build-gate-announcements',
      version: 1,
      workstreams: {},
      claims: []
    })
    const both = { ...entries, b: { state: 'blocked' as const, branch: null } }
    const l = withClaim({ ...emptyLedger(), workstreams: both }, claim('x', 0, entries), NOW)
    expect(parseLedger(ledgerCodec.serialize(l), 'f')).toEqual(l)
  })

  it('a claim exactly as old as the limit has lapsed', () => {
    const edge = { ...emptyLedger(), claims: [claim('edge', CLAIM_LAPSES_MS / 60_000, entries)] }
    expect(lastAnnounced(edge, NOW).size).toBe(0)
  })

  it.each([
    ['{', /^Roadmap announcements f: not valid JSON \(/],
    ['[]', /no "format": "build-gate-announcements"/],
    ['null', /no "format": "build-gate-announcements"/],
    ['{"format": "build-gate-baseline", "version": 1}', /no "format": "build-gate-announcements"/],
    ['{"format": "build-gate-announcements", "version": 2}', /schema version 2 is not supported/],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": [], "claims": []}',
      /"workstreams" must be an object/
    ],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": {"a": {"state": "done", "branch": null}}, "claims": []}',
      /workstreams\["a"\] must be \{"state": "ready" \| "blocked", "branch": string \| null\}/
    ],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": {"a": {"state": "ready"}}, "claims": []}',
      /workstreams\["a"\] must be/
    ],
    ['{"format": "build-gate-announcements", "version": 1, "workstreams": {}}', /"claims" must be a list/],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": {}, "claims": [{"id": "x", "at": "soon", "workstreams": {}}]}',
      /claims\[0\] needs an "id" and an ISO time "at"/
    ],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": {}, "claims": [7]}',
      /claims\[0\] needs an "id"/
    ],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": {}, "claims": [{"id": 7, "at": "2026-01-01T00:00:00Z", "workstreams": {}}]}',
      /claims\[0\] needs an "id"/
    ],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": {"a": {"state": "ready", "branch": 7}}, "claims": []}',
      /workstreams\["a"\] must be/
    ],
    [
      '{"format": "build-gate-announcements", "version": 1, "workstreams": {}, "claims": [{"id": "x", "at": "2026-01-01T00:00:00Z", "workstreams": 3}]}',
      /"claims\[0\]\.workstreams" must be an object/
    ]
  ])('refuses %s, saying what is wrong and to fix or delete it', (text, why) => {
    const thrown = (() => {
      try {
        parseLedger(text, 'f')
      } catch (e) {
        return e
      }
      return null
    })() as Error
    expect(thrown).toBeInstanceOf(LedgerError)
    expect(thrown.message).toMatch(why)
    expect(thrown.message).toMatch(
      /fix or delete it \(deleted, the next run announces every workstream's state again\)\.$/
    )
  })
})
