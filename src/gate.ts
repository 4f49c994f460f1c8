// The pipeline: config → cargo phases (streamed through the parsers) → analyses → verdict.
// Returns the report; publishing it (outputs, summary, GitHub) is the caller's business.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { analyzeConflicts, type ConflictOptions } from './analysis/conflicts.js'
import { DiagnosticTally } from './analysis/diagnostics.js'
import { buildGraph } from './analysis/graph.js'
import { resolveTests } from './analysis/tests.js'
import { markNotChecked, markUnbuilt, notChecked, stoppedAt, whyNotTested } from './analysis/coverage.js'
import { selectedMembers } from './cargo/selection.js'
import { metadataCommand, phaseCommand, rustcVersionCommand, TEST_RUN_ENV } from './cargo/commands.js'
import { binaryIdentity, failedTarget, LibtestJsonReader, type BinaryIdentity } from './cargo/libtest.js'
import { harnessFreeTargets } from './cargo/harness.js'
import type { ArtifactInfo } from './cargo/messages.js'
import { parseMetadata, workspaceInfo, workspaceMembers, type CargoMetadata } from './cargo/metadata.js'
import { runPhase, type PhaseOptions, type ProcessRunner } from './cargo/phase.js'
import { runProcess } from './cargo/process.js'
import { membersOfShard } from './shard/partition.js'
import { parseRustcVersion, type Toolchain } from './cargo/toolchain.js'
import type { GateConfig } from './config.js'
import { ConfigError } from './config.js'
import type {
  CrateSummary,
  Diagnostic,
  GateReport,
  PhaseName,
  PhaseResult,
  TestsSection
} from './report/schema.js'
import { SCHEMA_VERSION } from './report/schema.js'
import { TOOL } from './tool.js'
import { blankReport } from './failure.js'
import type { BaselineStore } from './baseline/store.js'
import { readRunContext, type RunContext } from './github/context.js'
import { bundledWrapper, CrateTimer, rebuildWorkspaceCrates, timingStep } from './timing/step.js'
import { decideVerdict } from './verdict.js'

export type ProgressEvent = { phase: PhaseName | 'toolchain'; state: 'start' | 'end'; detail?: string }

export interface GateOptions {
  run?: ProcessRunner
  progress?: (e: ProgressEvent) => void
  /** Every stderr line of cargo, for logs. */
  log?: (line: string) => void
  /** Baseline build seconds per member, to balance shards; absent: balance by hash. */
  shardWeights?: ReadonlyMap<string, number>
  /** Where the build-time baseline lives; null or absent: build time is measured, not compared. */
  baseline?: BaselineStore | null
  ctx?: RunContext
  /** The rustc wrapper that times each crate; default: dist/rustc-wrapper.js beside the bundle. */
  wrapperScript?: string | null
}

/** An input or environment problem: the gate stops before judging the build. */
export class GateInputError extends Error {
  constructor(
    message: string,
    readonly input: string | null = null
  ) {
    super(message)
    this.name = 'GateInputError'
  }
}

export interface GateRun {
  report: GateReport
  metadata: CargoMetadata | null
}

export async function runGate(config: GateConfig, options: GateOptions = {}): Promise<GateRun> {
  const cwd = preflight(config.workingDirectory)
  const run = options.run ?? runProcess
  const progress = options.progress ?? (() => undefined)
  const toolchain = await readToolchain(config, cwd, run, progress)
  const phases: PhaseResult[] = []
  const timer = new CrateTimer(
    config.crateTimings
      ? options.wrapperScript === undefined
        ? bundledWrapper()
        : options.wrapperScript
      : null
  )
  try {
    return await gateWith(config, options, { cwd, run, progress, toolchain, phases, timer })
  } finally {
    timer.dispose()
  }
}

interface GateState {
  cwd: string
  run: ProcessRunner
  progress: NonNullable<GateOptions['progress']>
  toolchain: Toolchain
  phases: PhaseResult[]
  timer: CrateTimer
}

