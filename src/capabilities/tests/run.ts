// The tests' run: after the build, `cargo test` with libtest's JSON events, each binary attributed to
// its crate (from the executables the build's phases made) and cross-checked with cargo's own words.
import { cargoOwnArgs, phaseCommand, TEST_RUN_ENV } from '../../cargo/commands.js'
import { cannotBuildOn, explainExit } from '../../cargo/explain.js'
import { harnessFreeTargets } from '../../cargo/harness.js'
import { testRunReader } from '../../cargo/libtest.js'
import { workspaceMembers, type CargoMetadata } from '../../cargo/metadata.js'
import type { CargoPort } from '../../cargo/port.js'
import type { PhaseResult } from '../../report/schema.js'
import { plural } from '../../report/text.js'
import type { CapabilityResult, ConfigOf, CrateOf } from '../capability.js'
import { resolveTests } from './results.js'
import { retryFailures } from './retry.js'
import type { TestsCrate, TestsParts, TestsSection, TestsState } from './section.js'

export const NOT_RUN: TestsSection = {
  ran: false,
  passed: 0,
  failed: 0,
  ignored: 0,
  failures: [],
  binaries: []
}

export async function runTests(
  cargo: CargoPort,
  meta: CargoMetadata,
  packages: string[] | null,
  phases: readonly PhaseResult[],
  /** The crate rows so far, with the build's fields. */
  crates: readonly CrateOf<TestsParts>[],
  config: ConfigOf<TestsParts>,
  state: TestsState
): Promise<CapabilityResult<TestsParts>> {
  let tests: TestsSection = { ...NOT_RUN }
  if (config.runTests) {
    // The build's compile errors so far: the run's tally, read live.
    const notRun = whyNotRun(phases, cargo.diagnostics.errors)
    if (notRun) tests.notRun = `${notRun}${stoppedBy(phases, crates, packages, config, meta)}`
    else tests = await testRun(cargo, meta, packages, config, state)
  }
  return { section: { tests }, crates: crateFields(meta, tests) }
}

/** The phase the tests build on (the test build, else the check or the one build), failed or untrusted. */
function whyNotRun(phases: readonly PhaseResult[], errors: number): string | undefined {
  const built =
    phases.find(p => p.name === 'test-build') ?? phases.find(p => p.name === 'build' || p.name === 'check')
  if (!built) return 'the build did not run'
  const what = {
    build: 'the build',
    'test-build': 'the test build (cargo test --no-run)',
    check: 'cargo check'
  }[built.name as 'build' | 'test-build' | 'check']
  return cannotBuildOn(built, errors, what)
}

/**
 * What the build that stopped the tests got through (how many crates it passed), and, when the check's
 * features are not the tests' own (a feature that does not compile), how to run the tests anyway.
 */
function stoppedBy(
  phases: readonly PhaseResult[],
  crates: readonly CrateOf<TestsParts>[],
  packages: string[] | null,
  config: ConfigOf<TestsParts>,
  meta: CargoMetadata
): string {
  const check = phases.find(p => p.name === 'check')
  const selected = crates.filter(c => !packages || packages.includes(c.name))
  const passed = selected.filter(c => c.errors === 0 && !c.notChecked).length
  const verb = check ? 'passed the check' : 'built clean'
  const count = selected.length ? ` (${passed} of ${plural(selected.length, 'crate')} ${verb})` : ''
  // Only a crate with features can fail under the check's features and build under the tests'.
  const withFeatures = new Set(
    workspaceMembers(meta)
      .filter(p => Object.keys(p.features).length > 0)
      .map(p => p.name)
  )
  const differ =
    featureFlags(config.checkArgs) !== featureFlags(config.testArgs) &&
    selected.some(c => c.errors > 0 && withFeatures.has(c.name))
  const hint =
    check && check.exitCode !== 0 && differ
      ? `; to run them with their own features: \`${['cargo', 'test', ...config.testArgs].join(' ')}\``
      : ''
  return `${count}${hint}`
}

/** The features a cargo command enables, as its flags say them. */
function featureFlags(args: readonly string[]): string {
  const own = cargoOwnArgs(args)
  const out: string[] = []
  for (let i = 0; i < own.length; i++) {
    const a = own[i]
    if (a === '--all-features' || a === '--no-default-features') out.push(a)
    else if (a === '--features' || a === '-F') out.push(...(own[++i] ?? '').split(/[\s,]+/))
    else if (a.startsWith('--features=') || a.startsWith('-F'))
      out.push(...a.replace(/^(--features=|-F=?)/, '').split(/[\s,]+/))
  }
  return [...new Set(out.filter(Boolean))].sort().join(' ')
}

async function testRun(
  cargo: CargoPort,
  meta: CargoMetadata,
  packages: string[] | null,
  config: ConfigOf<TestsParts>,
  state: TestsState
): Promise<TestsSection> {
  const reader = testRunReader()
  const test = await cargo.phase('test', phaseCommand(config, 'test', packages), {
    env: TEST_RUN_ENV,
    timeoutSeconds: config.testTimeoutMinutes * 60,
    onOtherStdout: reader.onOtherStdout,
    onStderr: reader.onStderr
  })
  const harnessFree = harnessFreeTargets(workspaceMembers(meta))
  const killed = test.result.signal ? test.result.failure : null
  const artifacts = state.artifacts
  const tests = resolveTests({ ...reader.read(), artifacts, harnessFree, killed }, meta)
  explainExit(test.result, tests.failed > 0, cargo.diagnostics.dependencyErrors, test.stderrTail)
  const budgetSeconds = config.testTimeoutMinutes * 60 - test.result.wallSeconds
  const read = { artifacts, harnessFree }
  return retryFailures({ cargo, meta, packages, config, read, budgetSeconds }, tests)
}

function crateFields(meta: CargoMetadata, tests: TestsSection): Record<string, TestsCrate> {
  const out: Record<string, TestsCrate> = {}
  for (const p of workspaceMembers(meta)) {
    const bins = tests.binaries.filter(b => b.crate === p.name)
    const sum = (f: (b: (typeof bins)[number]) => number) => bins.reduce((n, b) => n + f(b), 0)
    out[p.name] = {
      passed: sum(b => b.passed),
      failed: sum(b => b.failed),
      ignored: sum(b => b.ignored),
      testSeconds: bins.some(b => b.seconds !== null)
        ? Math.round(sum(b => b.seconds ?? 0) * 1000) / 1000
        : null
    }
  }
  return out
}
