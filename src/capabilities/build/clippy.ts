// Clippy as the checker (`clippy: true`). Two phases: `cargo clippy` with the check-args where
// `cargo check` ran, clippy-args after `--`. Compile once: clippy's own driver wraps rustc for the
// workspace's crates in the one `cargo build` (RUSTC_WORKSPACE_WRAPPER, the lint flags in CLIPPY_ARGS,
// as `cargo clippy` passes them), and in the test run too, so cargo's fingerprints agree and the tests
// rebuild nothing. clippy missing from the toolchain is a clear error, before any phase runs.
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import type { Command } from '../../cargo/commands.js'
import type { ProcessRunner } from '../../cargo/phase.js'
import { GateError } from '../../errors.js'

/** How cargo-clippy joins the lint flags into CLIPPY_ARGS (clippy-driver splits them on it). */
const CLIPPY_SEPARATOR = '__CLIPPY_HACKERY__'

export interface ClippySetup {
  args: string[]
  /** clippy-driver in the toolchain's sysroot; null when it is not there (then the two phases run). */
  driver: string | null
}

/** The clippy the toolchain has, or a GateError saying how to install it. */
export async function findClippy(
  run: ProcessRunner,
  cwd: string,
  config: { toolchain: string | null; clippyArgs: string[] }
): Promise<ClippySetup> {
  const plus = config.toolchain ? [`+${config.toolchain}`] : []
  const said: string[] = []
  const listen = { onStdoutLine: (l: string) => said.push(l), onStderrLine: (l: string) => said.push(l) }
  const version = await run('cargo', [...plus, 'clippy', '--version'], { cwd, timeoutSeconds: 120, ...listen })
  if (version.exitCode !== 0) {
    const words = said.find(l => /error/i.test(l)) ?? said[0] ?? version.spawnError ?? 'no output'
    const toolchain = config.toolchain ? ` --toolchain ${config.toolchain}` : ''
    throw new GateError(
      'environment',
      `clippy: true, but clippy is not installed for ${config.toolchain ? `the toolchain ${config.toolchain}` : 'the active toolchain'} (\`cargo clippy --version\`: ${words.trim()}). Install it with \`rustup component add clippy${toolchain}\`, or set clippy: false.`,
      'clippy'
    )
  }
  said.length = 0
  const sysroot = await run('rustc', [...plus, '--print', 'sysroot'], { cwd, timeoutSeconds: 120, ...listen })
  const driver = sysroot.exitCode === 0 && said[0] ? path.join(said[0].trim(), 'bin', 'clippy-driver') : null
  return { args: config.clippyArgs, driver: driver && existsSync(driver) ? driver : null }
}

/** `cargo check …` as `cargo clippy …`, the lint flags after `--`. */
export function clippyCheck(cmd: Command, args: readonly string[]): Command {
  const sub = cmd.args.indexOf('check')
  if (sub === -1) return cmd
  const withClippy = [...cmd.args.slice(0, sub), 'clippy', ...cmd.args.slice(sub + 1)]
  return { ...cmd, args: args.length ? [...withClippy, '--', ...args] : withClippy }
}

/** What the one build and the test run need so that clippy lints the workspace's crates in them. */
export function clippyWrapper(setup: ClippySetup & { driver: string }): Record<string, string> {
  return {
    RUSTC_WORKSPACE_WRAPPER: setup.driver,
    CLIPPY_ARGS: setup.args.map(a => `${a}${CLIPPY_SEPARATOR}`).join('')
  }
}