async function gateWith(config: GateConfig, options: GateOptions, state: GateState): Promise<GateRun> {
  const { cwd, run, progress, toolchain, phases, timer } = state
  const common: Pick<PhaseOptions, 'cwd' | 'run' | 'onStderr'> = { cwd, run, onStderr: options.log }

  progress({ phase: 'metadata', state: 'start' })
  const metaRun = await runPhase('metadata', metadataCommand(config, toolchain.host), {
    ...common,
    collectStdout: true
  })
  progress({ phase: 'metadata', state: 'end' })
  phases.push(metaRun.result)
  if (!metaRun.result.ran) throw new GateInputError(metaRun.result.failure ?? 'cargo did not start')
  let meta: CargoMetadata | null = null
  if (metaRun.result.exitCode === 0 && !metaRun.result.failure) {
    try {
      meta = parseMetadata(metaRun.stdout)
    } catch (e) {
      metaRun.result.failure = (e as Error).message
    }
  } else if (!metaRun.result.failure) {
    metaRun.result.failure = `exited with code ${metaRun.result.exitCode}: ${cargoWords(
      metaRun.errors.map(e => e.text),
      metaRun.stderrTail
    )}`
  }
  if (!meta) {
    // cargo may refuse to resolve because of a crate it cannot read (edition 2024 on an old cargo).
    const conflicts = analyzeConflicts(null, null, conflictOptions(config, toolchain, null, phases))
    return {
      report: finish(config, { ...emptyReport(cwd, toolchain, config, phases), conflicts }),
      metadata: null
    }
  }
  assertWorkspaceRoot(meta, cwd)

  const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]))
  const shard = config.shard
    ? { ...config.shard, members: membersOfShard([...members.values()], config.shard, options.shardWeights) }
    : null
  const packages = shard?.members ?? null
  const tally = new DiagnosticTally()
  const artifacts: ArtifactInfo[] = []
  const sink = {
    // A shard builds other members as dependencies: their diagnostics are their own shard's to count.
    diagnostic: (d: Diagnostic) => void ((!packages || packages.includes(d.crate)) && tally.add(d)),
    dependencyWarning: () => void tally.dependencyWarnings++,
    dependencyError: (pkg: string, message: string) =>
      void tally.dependencyErrors.push({ package: pkg, message }),
    artifact: (a: ArtifactInfo) => void (a.executable && artifacts.push(a))
  }
  const built = { check: new Set<string>(), 'test-build': new Set<string>(), test: new Set<string>() }
  const env = timer.env()
  const cargoPhase = async (name: Exclude<PhaseName, 'metadata'>, extra: Partial<PhaseOptions> = {}) => {
    progress({ phase: name, state: 'start' })
    const r = await runPhase(name, phaseCommand(config, name, packages), {
      ...common,
      env,
      members,
      sink: {
        ...sink,
        artifact: (a: ArtifactInfo) => {
          sink.artifact(a)
          const member = members.get(a.packageId)
          if (member) built[name].add(member)
        }
      },
      ...extra
    })
    progress({ phase: name, state: 'end' })
    phases.push(r.result)
    return r
  }

  if (packages?.length === 0) {
    const report = {
      ...emptyReport(cwd, toolchain, config, phases),
      workspace: workspaceInfo(meta, declaredMsrv(cwd), toolchain, config.toolchain),
      shard: shard!
    }
    return { report: finish(config, report), metadata: meta }
  }
  const check = await cargoPhase('check')
  explainExit(check.result, tally.errors > 0, tally, check.stderrTail)
  const checkSelected = packages ?? selectedMembers(config.checkArgs, meta)
  markUnbuilt(check.result, checkSelected, built.check)
  let tests: TestsSection = { ran: false, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [] }
  if (config.runTests) tests.notRun = whyNotTested(check.result, tally.errors, 'cargo check')
  if (config.runTests && !tests.notRun) {
    const build = await cargoPhase('test-build')
    explainExit(build.result, tally.errors > 0, tally, build.stderrTail)
    const testSelected = packages ?? selectedMembers(config.testArgs, meta)
    markUnbuilt(build.result, testSelected, built['test-build'])
    tests.notRun = whyNotTested(build.result, tally.errors, 'the test build (cargo test --no-run)')
    if (!tests.notRun) {
      const libtest = new LibtestJsonReader()
      const identities: BinaryIdentity[] = []
      const failedTargets: string[] = []
      const test = await cargoPhase('test', {
        env: { ...env, ...TEST_RUN_ENV },
        timeoutSeconds: config.testTimeoutMinutes * 60,
        onOtherStdout: line => libtest.push(line),
        onStderr: line => {
          const id = binaryIdentity(line)
          if (id) identities.push(id)
          const failed = failedTarget(line)
          if (failed) failedTargets.push(failed)
          options.log?.(line)
        }
      })
      const harnessFree = harnessFreeTargets(workspaceMembers(meta))
      const killed = test.result.signal ? test.result.failure : null
      tests = resolveTests({ ...libtest, identities, failedTargets, artifacts, harnessFree, killed }, meta)
      explainExit(test.result, tests.failed > 0, tally, test.stderrTail)
    }
  }

  const workspace = workspaceInfo(meta, declaredMsrv(cwd), toolchain, config.toolchain)
  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: new Date().toISOString(),
    workspace,
    crates: markNotChecked(
      crateSummaries(meta, tally, tests).filter(c => !packages || packages.includes(c.name)),
      notChecked(checkSelected, built.check, stoppedAt(tally, members))
    ),
    diagnostics: tally.section(),
    tests,
    phases,
    conflicts: analyzeConflicts(
      meta,
      buildGraph(meta),
      conflictOptions(config, toolchain, workspace.msrv, phases)
    ),
    ...(shard ? { shard } : {})
  } satisfies Omit<GateReport, 'verdict'>
  const judged = finish(config, report)
  const checked = phases.find(p => p.name === 'check')
  if (!options.baseline || shard || !checked || checked.failure) return { report: judged, metadata: meta }

  const { section, problem } = await timingStep({
    config,
    phases,
    toolchain,
    store: options.baseline,
    ctx: options.ctx ?? readRunContext({}),
    stable: judged.verdict.stable,
    timer,
    rebuild: () =>
      rebuildWorkspaceCrates(config, [...members.values()], { ...common, env: timer.env(), members })
  })
  const timed: Omit<GateReport, 'verdict'> = { ...report, ...(section ? { timing: section } : {}) }
  if (section)
    timed.crates = timed.crates.map(c => ({
      ...c,
      buildSeconds: section.crates.find(x => x.name === c.name)?.seconds ?? c.buildSeconds
    }))
  const final = finish(config, timed)
  if (problem)
    final.verdict = { ...final.verdict, stable: false, reasons: [...final.verdict.reasons, problem] }
  return { report: final, metadata: meta }
}

