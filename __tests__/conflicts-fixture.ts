import type { ConflictOptions } from '../src/capabilities/conflicts/index.js'
// Runs real cargo on the conflict fixtures, offline, the way the gate does.
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { parse } from 'smol-toml'
import { parseMetadata, workspaceMsrv, type CargoMetadata } from '../src/cargo/metadata.js'
import { runProcess } from '../src/cargo/process.js'

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../__fixtures__/conflicts'
)

export function fixture(name: string): string {
  return path.join(FIXTURES, name)
}

export interface CargoRun {
  exitCode: number | null
  stdout: string
  stderr: string
}

export async function cargo(dir: string, args: string[]): Promise<CargoRun> {
  const stdout: string[] = []
  const stderr: string[] = []
  const outcome = await runProcess('cargo', args, {
    cwd: dir,
    env: { CARGO_TARGET_DIR: path.join(dir, 'target'), CARGO_TERM_COLOR: 'never' },
    onStdoutLine: l => stdout.push(l),
    onStderrLine: l => stderr.push(l)
  })
  if (outcome.spawnError) throw new Error(`cargo could not start: ${outcome.spawnError}`)
  return { exitCode: outcome.exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

export async function host(): Promise<{ triple: string; release: string }> {
  const out: string[] = []
  await runProcess('rustc', ['-vV'], { cwd: FIXTURES, onStdoutLine: l => out.push(l) })
  const field = (n: string): string => out.find(l => l.startsWith(`${n}: `))!.slice(n.length + 2)
  return { triple: field('host'), release: field('release') }
}

export async function metadata(dir: string): Promise<CargoMetadata> {
  const { triple } = await host()
  const run = await cargo(dir, [
    'metadata',
    '--format-version',
    '1',
    '--offline',
    '--filter-platform',
    triple
  ])
  if (run.exitCode !== 0) throw new Error(`cargo metadata failed in ${dir}:\n${run.stderr}`)
  return parseMetadata(run.stdout)
}

/** The MSRV the gate would report: `[workspace.package] rust-version`, else the lowest member's. */
export function msrvOf(dir: string, meta: CargoMetadata): string | null {
  const root = parse(readFileSync(path.join(dir, 'Cargo.toml'), 'utf8')) as {
    workspace?: { package?: { 'rust-version'?: string } }
  }
  return workspaceMsrv(meta, root.workspace?.package?.['rust-version'] ?? null)
}

/** `cargo tree -d` as a set of `name@version`, read from its `name vX.Y.Z` root lines. */
export async function cargoTreeDuplicates(dir: string, extra: string[], target?: string): Promise<string[]> {
  const triple = target ?? (await host()).triple
  const run = await cargo(dir, ['tree', '-d', '--offline', '--target', triple, '--color', 'never', ...extra])
  if (run.exitCode !== 0) throw new Error(`cargo tree failed in ${dir}:\n${run.stderr}`)
  const roots = run.stdout
    .split('\n')
    .map(l => /^(\S+) v(\S+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => `${m[1]}@${m[2]}`)
  return [...new Set(roots)].sort()
}

/** The action's defaults, with no toolchain or MSRV known: each test overrides what it checks. */
export const DEFAULT_OPTIONS: ConflictOptions = {
  toolchain: null,
  duplicateVersions: 'warn',
  duplicateVersionsIncludeDev: false,
  allowDuplicates: [],
  singleVersionCrates: [],
  msrvCheck: 'deny',
  msrvCheckIncludeDev: false
}
