// The ratchet's rules, pure: a warning's identity leaves its line out; per crate and lint the count
// must not grow (a multiset of identities); which record is the base; how big the history gets.
import { describe, expect, it } from '@jest/globals'
import { chooseBase } from '../src/capabilities/ratchet/base.js'
import { compareSets, within } from '../src/capabilities/ratchet/compare.js'
import { mergeRatchet } from '../src/capabilities/ratchet/merge.js'
import type { RatchetSection } from '../src/capabilities/ratchet/section.js'
import {
  appendRun,
  parseHistory,
  serializeHistory,
  type RunRecord
} from '../src/capabilities/tracker/history.js'
import { runRecord } from '../src/capabilities/tracker/record.js'
import { DiagnosticTally } from '../src/cargo/diagnostics.js'
import { boundedSet, countOf, warningIdentity, type WarningSet } from '../src/cargo/warning-set.js'
import { ConfigError } from '../src/inputs.js'
import { parseConfig } from '../src/pipeline/config.js'
import type { Diagnostic } from '../src/report/schema.js'

const warning = (
  crate: string,
  code: string,
  message: string,
  line: number,
  file = 'src/lib.rs'
): Diagnostic => ({
  severity: 'warning',
  crate,
  code,
  message,
  rendered: message,
  span: { file, line, column: 9, endLine: line, endColumn: 10 },
  phase: 'check'
})

const setOf = (...ds: Diagnostic[]): WarningSet => {
  const tally = new DiagnosticTally()
  for (const d of ds) tally.add(d)
  return tally.section().warningSet!
}

describe('warning identity', () => {
  it('is crate, lint, file and message: the line is not part of it', () => {
    const at = (line: number) =>
      warningIdentity(warning('a', 'unused_variables', 'unused variable: `x`', line))
    expect(at(2)).toBe(at(40))
    expect(at(2)).not.toBe(warningIdentity(warning('a', 'unused_variables', 'unused variable: `y`', 2)))
    expect(at(2)).not.toBe(warningIdentity(warning('b', 'unused_variables', 'unused variable: `x`', 2)))
    expect(at(2)).not.toBe(
      warningIdentity(warning('a', 'unused_variables', 'unused variable: `x`', 2, 'src/m.rs'))
    )
    expect(at(2)).toMatch(/^[A-Za-z0-9_-]{8}$/)
  })

  it('counts the same warning twice in a file twice, and a replay (same line) once', () => {
    const x = (line: number) => warning('a', 'unused_variables', 'unused variable: `x`', line)
    const set = setOf(x(2), x(2), x(9))
    expect(countOf(set.a.unused_variables)).toBe(2)
  })
})

