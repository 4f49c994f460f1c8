// The pipeline: preflight → toolchain → metadata → build phases → analyses → judge → timing → judge.
// Returns the report; publishing it (outputs, summary, GitHub) is the caller's business.
import { existsSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { DiagnosticTally } from './capabilities/build/diagnostics.js'
import { buildGraph, type DependencyGraph } from './cargo/graph.js'
import { memberManifestPaths, readManifests } from './cargo/manifests.js'
import { resolveTests } from './capabilities/tests/results.js'
import {
  markNotChecked,
  markUnbuilt,
  notChecked,
  stoppedAt,
  whyNotTested
} from './capabilities/build/coverage.js'
import { selectedMembers } from './cargo/selection.js'
import {
  metadataCommand,
  phaseCommand,
  rustcVersionCommand,
  CARGO_OUTPUT_ENV,
  TEST_RUN_ENV,
  type Command
} from './cargo/commands.js'
import { compileOnceCommand, planBuild } from './cargo/compile-once.js'
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
import { GateError } from './errors.js'
import type {
  CompileOnceSection,
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
import type { BaselineStore } from './store/document-store.js'
import { readRunContext, type RunContext } from './github/context.js'
import { rebuildWorkspaceCrates } from './capabilities/timing/step.js'
import { refusedEmptyReport, TimingReports } from './capabilities/timing/timing-reports.js'
import { expectedBuilt } from './cargo/builds-member.js'
import { withTrust } from './verdict.js'
import type { Capability, ReportBody, Stage, StagePorts } from './capabilities/capability.js'
import { CAPABILITIES } from './capabilities/registry.js'
import type { Finding } from './findings/finding.js'
import { foldVerdict } from './findings/fold.js'

export type ProgressEvent = {
  phase: PhaseName | 'toolchain'
  state: 'start' | 'end'
  detail?: string
  /** On 'end': false when the phase exited non-zero or its output could not be trusted. */
  ok?: boolean
}

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
  /** The capabilities to run; default: the registry. */
  capabilities?: readonly Capability[]
  /** The clock, the environment and file reads the stages use; default: the real ones. */
  now?: () => Date
  env?: Readonly<Record<string, string | undefined>>
  readText?: (file: string) => string | null
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
  const timings = new TimingReports(config.crateTimings)
  return gateWith(config, options, { cwd, run, progress, toolchain, phases, timings })
}

interface GateState {
  cwd: string
  run: ProcessRunner
  progress: NonNullable<GateOptions['progress']>
  toolchain: Toolchain
  phases: PhaseResult[]
  timings: TimingReports
}

/** What the capabilities found so far, by capability name (only those that ran). */
type Found = Map<string, Finding[]>

async function gateWith(config: GateConfig, options: GateOptions, state: GateState): Promise<GateRun> {
  const { cwd, run, toolchain, phases } = state
  const capabilities = options.capabilities ?? CAPABILITIES
  const common: Pick<PhaseOptions, 'cwd' | 'run' | 'onStderr' | 'env'> = {
    cwd,
    run,
    onStderr: options.log,
    env: CARGO_OUTPUT_ENV
  }
  const rootPath = path.join(cwd, 'Cargo.toml')
  const now = options.now ?? (() => new Date())
  const ports = (
    report: ReportBody,
    meta: CargoMetadata | null,
    graph: DependencyGraph | null,
    manifests: ReadonlyMap<string, string | null>
  ): StagePorts => ({
    cwd,
    toolchain,
    metadata: meta,
    graph,
    manifests,
    phases,
    report,
    run,
    log: options.log ?? (() => undefined),
    env: options.env ?? process.env,
    now
  })

  const meta = await metadataStage(config, common, state)
  if (!meta) {
    // cargo may refuse to resolve because of a crate it cannot read (edition 2024 on an old cargo).
    const body = emptyReport(cwd, toolchain, config, phases)
    const found = await analysesStage(
      capabilities,
      ports(body, null, null, readManifests([rootPath], options.readText)),
      config,
      body
    )
    return { report: judge(capabilities, config, body, found), metadata: null }
  }
  assertWorkspaceRoot(meta, cwd)

  const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]))
  const shard = config.shard
    ? { ...config.shard, members: membersOfShard([...members.values()], config.shard, options.shardWeights) }
    : null
  const packages = shard?.members ?? null
  // Every manifest is read once, here; analyses get their text.
  const manifests = readManifests([rootPath, ...memberManifestPaths(meta)], options.readText)
  const graph = buildGraph(meta, manifests)
  const workspace = workspaceInfo(
    meta,
    declaredMsrv(manifests.get(rootPath) ?? null),
    toolchain,
    config.toolchain
  )
  if (packages?.length === 0) {
    const body = { ...emptyReport(cwd, toolchain, config, phases), workspace, shard: shard! }
    return { report: judge(capabilities, config, body, new Map()), metadata: meta }
  }

  const { tally, tests, compileOnce, buildCommand, unchecked } = await buildStage(
    config,
    options,
    state,
    common,
    members,
    packages,
    meta
  )
  const body: ReportBody = {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: now().toISOString(),
    workspace,
    crates: markNotChecked(
      crateSummaries(meta, tally, tests).filter(c => !packages || packages.includes(c.name)),
      unchecked
    ),
    diagnostics: tally.section(),
    tests,
    phases,
    compileOnce,
    ...(shard ? { shard } : {})
  }
  const found = await analysesStage(capabilities, ports(body, meta, graph, manifests), config, body)
  const judged = judge(capabilities, config, body, found)

  const timed = await timingStage(capabilities, config, options, state, {
    ...ports(body, meta, graph, manifests),
    stableSoFar: judged.verdict.stable,
    rebuild: () =>
      rebuildWorkspaceCrates(
        config,
        [...members.values()],
        state.timings,
        { ...common, members },
        buildCommand
      )
  })
  for (const [name, f] of timed) found.set(name, f)
  return { report: judge(capabilities, config, body, found), metadata: meta }
}

