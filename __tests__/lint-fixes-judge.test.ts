// When a lint fix counts as verified, from the warnings before and after it: the rules that
// lint-fixes.test.ts cannot reach with real cargo (cargo fix itself takes back a fix that does not
// compile under the check's own arguments).
import { describe, expect, it } from '@jest/globals'
import type { Measured, Measurement } from '../src/capabilities/lint-fixes/cargo.js'
import { judge } from '../src/capabilities/lint-fixes/verify.js'

const w = (identity: string, fixable: boolean, lint = 'unused_imports', file = 'a/src/lib.rs'): Measured => ({
  identity,
  crate: 'a',
  lint,
  file,
  rendered: `warning: ${identity}`,
  fixable
})
const m = (warnings: Measured[], errors: string[] = [], failure: string | null = null): Measurement => ({
  warnings,
  errors,
  failure
})

describe('judging a lint fix', () => {
  it('verified: the fixable warnings are gone, others may stay; fixed counts by crate, lint and file', () => {
    const j = judge(
      m([
        w('v1', true, 'unused_variables'),
        w('m1', true, 'unused_imports', 'a/src/main.rs'),
        w('i1', true),
        w('i1', true),
        w('d1', false, 'dead_code')
      ]),
      m([w('d1', false, 'dead_code')])
    )
    expect(j).toEqual({
      problem: null,
      details: [],
      fixed: [
        { crate: 'a', lint: 'unused_imports', file: 'a/src/lib.rs', count: 2 },
        { crate: 'a', lint: 'unused_imports', file: 'a/src/main.rs', count: 1 },
        { crate: 'a', lint: 'unused_variables', file: 'a/src/lib.rs', count: 1 }
      ]
    })
  })

  it('a warning alike to a fixed one that carried no suggestion may stay', () => {
    const j = judge(m([w('i1', false), w('i1', true), w('i1', true)]), m([w('i1', false)]))
    expect(j.problem).toBeNull()
    expect(j.fixed).toEqual([{ crate: 'a', lint: 'unused_imports', file: 'a/src/lib.rs', count: 2 }])
  })

  it('names at most ten new warnings, and counts them all', () => {
    const many = Array.from({ length: 12 }, (_, i) => w(`n${i}`, false))
    const j = judge(m([w('i1', true)]), m(many))
    expect(j.problem).toBe('12 new warnings after the fixes')
    expect(j.details).toEqual(many.slice(0, 10).map(x => x.rendered))
  })

  it('a new warning after the fix is not verified, named in rustc\u2019s words', () => {
    const j = judge(m([w('i1', true)]), m([w('n1', false, 'dead_code')]))
    expect(j.problem).toBe('1 new warning after the fixes')
    expect(j.details).toEqual(['warning: n1'])
  })

  it('one more of a warning it already had is new too (identities are counted)', () => {
    const j = judge(m([w('i1', true), w('d1', false)]), m([w('d1', false), w('d1', false)]))
    expect(j.problem).toBe('1 new warning after the fixes')
  })

  it('a fixable warning still there is not verified', () => {
    const j = judge(m([w('v1', true, 'unused_variables'), w('i1', true), w('i1', true)]), m([w('i1', true)]))
    expect(j.problem).toBe('1 machine-applicable warning still there after cargo fix')
    expect(j.details).toEqual(['warning: i1'])
    expect(j.fixed).toEqual([
      { crate: 'a', lint: 'unused_imports', file: 'a/src/lib.rs', count: 1 },
      { crate: 'a', lint: 'unused_variables', file: 'a/src/lib.rs', count: 1 }
    ])
  })

  it('compile errors, or a check that cannot be read, are never verified', () => {
    expect(judge(m([w('i1', true)]), m([], ['error[E0412]: cannot find type `HashMap`'])).problem).toBe(
      '1 compile error after the fixes (cargo check)'
    )
    expect(judge(m([w('i1', true)]), m([], [], 'cargo was killed'))).toMatchObject({
      problem: 'cargo check after the fixes failed: cargo was killed',
      details: []
    })
    const errors = Array.from({ length: 11 }, (_, i) => `error[E0425]: ${i}`)
    expect(judge(m([w('i1', true)]), m([], errors))).toMatchObject({
      problem: '11 compile errors after the fixes (cargo check)',
      details: errors.slice(0, 10)
    })
  })
})