describe('compareSets', () => {
  const base = setOf(
    warning('a', 'unused_variables', 'unused variable: `x`', 2),
    warning('a', 'unused_variables', 'unused variable: `y`', 3),
    warning('a', 'dead_code', 'function `f` is never used', 5)
  )

  it('finds nothing new when the warnings moved', () => {
    const moved = setOf(
      warning('a', 'unused_variables', 'unused variable: `x`', 12),
      warning('a', 'unused_variables', 'unused variable: `y`', 13),
      warning('a', 'dead_code', 'function `f` is never used', 15)
    )
    expect(compareSets(base, moved)).toEqual({ grown: [], fewer: 0 })
  })

  it('names the new identity of a lint that grew, and counts what went away elsewhere', () => {
    const now = setOf(
      warning('a', 'unused_variables', 'unused variable: `x`', 2),
      warning('a', 'unused_variables', 'unused variable: `y`', 3),
      warning('a', 'unused_variables', 'unused variable: `z`', 4)
    )
    const z = warningIdentity(warning('a', 'unused_variables', 'unused variable: `z`', 0))
    expect(compareSets(base, now)).toEqual({
      grown: [{ crate: 'a', lint: 'unused_variables', base: 2, now: 3, added: [z] }],
      fewer: 1
    })
  })

  it('holds a count per crate and lint: one warning swapped for another of the same lint passes', () => {
    const swapped = setOf(
      warning('a', 'unused_variables', 'unused variable: `x`', 2),
      warning('a', 'unused_variables', 'unused variable: `renamed`', 3),
      warning('a', 'dead_code', 'function `f` is never used', 5)
    )
    expect(compareSets(base, swapped).grown).toEqual([])
  })

  it('a lint new to a crate, or a crate new to the workspace, grew from 0', () => {
    const now = { ...base, c: { 'clippy::needless_return': 'AAAAAAAA' } }
    expect(compareSets(base, now).grown).toEqual([
      { crate: 'c', lint: 'clippy::needless_return', base: 0, now: 1, added: ['AAAAAAAA'] }
    ])
  })

  it('a lint that went down part of the way counts what went, and the same warning thrice against twice is one new', () => {
    const x = (line: number) => warning('a', 'unused_variables', 'unused variable: `x`', line)
    const three = setOf(x(1), x(2), x(3), warning('a', 'dead_code', 'function `f` is never used', 5))
    const one = setOf(x(1))
    // Three unused_variables down to one and dead_code gone: 3 fewer.
    expect(compareSets(three, one)).toEqual({ grown: [], fewer: 3 })
    const twice = setOf(x(1), x(2))
    expect(compareSets(twice, setOf(x(1), x(2), x(3))).grown).toEqual([
      { crate: 'a', lint: 'unused_variables', base: 2, now: 3, added: [warningIdentity(x(0))] }
    ])
  })

  it('lists the groups that grew by crate, then lint, whatever order the warnings came in', () => {
    const now = setOf(
      warning('z', 'unused_variables', 'u', 1),
      warning('b', 'unused_variables', 'u', 1),
      warning('b', 'dead_code', 'd', 1)
    )
    expect(compareSets({}, now).grown.map(g => `${g.crate} ${g.lint}`)).toEqual([
      'b dead_code',
      'b unused_variables',
      'z unused_variables'
    ])
  })

  it('against a base that kept only a count, holds the count and names none', () => {
    const now = setOf(
      warning('a', 'unused_variables', 'unused variable: `x`', 2),
      warning('a', 'unused_variables', 'unused variable: `y`', 3),
      warning('a', 'unused_variables', 'unused variable: `z`', 4)
    )
    expect(compareSets({ a: { unused_variables: 2 } }, now).grown).toEqual([
      { crate: 'a', lint: 'unused_variables', base: 2, now: 3, added: [] }
    ])
    expect(compareSets({ a: { unused_variables: 3 } }, now).grown).toEqual([])
  })
})

describe('the crates a run judged', () => {
  const base = setOf(warning('a', 'unused_variables', 'x', 1), warning('b', 'dead_code', 'y', 1))
  const now = setOf(warning('a', 'unused_variables', 'x', 2))

  it('a crate this run did not judge (another shard, never reached) is neither gone nor new', () => {
    expect(compareSets(base, now).fewer).toBe(1)
    expect(compareSets(within(base, new Set(['a'])), now)).toEqual({ grown: [], fewer: 0 })
    expect(within(base, null)).toBe(base)
    expect(Object.keys(within(base, new Set(['b', 'c'])))).toEqual(['b'])
  })
})

describe('the shards’ ratchets merged', () => {
  const at = { sha: 'abc', at: '2026-12-01T00:00:00Z', runUrl: null, how: 'base-commit' as const }
  const section = (over: Partial<RatchetSection>): RatchetSection => ({
    base: at,
    noBase: null,
    grown: [],
    fewer: 0,
    baseWarnings: 0,
    warnings: 0,
    ...over
  })
  const group = (crate: string, lint: string) => ({ crate, lint, base: 0, now: 1, added: [], unnamed: 1 })

  it('joins the groups that grew (by crate and lint) and adds the counts', () => {
    const merged = mergeRatchet([
      section({ grown: [group('z', 'dead_code')], fewer: 1, baseWarnings: 3, warnings: 3 }),
      section({ grown: [group('b', 'unused_variables')], fewer: 2, baseWarnings: 4, warnings: 3 })
    ])
    expect(merged).toEqual({
      base: at,
      noBase: null,
      grown: [group('b', 'unused_variables'), group('z', 'dead_code')],
      fewer: 3,
      baseWarnings: 7,
      warnings: 6
    })
  })

  it('one shard without a base: the whole has none, says why, and celebrates nothing', () => {
    const merged = mergeRatchet([
      section({ fewer: 2, baseWarnings: 4, warnings: 2 }),
      section({ base: null, noBase: 'the run history could not be read: x', baseWarnings: null, warnings: 1 })
    ])
    expect(merged).toMatchObject({
      base: null,
      noBase: 'the run history could not be read: x',
      fewer: 0,
      baseWarnings: null,
      warnings: 3
    })
  })
})