/** `cargo metadata`, read; null when cargo failed (its words are in the phase's failure). */
async function metadataStage(
  config: GateConfig,
  common: Pick<PhaseOptions, 'cwd' | 'run' | 'onStderr' | 'env'>,
  state: GateState
): Promise<CargoMetadata | null> {
  state.progress({ phase: 'metadata', state: 'start' })
  const metaRun = await runPhase('metadata', metadataCommand(config, state.toolchain.host), {
    ...common,
    collectStdout: true
  })
  state.progress({ phase: 'metadata', state: 'end', ok: succeeded(metaRun.result) })
  state.phases.push(metaRun.result)
  if (!metaRun.result.ran) throw new GateError('environment', metaRun.result.failure ?? 'cargo did not start')
  if (metaRun.result.exitCode === 0 && !metaRun.result.failure) {
    try {
      return parseMetadata(metaRun.stdout)
    } catch (e) {
      metaRun.result.failure = (e as Error).message
      return null
    }
  }
  if (!metaRun.result.failure)
    metaRun.result.failure = `exited with code ${metaRun.result.exitCode}: ${cargoWords(
      metaRun.errors.map(e => e.text),
      metaRun.stderrTail
    )}`
  return null
}

/** cargo check, then (when asked and the check is clean) the test build and the test run. */
async function buildStage(
  config: GateConfig,
  options: GateOptions,
  state: GateState,
  common: Pick<PhaseOptions, 'cwd' | 'run' | 'onStderr' | 'env'>,
  members: ReadonlyMap<string, string>,
  packages: string[] | null,
  meta: CargoMetadata
): Promise<{
  tally: DiagnosticTally
  tests: TestsSection
  compileOnce: CompileOnceSection
  buildCommand: Command | null
  unchecked: Map<string, string>
}> {
  const { progress, phases, timings } = state
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
  // The members each phase really built: a phase that skipped one cannot vouch for it.
  const built: Record<Exclude<PhaseName, 'metadata'>, Set<string>> = {
    check: new Set(),
    build: new Set(),
    'test-build': new Set(),
    test: new Set()
  }
  const cargoPhase = async (
    name: Exclude<PhaseName, 'metadata'>,
    extra: Partial<PhaseOptions> = {},
    command: Command = phaseCommand(config, name as Exclude<PhaseName, 'metadata' | 'build'>, packages)
  ) => {
    progress({ phase: name, state: 'start' })
    const attempt = (timed: boolean) =>
      runPhase(name, timed ? timings.command(command) : command, {
        ...common,
        ...(timed ? { onStderr: timings.listen(name, options.log) } : {}),
        members,
        sink: {
          ...sink,
          artifact: (a: ArtifactInfo) => {
            sink.artifact(a)
            const member = members.get(a.packageId)
            if (member) built[name].add(member)
          }
        },
        ...extra,
        env: { ...common.env, ...extra.env }
      })
    // Only the build phases are timed; the test run compiles nothing.
    let r = await attempt(name !== 'test')
    if (name !== 'test' && timings.enabled && refusedEmptyReport(r.result)) {
      timings.untimed(name)
      r = await attempt(false)
    }
    progress({ phase: name, state: 'end', ok: succeeded(r.result) })
    phases.push(r.result)
    return r
  }

  const plan = planBuild(config, meta, packages)
  const buildCommand = plan.mode === 'compile-once' ? compileOnceCommand(config, plan.args) : null
  // Compile once: one cargo build stands for check + test build (see compile-once.ts).
  const check = buildCommand ? await cargoPhase('build', {}, buildCommand) : await cargoPhase('check')
  explainExit(check.result, tally.errors > 0, tally, check.stderrTail)
  const checkSelected = packages ?? selectedMembers(config.checkArgs, meta)
  const checkBuilt = built[buildCommand ? 'build' : 'check']
  const checkable = expectedBuilt(meta, checkSelected, buildCommand?.args ?? config.checkArgs, 'check')
  // A check with nothing to check in any selected member checked nothing: it still has to build them.
  markUnbuilt(check.result, checkSelected, checkBuilt, checkable.length ? checkable : checkSelected)
  let tests: TestsSection = { ran: false, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [] }
  if (config.runTests)
    tests.notRun = whyNotTested(check.result, tally.errors, buildCommand ? 'the build' : 'cargo check')
  if (config.runTests && !tests.notRun && !buildCommand) {
    const build = await cargoPhase('test-build')
    explainExit(build.result, tally.errors > 0, tally, build.stderrTail)
    const testSelected = packages ?? selectedMembers(config.testArgs, meta)
    const testable = expectedBuilt(meta, testSelected, config.testArgs, 'test')
    markUnbuilt(build.result, testSelected, built['test-build'], testable)
    tests.notRun = whyNotTested(build.result, tally.errors, 'the test build (cargo test --no-run)')
  }
  if (config.runTests && !tests.notRun) {
    const libtest = new LibtestJsonReader()
    const identities: BinaryIdentity[] = []
    const failedTargets: string[] = []
    const test = await cargoPhase('test', {
      env: TEST_RUN_ENV,
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
  const compileOnce = { mode: plan.mode, reason: plan.mode === 'two-phase' ? plan.reason : null }
  const unchecked = notChecked(checkSelected, checkBuilt, stoppedAt(tally, members))
  return { tally, tests, compileOnce, buildCommand, unchecked }
}

/** Timing needs the verdict without itself: a regression that reached the default branch is recorded. */
const timingStage = (
  capabilities: readonly Capability[],
  config: GateConfig,
  options: GateOptions,
  state: GateState,
  ports: StagePorts
): Promise<Found> =>
  runStage(
    'timing',
    capabilities,
    {
      ...ports,
      baseline: options.baseline ?? null,
      ctx: options.ctx ?? readRunContext({}),
      timings: state.timings
    },
    config,
    ports.report
  )

const analysesStage = (
  capabilities: readonly Capability[],
  ports: StagePorts,
  config: GateConfig,
  body: ReportBody
): Promise<Found> => runStage('analyses', capabilities, ports, config, body)

/** Runs the capabilities of one stage in registry order; each writes its section into `body`. */
async function runStage(
  stage: Stage,
  capabilities: readonly Capability[],
  ports: StagePorts,
  config: GateConfig,
  body: ReportBody
): Promise<Found> {
  const found: Found = new Map()
  for (const c of capabilities) {
    if (c.stage !== stage || !c.run) continue
    const result = await c.run({ ...ports, report: body }, config)
    Object.assign(body, result.section)
    found.set(c.name, result.findings)
  }
  return found
}

/**
 * The judge: every capability's findings in registry order (the build stage's read from their sections
 * now, the others' as their run returned them), the fail-closed finding, and their fold.
 */
function judge(
  capabilities: readonly Capability[],
  config: GateConfig,
  body: ReportBody,
  found: Found
): GateReport {
  const findings = withTrust(
    body,
    capabilities.flatMap(c => found.get(c.name) ?? (c.stage === 'build' ? c.findings(body, config) : []))
  )
  return { ...body, findings, verdict: foldVerdict(findings) }
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
    // rustup explains a missing toolchain in two lines; with the workflow's RUST_BACKTRACE=1 it adds its own stack.
    env: { RUST_BACKTRACE: '0', RUST_LIB_BACKTRACE: '0' },
    onStdoutLine: l => (out += `${l}\n`),
    onStderrLine: l => errs.push(l)
  })
  progress({ phase: 'toolchain', state: 'end', ok: r.exitCode === 0 })
  if (r.spawnError)
    throw new GateError(
      'environment',
      `could not run rustc (${r.spawnError}); install Rust (e.g. with rustup) before running the gate.`
    )
  const parsed = r.exitCode === 0 ? parseRustcVersion(out) : null
  if (!parsed) {
    const why = errs.join('\n').trim() || `exit code ${r.exitCode ?? r.signal}`
    const input = config.toolchain ? 'toolchain' : null
    throw new GateError(
      'environment',
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
function declaredMsrv(manifest: string | null): string | null {
  try {
    const parsed = parseToml(manifest ?? '') as {
      workspace?: { package?: { 'rust-version'?: unknown } }
    }
    const v = parsed.workspace?.package?.['rust-version']
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
): ReportBody {
  return blankReport(
    { root, members: [], msrv: null, toolchain, requestedToolchain: config.toolchain },
    phases
  )
}

function succeeded(p: PhaseResult): boolean {
  return p.ran && p.exitCode === 0 && !p.failure
}