function conflictOptions(
  config: GateConfig,
  toolchain: Toolchain,
  msrv: string | null,
  phases: PhaseResult[]
): ConflictOptions {
  return { ...config, toolchain: toolchain.release, msrv, cargoErrors: phases.flatMap(p => p.cargoErrors) }
}

function finish(config: GateConfig, report: Omit<GateReport, 'verdict'>): GateReport {
  return { ...report, verdict: decideVerdict(report, config) }
}

function preflight(dir: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new ConfigError(
      'working-directory',
      `${dir} does not exist or is not a directory; point it at the workspace root.`
    )
  if (!existsSync(path.join(dir, 'Cargo.toml')))
    throw new ConfigError(
      'working-directory',
      `${dir} has no Cargo.toml; point it at the directory of the workspace's root Cargo.toml.`
    )
  return realpathSync(dir)
}

async function readToolchain(
  config: GateConfig,
  cwd: string,
  run: ProcessRunner,
  progress: NonNullable<GateOptions['progress']>
): Promise<Toolchain> {
  const cmd = rustcVersionCommand(config)
  let out = ''
  const errs: string[] = []
  progress({ phase: 'toolchain', state: 'start' })
  const r = await run(cmd.program, cmd.args, {
    cwd,
    onStdoutLine: l => (out += `${l}\n`),
    onStderrLine: l => errs.push(l)
  })
  progress({ phase: 'toolchain', state: 'end' })
  if (r.spawnError)
    throw new GateInputError(
      `could not run rustc (${r.spawnError}); install Rust (e.g. with rustup) before running the gate.`
    )
  const parsed = r.exitCode === 0 ? parseRustcVersion(out) : null
  if (!parsed) {
    const why = errs.join('\n').trim() || `exit code ${r.exitCode ?? r.signal}`
    const input = config.toolchain ? 'toolchain' : null
    throw new GateInputError(
      `\`${[cmd.program, ...cmd.args].join(' ')}\` failed: ${why}${config.toolchain ? `; is toolchain '${config.toolchain}' installed (rustup toolchain install ${config.toolchain})?` : ''}`,
      input
    )
  }
  return parsed
}

