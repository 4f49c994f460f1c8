// When one `cargo build` may stand for `cargo check` + `cargo test --no-run`, and when it may not.
import { describe, expect, it } from '@jest/globals'
import { planBuild } from '../src/capabilities/build/compile-once.js'
import type { CargoMetadata, MetadataPackage } from '../src/cargo/metadata.js'

function pkg(name: string, kinds: string[], features: Record<string, string[]> = {}): MetadataPackage {
  return {
    id: `path+file:///ws/${name}#0.1.0`,
    name,
    version: '0.1.0',
    edition: '2021',
    rust_version: null,
    manifest_path: `/ws/${name}/Cargo.toml`,
    source: null,
    dependencies: [],
    targets: kinds.map(k => ({
      name,
      kind: [k],
      crate_types: [k],
      src_path: '',
      edition: '2021',
      test: true,
      doctest: false
    })),
    features
  }
}

function meta(
  ...packages: MetadataPackage[]
): Pick<CargoMetadata, 'packages' | 'workspace_members' | 'workspace_default_members'> {
  return {
    packages,
    workspace_members: packages.map(p => p.id),
    workspace_default_members: packages.map(p => p.id)
  }
}

const WS = meta(pkg('core', ['lib']), pkg('app', ['lib', 'bin']))
const DEFAULTS = {
  compileOnce: 'auto' as const,
  runTests: true,
  checkArgs: ['--workspace', '--all-features'],
  testArgs: ['--workspace']
}

