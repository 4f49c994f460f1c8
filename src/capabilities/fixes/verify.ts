// Verification of the scratch copy as it stands: re-resolve (cargo metadata), re-run the conflict
// analysis, and build it the way the gate does (check with the gate's check-args, then the test build),
// in a target directory shared by every verification of the run.
import { DiagnosticTally } from '../../cargo/diagnostics.js'
import { metadataCommand, phaseCommand, type CargoArgs } from '../../cargo/commands.js'
import { parseMetadata, workspaceMembers, type CargoMetadata } from '../../cargo/metadata.js'
import { runPhase, type ProcessRunner } from '../../cargo/phase.js'
import {
  analyzeConflicts,
  readMemberDeps,
  type ConflictOptions,
  type ConflictsSection
} from '../conflicts/index.js'
import { buildGraph } from '../../cargo/graph.js'
import type { FixTarget } from './section.js'

/** The gate's own build, as the scratch copy is built the same way. */
export type BuildConfig = CargoArgs & { runTests: boolean }

export interface VerifyContext {
  root: string
  targetDir: string
  host: string | null
  config: BuildConfig
  conflictOptions: ConflictOptions
  run: ProcessRunner
}

export interface Verification {
  /** Conflict keys of the verified state (see conflictKeys). */
  keys: Set<string>
  meta: CargoMetadata | null
  /** Why the state is not acceptable; null when it is. */
  problem: string | null
  errors: string[]
}

const MAX_ERRORS = 10

export async function verifyState(
  ctx: VerifyContext,
  target: FixTarget,
  before: Set<string>
): Promise<Verification> {
  const env = { CARGO_TARGET_DIR: ctx.targetDir, CARGO_TERM_COLOR: 'never' }
  const common = { cwd: ctx.root, env, run: ctx.run }
  const metaRun = await runPhase('metadata', metadataCommand(ctx.config, ctx.host), {
    ...common,
    collectStdout: true
  })
  if (metaRun.result.failure || metaRun.result.exitCode !== 0)
    return fail(
      `cargo metadata failed: ${metaRun.result.failure ?? metaRun.errors.map(e => e.text).join('\n')}`
    )
  const meta = parseMetadata(metaRun.stdout)
  const graph = buildGraph(meta)
  // What each member builds by itself, as the gate judged it: cargo tree in the scratch copy.
  const memberDeps =
    ctx.conflictOptions.msrvCheck === 'off'
      ? undefined
      : (
          await readMemberDeps(graph, ctx.conflictOptions.msrvCheckIncludeDev, {
            run: ctx.run,
            cwd: ctx.root,
            env,
            host: ctx.host,
            toolchain: ctx.config.toolchain
          })
        ).deps
  const options = { ...ctx.conflictOptions, memberDeps }
  const keys = conflictKeys(analyzeConflicts(meta, graph, options), options)
  const prefix = `${target.code}:${target.crate}@${target.version}`
  if ([...keys].some(k => k.startsWith(prefix)))
    return {
      keys,
      meta,
      problem: `the ${target.code} finding on ${target.crate} ${target.version} is still there`,
      errors: []
    }
  const fresh = [...keys].filter(k => !before.has(k))
  if (fresh.length > 0)
    return { keys, meta, problem: `it brings new conflicts: ${fresh.join(', ')}`, errors: [] }

  const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]))
  const tally = new DiagnosticTally()
  const sink = {
    diagnostic: tally.add.bind(tally),
    dependencyError: (pkg: string, message: string) =>
      void tally.dependencyErrors.push({ package: pkg, message })
  }
  const phases = ctx.config.runTests ? (['check', 'test-build'] as const) : (['check'] as const)
  for (const phase of phases) {
    const command = phase === 'check' ? phaseCommand(ctx.config, 'check') : phaseCommand(ctx.config, phase)
    const r = await runPhase(phase, command, { ...common, members, sink })
    const errors = [
      ...tally
        .section()
        .items.filter(d => d.severity === 'error')
        .map(d => d.rendered.trim() || d.message),
      ...tally.dependencyErrors.map(d => `${d.package}: ${d.message}`)
    ].slice(0, MAX_ERRORS)
    if (tally.errors > 0 || tally.dependencyErrors.length > 0)
      return { keys, meta, problem: errorSummary(tally, phase), errors }
    if (r.result.failure || r.result.exitCode !== 0)
      return {
        keys,
        meta,
        problem: `cargo ${phase === 'check' ? 'check' : 'test --no-run'} failed: ${(r.result.failure ?? r.result.cargoErrors.join('\n')) || `exit code ${r.result.exitCode}`}`,
        errors: r.result.cargoErrors.slice(0, MAX_ERRORS)
      }
  }
  return { keys, meta, problem: null, errors: [] }

  function fail(problem: string): Verification {
    return { keys: new Set(), meta: null, problem, errors: [] }
  }
}

function errorSummary(tally: DiagnosticTally, phase: string): string {
  const parts = [...tally.perCrate]
    .filter(([, c]) => c.errors > 0)
    .map(([crate, c]) => `${c.errors} compile error${c.errors === 1 ? '' : 's'} in ${crate}`)
  for (const d of tally.dependencyErrors) parts.push(`dependency ${d.package} does not compile`)
  return `${parts.join(', ')} (${phase === 'check' ? 'cargo check' : 'cargo test --no-run'})`
}

/** One key per conflict the verdict would count: `msrv:base64ct@1.8.0:msrv`, `duplicate-versions:base64@0.21.7`. */
export function conflictKeys(section: ConflictsSection, options: ConflictOptions): Set<string> {
  const keys = new Set<string>()
  if (options.msrvCheck !== 'off')
    for (const f of section.rustVersion) keys.add(`msrv:${f.name}@${f.version}:${f.against}`)
  const single = new Set(section.singleVersionViolations.map(v => v.name))
  for (const v of section.singleVersionViolations)
    for (const version of v.versions) keys.add(`single-version:${v.name}@${version}`)
  if (options.duplicateVersions !== 'allow')
    for (const d of section.duplicates) {
      if (d.allowed || single.has(d.name)) continue
      for (const v of d.versions)
        if (options.duplicateVersionsIncludeDev || !v.devOnly)
          keys.add(`duplicate-versions:${d.name}@${v.version}`)
    }
  return keys
}