describe('chooseBase', () => {
  const rec = (sha: string, day: number, warnings: WarningSet | null = {}): RunRecord => ({
    at: `2026-12-0${day}T00:00:00.000Z`,
    sha,
    runUrl: null,
    stable: true,
    findings: [],
    ...(warnings ? { warnings } : {})
  })
  const runs = [rec('c1', 1), rec('c2', 2), rec('c3', 3)]
  const pr = (baseSha?: string, baseRef = 'main') => ({
    sha: 'head',
    defaultBranch: 'main',
    pullRequest: { number: 1, fork: false, headRef: 'f', baseRef, ...(baseSha ? { baseSha } : {}) }
  })
  const never = async () => {
    throw new Error('git is not asked when the base commit has a record')
  }

  it("takes the record of the pull request's base commit", async () => {
    expect(await chooseBase(runs, pr('c2'), never)).toEqual({ record: runs[1], how: 'base-commit' })
  })

  it('else the latest record git places before the base commit', async () => {
    const ancestors = new Set(['c1', 'c2'])
    const asked: string[] = []
    const isAncestor = async (a: string, commit: string) => {
      asked.push(`${a}<${commit}`)
      return ancestors.has(a)
    }
    expect(await chooseBase(runs, pr('d9'), isAncestor)).toEqual({ record: runs[1], how: 'before-base' })
    expect(asked).toEqual(['c3<d9', 'c2<d9'])
  })

  it('else, when git cannot tell (a shallow clone), the latest record, said so', async () => {
    expect(await chooseBase(runs, pr('d9'), async () => null)).toEqual({ record: runs[2], how: 'latest' })
  })

  it('no record before the base commit, or a base branch trusted runs do not record: no base', async () => {
    expect(await chooseBase(runs, pr('d9'), async () => false)).toEqual({
      record: null,
      why: 'no recorded run is of the base commit d9 or before it'
    })
    expect(await chooseBase(runs, pr('c2', 'release'), never)).toEqual({
      record: null,
      why: "trusted runs record the default branch (main), and this pull request's base is release"
    })
    expect(await chooseBase([], pr('c2'), never)).toEqual({
      record: null,
      why: 'the run history has no recorded run yet'
    })
  })

  it('a base branch is only refused when both it and the default branch are known', async () => {
    const unknownDefault = { ...pr('c2', 'release'), defaultBranch: null }
    expect(await chooseBase(runs, unknownDefault, never)).toEqual({ record: runs[1], how: 'base-commit' })
    expect(await chooseBase(runs, pr('c2', ''), never)).toEqual({ record: runs[1], how: 'base-commit' })
  })

  it('a pull request whose base commit is unknown compares with the latest record, asking git nothing', async () => {
    expect(await chooseBase(runs, pr(), never)).toEqual({ record: runs[2], how: 'latest' })
  })

  it('asks git about the newest 30 records at most, and never about a record without a commit', async () => {
    const many = Array.from({ length: 40 }, (_, i) => rec(`s${i}`, 1, {})).map((r, i) => ({
      ...r,
      at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString()
    }))
    const noSha = { ...rec('', 2), sha: null as unknown as string }
    const asked: string[] = []
    const isAncestor = async (a: string) => {
      asked.push(a)
      return a === 's0'
    }
    // s0 is the oldest of 40: beyond the lookups, so no base, said with the commit's short name.
    expect(await chooseBase([...many, noSha], pr('d9d9d9d9d9d9'), isAncestor)).toEqual({
      record: null,
      why: 'no recorded run is of the base commit d9d9d9d or before it'
    })
    // The newest 30 records hold the one without a commit: 29 questions, none about an empty commit.
    expect(asked).toHaveLength(29)
    expect(asked.every(a => typeof a === 'string' && a !== '')).toBe(true)
  })

  it('a base record that kept no warnings is no base', async () => {
    const broken = [rec('c1', 1), rec('c2', 2, null)]
    expect(await chooseBase(broken, pr('c2'), never)).toMatchObject({
      record: null,
      why: expect.stringMatching(/^the base's record \(c2\) kept no warnings/)
    })
    const long = [rec('0123456789abcdef', 2, null)]
    expect(await chooseBase(long, pr('0123456789abcdef'), never)).toMatchObject({
      why: expect.stringMatching(/^the base's record \(0123456\) kept no warnings/)
    })
  })

  it('outside a pull request: the latest record of another commit (a rerun is not its own base)', async () => {
    const ctx = { sha: 'c3', defaultBranch: 'main', pullRequest: null }
    expect(await chooseBase(runs, ctx, never)).toEqual({ record: runs[1], how: 'previous-run' })
  })
})

describe('the run history with warnings', () => {
  const report = (errors: number, set: WarningSet) => ({
    verdict: { stable: true, reasons: [], warnings: [] },
    findings: [],
    diagnostics: {
      errors,
      warnings: 0,
      items: [],
      omitted: 0,
      dependencyWarnings: 0,
      dependencyErrors: [],
      warningSet: set
    },
    phases: [{ name: 'check' as const, ran: true, failure: null }] as never
  })
  const ctx = { sha: 'c1', runUrl: null }
  const now = new Date('2026-12-07T00:00:00Z')

  it('keeps the warnings of a whole build only: a build with compile errors did not see them all', () => {
    const set = { a: { unused_variables: 'AAAAAAAABBBBBBBB' } }
    expect(runRecord(report(0, set), ctx, now).warnings).toEqual({
      a: { unused_variables: 'AAAAAAAABBBBBBBB' }
    })
    expect(runRecord(report(1, set), ctx, now).warnings).toBeUndefined()
  })

  it('reads back what it wrote, and refuses a warnings field of another shape', () => {
    const set = { a: { unused_variables: 'AAAAAAAA', 'clippy::ptr_arg': 4 } }
    const h = appendRun(null, runRecord(report(0, set), ctx, now))
    expect(parseHistory(serializeHistory(h), 'h').runs[0].warnings).toEqual(set)
    const bad = serializeHistory(h).replace('"AAAAAAAA"', '"AAA"')
    expect(() => parseHistory(bad, 'h')).toThrow(/runs\[0\]\.warnings must map crates to lints/)
  })

  it('keeps identities in the last 30 runs; older runs keep counts per crate and lint', () => {
    let h = null as ReturnType<typeof appendRun> | null
    for (let i = 0; i < 32; i++)
      h = appendRun(h, {
        ...runRecord(
          report(0, { a: { unused_variables: 'AAAAAAAABBBBBBBB' } }),
          { sha: `c${i}`, runUrl: null },
          now
        )
      })
    expect(h!.runs.map(r => typeof r.warnings!.a.unused_variables)).toEqual([
      'number',
      'number',
      ...Array(30).fill('string')
    ])
    expect(h!.runs[0].warnings).toEqual({ a: { unused_variables: 2 } })
  })

  it('past the cap the largest lints keep only their count', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i).padStart(8, '0')).join('')
    const set = { a: { big: ids(30), small: ids(5) }, b: { mid: ids(10) } }
    expect(boundedSet(set, 20)).toEqual({ a: { big: 30, small: ids(5) }, b: { mid: ids(10) } })
    expect(boundedSet(set, 100)).toEqual(set)
  })

  it('costs 8 bytes per warning (plus a few per crate and lint) in the history file', () => {
    // Ten crates of 1000 warnings each, in five lints.
    const set: WarningSet = {}
    for (let c = 0; c < 10; c++)
      for (let l = 0; l < 5; l++)
        (set[`crate-${c}`] ??= {})[`lint_${l}`] = Array.from({ length: 200 }, (_, i) =>
          warningIdentity(warning(`crate-${c}`, `lint_${l}`, `m ${i}`, i))
        ).join('')
    const bare = serializeHistory(appendRun(null, runRecord(report(1, set), ctx, now))).length
    const full = serializeHistory(appendRun(null, runRecord(report(0, set), ctx, now))).length
    const perWarning = (full - bare) / 10_000
    expect(perWarning).toBeGreaterThanOrEqual(8)
    expect(perWarning).toBeLessThan(8.2)
  })
})

describe('deny-warnings', () => {
  const read = (v: string) => (name: string) => (name === 'deny-warnings' ? v : '')
  it('takes new besides true and false', () => {
    expect(parseConfig(read('new'), 'action', '/r')).toMatchObject({
      denyWarnings: false,
      warningRatchet: true
    })
    expect(parseConfig(read('true'), 'action', '/r')).toMatchObject({
      denyWarnings: true,
      warningRatchet: false
    })
    expect(parseConfig(read('false'), 'action', '/r')).toMatchObject({
      denyWarnings: false,
      warningRatchet: false
    })
  })

  it('refuses another word, naming the input and its values', () => {
    expect(() => parseConfig(read('newer'), 'action', '/r')).toThrow(ConfigError)
    expect(() => parseConfig(read('newer'), 'action', '/r')).toThrow(
      /Input 'deny-warnings': 'newer' is not a boolean nor new; use true \(every warning blocks\), false \(none does\) or new/
    )
  })
})
