// The build's run: cargo check (or, compile-once, one cargo build standing for check and test build),
// then the test build when the tests will run; each phase held to the members it selected, and the
// crates a failed build never reached named. The diagnostics go to the run's one tally (ports.cargo).
import { expectedBuilt } from '../../cargo/builds-member.js'
import { phaseCommand, type Command } from '../../cargo/commands.js'
import { cannotBuildOn, explainExit } from '../../cargo/explain.js'
import type { ArtifactInfo } from '../../cargo/messages.js'
import { workspaceMembers, type CargoMetadata } from '../../cargo/metadata.js'
import type { CargoPort } from '../../cargo/port.js'
import { selectedMembers } from '../../cargo/selection.js'
import type { PhaseName } from '../../report/schema.js'
import type { CapabilityResult, ConfigOf } from '../capability.js'
import { clippyCheck, clippyWrapper, type ClippySetup } from './clippy.js'
import { compileOnceCommand, planBuild } from './compile-once.js'
import { markUnbuilt, notChecked, stoppedAt } from './coverage.js'
import type { BuildCrate, BuildParts } from './section.js'

type BuildPhase = Extract<PhaseName, 'check' | 'build' | 'test-build'>
type StateOf = BuildParts['state']

export async function runBuild(
  cargo: CargoPort,
  meta: CargoMetadata,
  /** The shard's members; null: the user's own selection. */
  packages: string[] | null,
  config: ConfigOf<BuildParts>,
  /** clippy as the checker; null: cargo check. */
  clippy: ClippySetup | null = null,
  state: StateOf = { wrapper: null }
): Promise<CapabilityResult<BuildParts>> {
  const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]))
  const tally = cargo.diagnostics
  // The members each phase really built: a phase that skipped one cannot vouch for it.
  const built: Record<BuildPhase, Set<string>> = { check: new Set(), build: new Set(), 'test-build': new Set() }
  const phase = async (name: BuildPhase, command: Command) => {
    const run = await cargo.phase(name, command, {
      artifact: (a: ArtifactInfo) => {
        const member = members.get(a.packageId)
        // A build script compiled says nothing of the crate's own code (its lib or bin may never be).
        if (member && !a.targetKind.includes('custom-build')) built[name].add(member)
      }
    })
    explainExit(run.result, tally.errors > 0, tally.dependencyErrors, run.stderrTail)
    return run.result
  }

  const planned = planBuild(config, meta, packages)
  const plan =
    planned.mode === 'compile-once' && clippy && !clippy.driver
      ? { mode: 'two-phase' as const, reason: "clippy-driver is not in the toolchain's sysroot, so `cargo clippy` checks" }
      : planned
  const once = plan.mode === 'compile-once' ? compileOnceCommand(config, plan.args) : null
  // With clippy its driver wraps rustc in the one build and in the test run alike (the hook adds it).
  if (once && clippy?.driver) state.wrapper = clippyWrapper({ ...clippy, driver: clippy.driver })
  const checkCommand = phaseCommand(config, 'check', packages)
  // Compile once: one cargo build stands for check + test build (see compile-once.ts).
  const check = once
    ? await phase('build', once)
    : await phase('check', clippy ? clippyCheck(checkCommand, clippy.args) : checkCommand)
  const checkSelected = packages ?? selectedMembers(config.checkArgs, meta)
  const checkBuilt = built[once ? 'build' : 'check']
  const checkable = expectedBuilt(meta, checkSelected, once?.args ?? config.checkArgs, 'check')
  // A check with nothing to check in any selected member checked nothing: it still has to build them.
  markUnbuilt(check, checkSelected, checkBuilt, checkable.length ? checkable : checkSelected)
  if (config.runTests && !once && !cannotBuildOn(check, tally.errors, 'cargo check')) {
    const testBuild = await phase('test-build', phaseCommand(config, 'test-build', packages))
    const testSelected = packages ?? selectedMembers(config.testArgs, meta)
    markUnbuilt(testBuild, testSelected, built['test-build'], expectedBuilt(meta, testSelected, config.testArgs, 'test'))
  }

  // A check that failed before building anything (cargo refused its arguments) checked nothing.
  const refused = check.exitCode !== 0 || check.failure ? 'not checked: cargo stopped before checking it' : null
  const unchecked = notChecked(checkSelected, checkBuilt, stoppedAt(tally, members), refused)
  const crates: Record<string, BuildCrate> = {}
  for (const name of members.values()) {
    const d = tally.perCrate.get(name) ?? { warnings: 0, errors: 0 }
    crates[name] = { warnings: d.warnings, errors: d.errors, ...(unchecked.has(name) ? { notChecked: unchecked.get(name)! } : {}) }
  }
  return {
    section: { compileOnce: { mode: plan.mode, reason: plan.mode === 'two-phase' ? plan.reason : null } },
    crates
  }
}