function assertWorkspaceRoot(meta: CargoMetadata, cwd: string): void {
  const root = realpathSync(meta.workspace_root)
  if (root !== cwd)
    throw new ConfigError(
      'working-directory',
      `${cwd} is a member of the workspace at ${root}, not its root; set working-directory to ${path.relative(process.cwd(), root) || '.'}.`
    )
}

/** `[workspace.package] rust-version` of the root manifest, if declared. */
function declaredMsrv(cwd: string): string | null {
  try {
    const manifest = parseToml(readFileSync(path.join(cwd, 'Cargo.toml'), 'utf8')) as {
      workspace?: { package?: { 'rust-version'?: unknown } }
    }
    const v = manifest.workspace?.package?.['rust-version']
    return typeof v === 'string' ? v : null
  } catch {
    return null // cargo metadata already accepted the manifest; its own reading stands.
  }
}

/** A non-zero exit that the readers did not explain is a failure in cargo's own words. */
function explainExit(result: PhaseResult, explained: boolean, tally: DiagnosticTally, tail: string[]): void {
  if (result.failure || result.exitCode === 0 || explained) return
  const dep = tally.dependencyErrors[0]
  const words = dep
    ? `dependency ${dep.package} failed to compile: ${dep.message}`
    : cargoWords(result.cargoErrors, tail)
  result.failure = `exited with code ${result.exitCode}: ${words}`
}

function cargoWords(errors: string[], tail: string[]): string {
  return errors.length > 0 ? errors.join('\n') : tail.join('\n').trim() || '(cargo printed nothing on stderr)'
}

function crateSummaries(meta: CargoMetadata, tally: DiagnosticTally, tests: TestsSection): CrateSummary[] {
  return workspaceMembers(meta).map(p => {
    const d = tally.perCrate.get(p.name) ?? { warnings: 0, errors: 0 }
    const bins = tests.binaries.filter(b => b.crate === p.name)
    const sum = (f: (b: (typeof bins)[number]) => number) => bins.reduce((n, b) => n + f(b), 0)
    return {
      name: p.name,
      version: p.version,
      manifestPath: p.manifest_path,
      warnings: d.warnings,
      errors: d.errors,
      passed: sum(b => b.passed),
      failed: sum(b => b.failed),
      ignored: sum(b => b.ignored),
      buildSeconds: null,
      testSeconds: bins.some(b => b.seconds !== null)
        ? Math.round(sum(b => b.seconds ?? 0) * 1000) / 1000
        : null
    }
  })
}

function emptyReport(
  root: string,
  toolchain: Toolchain,
  config: GateConfig,
  phases: PhaseResult[]
): Omit<GateReport, 'verdict'> {
  return blankReport(
    { root, members: [], msrv: null, toolchain, requestedToolchain: config.toolchain },
    phases
  )
}
