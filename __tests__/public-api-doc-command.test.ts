// The rustdoc run's command line: which cargo flags a toolchain is given, from its own release.
import { describe, expect, it } from '@jest/globals'
import { checksumFreshness, docCommand } from '../src/capabilities/public-api/rustdoc-run.js'

const crate = { name: 'api', version: '1.0.0', libName: 'api' }

describe('cargo doc by content where the toolchain knows how', () => {
  it.each([
    ['1.95.0', true],
    ['1.83.0', true],
    ['1.96.0-nightly', true],
    ['1.82.0', false],
    ['1.75.0', false],
    [null, false],
    ['', false],
    ['not a version', false]
  ])('rustc release %p → by content %p', (release, expected) => {
    expect(checksumFreshness(release)).toBe(expected)
  })

  it('the flag comes before the subcommand, after the toolchain; absent when not asked', () => {
    const base = { toolchain: '1.90', features: ['--all-features'], crates: [crate] }
    expect(docCommand({ ...base, byContent: true }).slice(0, 3)).toEqual([
      '+1.90',
      '-Zchecksum-freshness',
      'doc'
    ])
    expect(docCommand({ ...base, byContent: false })).not.toContain('-Zchecksum-freshness')
    expect(docCommand({ ...base, byContent: false }).slice(0, 2)).toEqual(['+1.90', 'doc'])
  })
})
