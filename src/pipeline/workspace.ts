// What the gate reads before any stage: the workspace root, the toolchain (rustc -vV), `cargo
// metadata` (its failure in cargo's own words), every manifest once, and the shard's members.
import { existsSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { metadataCommand, rustcVersionCommand, CARGO_OUTPUT_ENV } from '../cargo/commands.js'
import { cargoWords } from '../cargo/explain.js'
import { memberManifestPaths, readManifests } from '../cargo/manifests.js'
import {
  declaredMsrv,
  parseMetadata,
  workspaceInfo,
  workspaceMembers,
  type CargoMetadata,
  type MetadataPackage
} from '../cargo/metadata.js'
import { runPhase, type ProcessRunner } from '../cargo/phase.js'
import type { ProgressEvent } from '../cargo/port.js'
import { parseRustcVersion, type Toolchain } from '../cargo/toolchain.js'
import type { CoreConfig } from '../config.js'
import { GateError } from '../errors.js'
import { ConfigError } from '../inputs.js'
import type { PhaseResult, ShardSection, WorkspaceInfo } from '../report/schema.js'
import { membersOfShard } from './shard/partition.js'

type Progress = (e: ProgressEvent) => void

/** What the stages run on. `meta` is null when cargo metadata failed (only cargo's words are known). */
export interface Workspace {
  cwd: string
  toolchain: Toolchain
  phases: PhaseResult[]
  meta: CargoMetadata | null
  /** Text of the root and every member Cargo.toml by absolute path, read once (null: unreadable). */
  manifests: ReadonlyMap<string, string | null>
  info: WorkspaceInfo
  members: MetadataPackage[]
  /** This job's share of the members; null when the run is not sharded. */
  shard: ShardSection | null
}

export async function readWorkspace(
  config: CoreConfig,
  o: {
    run: ProcessRunner
    progress: Progress
    log?: (line: string) => void
    readText?: (file: string) => string | null
    shardWeights?: ReadonlyMap<string, number>
  }
): Promise<Workspace> {
  const cwd = preflight(config.workingDirectory)
  const toolchain = await readToolchain(config, cwd, o.run, o.progress)
  const phases: PhaseResult[] = []
  const meta = await readMetadata(config, { ...o, cwd, host: toolchain.host }, phases)
  if (meta) assertWorkspaceRoot(meta, cwd)
  const root = path.join(cwd, 'Cargo.toml')
  const manifests = readManifests([root, ...(meta ? memberManifestPaths(meta) : [])], o.readText)
  const requested = config.toolchain
  const info = meta
    ? workspaceInfo(meta, declaredMsrv(manifests.get(root) ?? null), toolchain, requested)
    : { root: cwd, members: [], msrv: null, toolchain, requestedToolchain: requested }
  const members = meta ? workspaceMembers(meta) : []
  const names = members.map(p => p.name)
  const shard =
    meta && config.shard
      ? { ...config.shard, members: membersOfShard(names, config.shard, o.shardWeights) }
      : null
  return { cwd, toolchain, phases, meta, manifests, info, members, shard }
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
  config: Pick<CoreConfig, 'toolchain'>,
  cwd: string,
  run: ProcessRunner,
  progress: Progress
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

/** `cargo metadata`, read; null when cargo failed (its words are in the phase's failure). */
async function readMetadata(
  config: Pick<CoreConfig, 'toolchain'>,
  o: { cwd: string; run: ProcessRunner; progress: Progress; log?: (line: string) => void; host: string },
  phases: PhaseResult[]
): Promise<CargoMetadata | null> {
  o.progress({ phase: 'metadata', state: 'start' })
  const meta = await runPhase('metadata', metadataCommand(config, o.host), {
    cwd: o.cwd,
    run: o.run,
    onStderr: o.log,
    env: CARGO_OUTPUT_ENV,
    collectStdout: true
  })
  const r = meta.result
  o.progress({ phase: 'metadata', state: 'end', ok: r.ran && r.exitCode === 0 && !r.failure })
  phases.push(r)
  if (!r.ran) throw new GateError('environment', r.failure ?? 'cargo did not start')
  if (r.exitCode === 0 && !r.failure) {
    try {
      return parseMetadata(meta.stdout)
    } catch (e) {
      r.failure = (e as Error).message
      return null
    }
  }
  if (!r.failure)
    r.failure = `exited with code ${r.exitCode}: ${cargoWords(
      meta.errors.map(e => e.text),
      meta.stderrTail
    )}`
  return null
}

function assertWorkspaceRoot(meta: CargoMetadata, cwd: string): void {
  const root = realpathSync(meta.workspace_root)
  if (root !== cwd)
    throw new ConfigError(
      'working-directory',
      `${cwd} is a member of the workspace at ${root}, not its root; set working-directory to ${path.relative(process.cwd(), root) || '.'}.`
    )
}
