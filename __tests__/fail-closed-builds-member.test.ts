// Which members a check or a test build must have built, and when cargo's refusal of --timings is the empty
// build's and not a failure. Pure (no cargo): part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { buildsMember } from '../src/cargo/builds-member.js'
import type { MetadataPackage, MetadataTarget } from '../src/cargo/metadata.js'
import { refusedEmptyReport } from '../src/capabilities/timing/timing-reports.js'
import { phaseResult } from './support/phase-result.js'

const target = (kind: string, test: boolean, doctest = false): MetadataTarget => ({
  name: 'x',
  kind: [kind],
  crate_types: [kind],
  src_path: 'src/lib.rs',
  edition: '2021',
  test,
  doctest
})

const pkg = (...targets: MetadataTarget[]): MetadataPackage => ({
  id: 'path+file:///w/x#0.1.0',
  name: 'x',
  version: '0.1.0',
  edition: '2021',
  rust_version: null,
  manifest_path: '/w/x/Cargo.toml',
  source: null,
  dependencies: [],
  targets,
  features: {}
})

describe('what cargo test builds of a member', () => {
  const optedOutLib = pkg(target('lib', false, false))
  const optedOutBin = pkg(target('bin', false))

  it('by default: a tested target, a doc-tested lib, or an example', () => {
    expect(buildsMember(optedOutLib, ['--workspace'], 'test')).toBe(false)
    expect(buildsMember(optedOutBin, [], 'test')).toBe(false)
    expect(buildsMember(pkg(target('lib', false, true)), [], 'test')).toBe(true)
    expect(buildsMember(pkg(target('lib', false, false), target('example', false)), [], 'test')).toBe(true)
    expect(buildsMember(pkg(target('bench', true)), [], 'test')).toBe(true)
    expect(buildsMember(pkg(target('lib', true, true)), [], 'test')).toBe(true)
  })

  it('cargo check by default: a lib or a bin, whatever their test flags; not a member of tests only', () => {
    expect(buildsMember(optedOutLib, ['--workspace'], 'check')).toBe(true)
    expect(buildsMember(optedOutBin, [], 'check')).toBe(true)
    expect(buildsMember(pkg(target('proc-macro', true)), [], 'check')).toBe(true)
    expect(buildsMember(pkg(target('test', true)), ['--workspace'], 'check')).toBe(false)
    expect(buildsMember(pkg(target('example', false), target('bench', true)), [], 'check')).toBe(false)
    expect(buildsMember(pkg(target('test', true)), ['--all-targets'], 'check')).toBe(true)
    expect(buildsMember(pkg(target('test', true)), ['--tests'], 'check')).toBe(true)
  })

  it('expects a build when the metadata has no test flag (an older cargo)', () => {
    const old = { ...target('lib', true), test: undefined } as unknown as MetadataTarget
    expect(buildsMember(pkg(old), [], 'test')).toBe(true)
  })

  it('with target flags: a target of a selected kind, whatever its test flag', () => {
    expect(buildsMember(optedOutBin, ['--bins'], 'test')).toBe(true)
    expect(buildsMember(optedOutBin, ['--bin', 'x'], 'test')).toBe(true)
    expect(buildsMember(optedOutBin, ['--lib'], 'test')).toBe(false)
    expect(buildsMember(optedOutLib, ['--lib'], 'test')).toBe(true)
    expect(buildsMember(optedOutLib, ['--tests'], 'test')).toBe(false)
    expect(buildsMember(pkg(target('test', false)), ['--tests'], 'test')).toBe(true)
    expect(buildsMember(pkg(target('test', false)), ['--test=it'], 'test')).toBe(true)
    expect(buildsMember(optedOutLib, ['--examples'], 'test')).toBe(false)
    expect(buildsMember(pkg(target('example', false)), ['--example', 'e'], 'test')).toBe(true)
    expect(buildsMember(pkg(target('bench', false)), ['--benches'], 'test')).toBe(true)
    expect(buildsMember(pkg(target('bench', false)), ['--bench', 'b'], 'test')).toBe(true)
    expect(buildsMember(optedOutBin, ['--all-targets'], 'test')).toBe(true)
    expect(buildsMember(pkg(target('lib', true)), ['--tests'], 'test')).toBe(true)
    expect(buildsMember(pkg(target('example', false)), ['--examples'], 'test')).toBe(true)
    // Any target of any selected kind will do.
    expect(buildsMember(pkg(target('lib', false), target('bin', false)), ['--bins'], 'test')).toBe(true)
    expect(buildsMember(optedOutBin, ['--lib', '--bins'], 'test')).toBe(true)
  })

  it('counts a target with required-features only when the args enable them', () => {
    const cli = { ...target('bin', true), 'required-features': ['cli'] }
    const withFeatures = (features: Record<string, string[]>) => ({ ...pkg(cli), features })
    const tool = withFeatures({ cli: [] })
    expect(buildsMember(tool, ['--workspace'], 'test')).toBe(false)
    expect(buildsMember(tool, ['--workspace'], 'check')).toBe(false)
    for (const args of [
      ['--all-features'],
      ['--features', 'cli'],
      ['--features=cli'],
      ['-F', 'x,cli'],
      ['-Fcli'],
      ['-F=cli'],
      ['--features', 'x cli'],
      // The package of these tests is named x.
      ['--features', 'x/cli']
    ])
      expect([args, buildsMember(tool, args, 'test')]).toEqual([args, true])
    expect(buildsMember(tool, ['--features', 'y/cli'], 'test')).toBe(false)
    expect(buildsMember(tool, ['--workspace', '--features', 'cli'], 'test')).toBe(true)
    // A `--features` without its value is cargo's to refuse; here it enables nothing.
    expect(buildsMember(tool, ['--features'], 'test')).toBe(false)
    // Through `default` and the features it enables in turn, unless default features are off.
    const byDefault = withFeatures({ default: ['full'], full: ['cli', 'dep:x', 'x/y'], cli: [] })
    expect(buildsMember(byDefault, [], 'test')).toBe(true)
    expect(buildsMember(byDefault, ['--no-default-features'], 'test')).toBe(false)
    expect(buildsMember(withFeatures({ default: ['dep:cli', 'cli/x'] }), [], 'test')).toBe(false)
    // Features that enable each other: the expansion ends.
    const cycle = withFeatures({ default: ['a'], a: ['b'], b: ['a', 'cli'], cli: [] })
    expect(buildsMember(cycle, [], 'test')).toBe(true)
    // A requirement on a dependency's feature is not resolved here: such a target is not counted on.
    const depFeature = { ...pkg({ ...target('bin', true), 'required-features': ['serde/std'] }) }
    expect(buildsMember({ ...depFeature, features: { default: ['serde/std'] } }, [], 'test')).toBe(false)
  })

  it('reads flags before `--` only: after it they are the harness’s', () => {
    expect(buildsMember(optedOutLib, ['--', '--lib'], 'test')).toBe(false)
    expect(buildsMember(optedOutLib, ['--lib', '--', '--nocapture'], 'test')).toBe(true)
  })
})

describe("cargo's refusal of --timings for a build with nothing to build", () => {
  const refusal = 'error: failed to render timing report\n\nCaused by:\n  no timing data found in log'
  const empty = { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } }

  it('is recognised only when cargo failed, built no unit, and said so', () => {
    const refused = phaseResult('test-build', { exitCode: 101, units: empty, cargoErrors: [refusal] })
    expect(refusedEmptyReport(refused)).toBe(true)
    expect(refusedEmptyReport({ ...refused, exitCode: 0 })).toBe(false)
    expect(refusedEmptyReport({ ...refused, cargoErrors: ['error: could not compile `x`'] })).toBe(false)
    for (const units of [
      { ...empty, workspace: { compiled: 1, fresh: 0 } },
      { ...empty, workspace: { compiled: 0, fresh: 1 } },
      { ...empty, dependencies: { compiled: 1, fresh: 0 } },
      { ...empty, dependencies: { compiled: 0, fresh: 1 } }
    ])
      expect(refusedEmptyReport({ ...refused, units })).toBe(false)
  })
})
