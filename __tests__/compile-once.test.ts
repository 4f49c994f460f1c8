// Proof of compile-once: on every fixture workspace, the gate with one `cargo build` and the gate with
// `cargo check` + `cargo test --no-run` find the same diagnostics, counts, tests and verdict (real
// cargo, each mode in its own target directory), and the test run after the one build compiles nothing.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { readRunContext } from '../src/github/context.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'compile-once-'))

async function gate(dir: string, inputs: Record<string, string>, target: string): Promise<GateReport> {
  const config = parseConfig(n => inputs[n] ?? '', 'cli', dir)
  process.env.CARGO_TARGET_DIR = path.join(tmp, target)
  try {
    return (await runGate(config, { ctx: readRunContext({}) })).report
  } finally {
    delete process.env.CARGO_TARGET_DIR
  }
}

/** What a user sees, without where it was found (the phase names differ by design). */
function observed(r: GateReport) {
  return {
    diagnostics: r.diagnostics.items
      .map(d => `${d.crate} ${d.severity} ${d.code} ${d.message} ${d.span?.file}:${d.span?.line}`)
      .sort(),
    counts: [r.diagnostics.errors, r.diagnostics.warnings, r.diagnostics.omitted],
    crates: r.crates.map(c => [c.name, c.warnings, c.errors, c.passed, c.failed, c.ignored]),
    tests: [r.tests.ran, r.tests.passed, r.tests.failed, r.tests.ignored],
    failures: r.tests.failures.map(f => `${f.crate} ${f.name}`).sort(),
    stable: r.verdict.stable,
    reasons: r.verdict.reasons.map(x => `${x.code}: ${x.message}`),
    // Which phase stopped the tests is named, and the modes have different phases: compare the code.
    warnings: r.verdict.warnings.map(x => (x.code === 'tests-not-run' ? x.code : `${x.code}: ${x.message}`))
  }
}

const CASES: [string, string, Record<string, string>, 'compile-once' | 'two-phase'][] = [
  [
    'warnings in lib, test, bin and example code; a bench; a bin-only crate',
    '__fixtures__/compile-once/mixed',
    {},
    'compile-once'
  ],
  ['a compile error only in a test', '__fixtures__/compile-once/test-error', {}, 'compile-once'],
  ['a compile error only in a bin', '__fixtures__/compile-once/bin-error', {}, 'compile-once'],
  // By default the tests take the check's features (--all-features): one build.
  ['features, the default args', '__fixtures__/compile-once/features', {}, 'compile-once'],
  // test-args set to the earlier default: tested with default features, so not the same build.
  [
    'features, selected differently by check and test',
    '__fixtures__/compile-once/features',
    { 'test-args': '--workspace' },
    'two-phase'
  ],
  [
    'features, selected alike',
    '__fixtures__/compile-once/features',
    { 'check-args': '--workspace --all-features', 'test-args': '--workspace --all-features' },
    'compile-once'
  ],
  // The same --config value, spelled two ways; it adds the missing_docs lint, so it changes what is seen.
  [
    'a --config value in both, spelled differently',
    '__fixtures__/compile-once/features',
    {
      'check-args': `--workspace --all-features --config 'build.rustflags=["-W","missing_docs"]'`,
      'test-args': `--all-features --config "build.rustflags = [ '-W', 'missing_docs' ]" --workspace`
    },
    'compile-once'
  ],
  [
    'a --config value, test-args not given',
    '__fixtures__/compile-once/features',
    { 'check-args': `--workspace --all-features '--config=build.rustflags=["-W","missing_docs"]'` },
    'compile-once'
  ],
  ['clean', '__fixtures__/workspaces/clean', {}, 'compile-once'],
  ['warnings', '__fixtures__/workspaces/warnings', {}, 'compile-once'],
  ['compile error', '__fixtures__/workspaces/compile-error', {}, 'compile-once'],
  ['dependency warnings', '__fixtures__/workspaces/dep-warnings', {}, 'compile-once'],
  ['failing and ignored tests', '__fixtures__/workspaces/tests-mixed', {}, 'compile-once'],
  ['single crate', '__fixtures__/workspaces/single-crate', {}, 'compile-once'],
  ['path dependency outside the workspace', '__fixtures__/timing/ws', {}, 'compile-once']
]

describe('compile-once gives what check + test build give', () => {
  it('sees warnings that only the normal build shows and ones that only the test build shows', async () => {
    const r = await gate(path.resolve('__fixtures__/compile-once/mixed'), {}, 'mixed-kinds')
    expect(r.compileOnce?.mode).toBe('compile-once')
    const seen = r.diagnostics.items.map(d => `${d.code} ${d.span?.file}`).sort()
    expect(seen).toEqual([
      'dead_code crates/fx-co-libwarn/src/lib.rs', // a helper only the tests use: normal build only
      'unused_imports crates/fx-co-testwarn/tests/outer.rs', // integration test
      'unused_variables crates/fx-co-bin/src/main.rs', // bin
      'unused_variables crates/fx-co-example/examples/demo.rs', // example: built by cargo test
      'unused_variables crates/fx-co-libwarn/src/lib.rs',
      'unused_variables crates/fx-co-testwarn/src/lib.rs' // #[cfg(test)] code: test build only
    ])
  })

  it.each(CASES)('%s', async (_, fixture, inputs, mode) => {
    const dir = path.resolve(fixture)
    const id = fixture.replace(/\W+/g, '-') + Object.values(inputs).join('').replace(/\W+/g, '')
    const once = await gate(dir, { ...inputs, 'compile-once': 'auto' }, `${id}-once`)
    const two = await gate(dir, { ...inputs, 'compile-once': 'off' }, `${id}-two`)

    expect(once.compileOnce?.mode).toBe(mode)
    expect(two.compileOnce).toEqual({ mode: 'two-phase', reason: 'compile-once is off' })
    expect(observed(once)).toEqual(observed(two))
    if ((inputs['check-args'] ?? '').includes('missing_docs'))
      expect(once.diagnostics.items.map(d => d.code)).toContain('missing_docs')

    const names = (r: GateReport) => r.phases.map(p => p.name)
    if (mode === 'two-phase') {
      expect(once.compileOnce?.reason).toMatch(/select different features/)
      expect(names(once)).toEqual(names(two))
      return
    }
    const [first, ...rest] = names(two).filter(n => n !== 'check' && n !== 'test-build')
    expect(names(once)).toEqual([first, 'build', ...rest])
    // Each workspace unit is compiled once: the test run after the build finds everything fresh.
    const test = once.phases.find(p => p.name === 'test')
    if (test) expect(test.units.workspace.compiled + test.units.dependencies.compiled).toBe(0)
    const build = once.phases.find(p => p.name === 'build')!
    expect(build.command.slice(0, 2)).toEqual(['cargo', 'build'])
  })
})