describe('planBuild', () => {
  it('applies to the defaults on a workspace that declares no features (all features = none)', () => {
    expect(planBuild(DEFAULTS, WS)).toEqual({
      mode: 'compile-once',
      args: ['--workspace', '--all-features', '--lib', '--bins', '--tests', '--examples']
    })
  })

  it('falls back when the feature selections differ and a selected member has features', () => {
    const featured = meta(pkg('core', ['lib'], { extra: [] }), pkg('app', ['bin']))
    expect(planBuild(DEFAULTS, featured)).toEqual({
      mode: 'two-phase',
      reason: 'check-args and test-args select different features'
    })
    // The same features on both sides are fine.
    expect(planBuild({ ...DEFAULTS, testArgs: ['--all-features', '--workspace'] }, featured).mode).toBe(
      'compile-once'
    )
    expect(
      planBuild(
        {
          ...DEFAULTS,
          checkArgs: ['--workspace', '-F', 'extra'],
          testArgs: ['--workspace', '--features=extra']
        },
        featured
      ).mode
    ).toBe('compile-once')
  })

  it('falls back on another package selection, a profile, target flags or flags only one side has', () => {
    const plan = (checkArgs: string[], testArgs: string[]) =>
      planBuild({ ...DEFAULTS, checkArgs, testArgs }, WS)
    expect(plan(['--workspace'], ['-p', 'core'])).toEqual({
      mode: 'two-phase',
      reason: 'check-args and test-args select different packages'
    })
    expect(plan(['--workspace', '--release'], ['--workspace'])).toEqual({
      mode: 'two-phase',
      reason: 'check-args and test-args differ in their profile (--profile, --release)'
    })
    expect(plan(['--workspace', '--target', 'x86_64-unknown-linux-gnu'], ['--workspace'])).toEqual({
      mode: 'two-phase',
      reason: 'check-args and test-args differ in their target (--target)'
    })
    expect(plan(['--workspace', '--all-targets'], ['--workspace']).mode).toBe('two-phase')
    expect(plan(['--workspace', '--locked'], ['--workspace'])).toEqual({
      mode: 'two-phase',
      reason: 'check-args and test-args differ in --locked'
    })
    // --all is --workspace; the order of flags and the test run's own flags do not matter.
    expect(
      plan(['--locked', '--all'], ['--workspace', '--locked', '--no-fail-fast', '--', '--nocapture']).mode
    ).toBe('compile-once')
  })

  it('compares profile, target, --config and -Z flags by meaning, not by spelling or presence', () => {
    const plan = (checkArgs: string[], testArgs: string[]) =>
      planBuild({ ...DEFAULTS, checkArgs, testArgs }, WS)
    const config = (v: string) => ['--workspace', '--config', v]
    // cargo reads each --config value as TOML: spacing, quoting and `=` attached are the same value.
    expect(
      plan(config('build.rustflags=["--cfg","x"]'), config("build.rustflags = [ '--cfg', 'x' ]"))
    ).toEqual({
      mode: 'compile-once',
      args: [...config('build.rustflags=["--cfg","x"]'), '--lib', '--bins', '--tests', '--examples']
    })
    expect(plan(['--config=net.offline=true', '--workspace'], config('net.offline = true')).mode).toBe(
      'compile-once'
    )
    expect(plan(config('cfg.toml'), config('cfg.toml')).mode).toBe('compile-once')
    const differs = (a: string[], b: string[]) => plan(a, b)
    for (const [a, b] of [
      [config('build.rustflags=["--cfg","x"]'), config('build.rustflags=["--cfg","y"]')],
      [config('build.rustflags=["--cfg","x"]'), ['--workspace']],
      [config('a.toml'), config('b.toml')],
      // Later wins: the order of two values is part of their meaning.
      [
        [...config('profile.dev.opt-level=1'), '--config', 'profile.dev.opt-level=2'],
        [...config('profile.dev.opt-level=2'), '--config', 'profile.dev.opt-level=1']
      ]
    ])
      expect(differs(a, b)).toEqual({
        mode: 'two-phase',
        reason: 'check-args and test-args differ in their --config values'
      })
    // `cargo test` builds with the test profile, the one build does not: it would rebuild everything.
    expect(plan(config('profile.test.opt-level=1'), config('profile.test.opt-level=1'))).toEqual({
      mode: 'two-phase',
      reason:
        "check-args' --config sets the test or bench profile, which the one `cargo build` does not build with"
    })
    expect(plan(['--workspace', '-r'], ['--profile=release', '--workspace']).mode).toBe('compile-once')
    expect(plan(['--workspace', '--profile', 'ci'], ['--workspace', '--profile', 'dev'])).toMatchObject({
      mode: 'two-phase'
    })
    expect(
      plan(['--target', 'a', '--target=b', '--all'], ['--workspace', '--target', 'b', '--target', 'a']).mode
    ).toBe('compile-once')
    expect(plan(['--workspace', '-Zunstable-options'], ['--workspace', '-Z', 'unstable-options']).mode).toBe(
      'compile-once'
    )
    expect(plan(['--workspace', '-Z', 'a', '-Z', 'b'], ['--workspace', '-Z', 'b', '-Z', 'a'])).toEqual({
      mode: 'two-phase',
      reason: 'check-args and test-args differ in their -Z flags'
    })
    // --keep-going is how far a failed check goes; the one build always keeps going.
    expect(plan(['--workspace', '--keep-going'], ['--workspace']).mode).toBe('compile-once')
    expect(plan(['--workspace', '-j2'], ['--jobs=2', '--workspace']).mode).toBe('compile-once')
    expect(plan(['--workspace', '--config'], ['--workspace'])).toEqual({
      mode: 'two-phase',
      reason: 'check-args: --config has no value'
    })
  })

  it('does not apply when tests do not run or it is off', () => {
    expect(planBuild({ ...DEFAULTS, runTests: false }, WS)).toMatchObject({
      mode: 'two-phase',
      reason: expect.stringMatching(/tests are not run/)
    })
    expect(planBuild({ ...DEFAULTS, compileOnce: 'off' }, WS)).toEqual({
      mode: 'two-phase',
      reason: 'compile-once is off'
    })
  })

  it('asks for --lib only when a selected package has a library (cargo refuses --lib otherwise)', () => {
    const bins = meta(pkg('tool', ['bin']), pkg('core', ['lib']))
    expect(planBuild({ ...DEFAULTS, checkArgs: ['-p', 'tool'], testArgs: ['-p', 'tool'] }, bins)).toEqual({
      mode: 'compile-once',
      args: ['-p', 'tool', '--bins', '--tests', '--examples']
    })
  })

  it('a shard replaces the selection of both commands with its members', () => {
    expect(planBuild(DEFAULTS, WS, ['app'])).toEqual({
      mode: 'compile-once',
      args: ['--all-features', '-p', 'app', '--lib', '--bins', '--tests', '--examples']
    })
  })
})
