// The tests' run: after the build, `cargo test` with libtest's JSON events, each binary attributed to
// its crate (from the executables the build's phases made) and cross-checked with cargo's own words.
import { phaseCommand, TEST_RUN_ENV } from '../../cargo/commands.js'
import { cannotBuildOn, explainExit } from '../../cargo/explain.js'
import { harnessFreeTargets } from '../../cargo/harness.js'
import { binaryIdentity, failedTarget, LibtestJsonReader, type BinaryIdentity } from '../../cargo/libtest.js'
import { workspaceMembers, type CargoMetadata } from '../../cargo/metadata.js'
import type { CargoPort } from '../../cargo/port.js'
import type { PhaseResult } from '../../report/schema.js'
import type { CapabilityResult, ConfigOf } from '../capability.js'
import { resolveTests } from './results.js'
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
  config: ConfigOf<TestsParts>,
  state: TestsState
): Promise<CapabilityResult<TestsParts>> {
  let tests: TestsSection = { ...NOT_RUN }
  if (config.runTests) {
    // The build's compile errors so far: the run's tally, read live.
    const notRun = whyNotRun(phases, cargo.diagnostics.errors)
    if (notRun) tests.notRun = notRun
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

async function testRun(
  cargo: CargoPort,
  meta: CargoMetadata,
  packages: string[] | null,
  config: ConfigOf<TestsParts>,
  state: TestsState
): Promise<TestsSection> {
  const libtest = new LibtestJsonReader()
  const identities: BinaryIdentity[] = []
  const failedTargets: string[] = []
  const test = await cargo.phase('test', phaseCommand(config, 'test', packages), {
    env: TEST_RUN_ENV,
    timeoutSeconds: config.testTimeoutMinutes * 60,
    onOtherStdout: line => libtest.push(line),
    onStderr: line => {
      const id = binaryIdentity(line)
      if (id) identities.push(id)
      const failed = failedTarget(line)
      if (failed) failedTargets.push(failed)
    }
  })
  const harnessFree = harnessFreeTargets(workspaceMembers(meta))
  const killed = test.result.signal ? test.result.failure : null
  const artifacts = state.artifacts
  const tests = resolveTests({ ...libtest, identities, failedTargets, artifacts, harnessFree, killed }, meta)
  explainExit(test.result, tests.failed > 0, cargo.diagnostics.dependencyErrors, test.stderrTail)
  return tests
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
