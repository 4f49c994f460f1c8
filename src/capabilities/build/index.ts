// build: cargo check (and the test build) read per crate: compile errors, warnings, phases.
import { ownMessageFormat } from '../../cargo/commands.js'
import type { PhaseHook } from '../../cargo/port.js'
import { phaseSeconds } from '../../report/format.js'
import { ConfigError, type InputParsers } from '../../inputs.js'
import type { Capability } from '../capability.js'
import { diagnosticFindings, phaseFindings, untrustedCheck } from './findings.js'
import {
  buildMarkdown,
  diagnosticAnnotations,
  logLines,
  omittedText,
  terminalDiagnostics
} from './render.js'
import { findClippy } from './clippy.js'
import { runBuild } from './run.js'
import { BUILD_CODES, type BuildConfig, type BuildParts } from './section.js'

export { clippyCheck } from './clippy.js'
export type { BuildConfig, BuildCrate, BuildParts, BuildSection, CompileOnceSection } from './section.js'

function denyWarnings(p: InputParsers): Pick<BuildConfig, 'denyWarnings' | 'warningRatchet'> {
  if (p.raw('deny-warnings') === 'new') return { denyWarnings: false, warningRatchet: true }
  try {
    return { denyWarnings: p.bool('deny-warnings'), warningRatchet: false }
  } catch {
    throw new ConfigError(
      'deny-warnings',
      `'${p.raw('deny-warnings')}' is not a boolean nor new; use true (every warning blocks), false (none does) or new (only warnings new against the base block).`
    )
  }
}

function clippy(p: InputParsers): Pick<BuildConfig, 'clippy' | 'clippyArgs'> {
  const on = p.bool('clippy')
  const args = p.args('clippy-args')
  if (args.length && !on)
    throw new ConfigError('clippy-args', 'is set, but clippy is false: set clippy: true to check with cargo clippy.')
  return { clippy: on, clippyArgs: args }
}

export const build: Capability<BuildParts> = {
  name: 'build',
  stage: 'build',
  inputs: [
    {
      name: 'check-args',
      default: '--workspace --all-features',
      description: 'Arguments for `cargo check` (split on spaces, quotes respected; never passed to a shell).'
    },
    {
      name: 'compile-once',
      default: 'auto',
      description:
        "With `auto`, when check-args and test-args compile the same (packages, features, profile, target, `--config` values and `-Z` flags, compared by meaning, not spelling), one `cargo build --lib --bins --tests --examples` replaces `cargo check` and the test build (the same diagnostics, each crate compiled once) and `cargo test` reuses it; otherwise, or with `off`, check and test build run apart. The report's `compileOnce` section says which ran and why."
    },
    {
      name: 'clippy',
      default: 'false',
      description:
        "Check with `cargo clippy` instead of `cargo check` (same check-args): clippy's lints are reported, counted and held like rustc's warnings. With compile-once, clippy's driver wraps rustc in the one build and the test run. Needs the clippy component (`rustup component add clippy`)."
    },
    {
      name: 'clippy-args',
      default: '',
      description: 'Arguments for clippy, passed after `--` (e.g. `-W clippy::pedantic`); needs `clippy: true`.'
    },
    {
      name: 'deny-warnings',
      default: 'true',
      description:
        'Warnings from workspace crates make the build unstable (dependency warnings never count). `new`: only warnings new against the base block (a ratchet: per crate and lint the count must not grow), compared with the run history that trusted runs keep.'
    }
  ],
  parse: p => ({
    checkArgs: ownMessageFormat(p.args('check-args'), 'check-args'),
    compileOnce: p.oneOf('compile-once', ['auto', 'off'] as const),
    ...denyWarnings(p),
    ...clippy(p)
  }),
  codes: BUILD_CODES,
  outputs: [
    {
      name: 'errors',
      description: 'Compile errors in workspace crates.',
      value: r => String(r.diagnostics.errors)
    },
    {
      name: 'warnings',
      description: 'Warnings in workspace crates (dependency warnings are not counted).',
      value: r => String(r.diagnostics.warnings)
    },
    {
      name: 'check-seconds',
      description:
        'Wall seconds of `cargo check` (with compile-once, of the one `cargo build` that replaced check and test build).',
      // With compile-once, the one build that did the check's work.
      value: r => phaseSeconds(r, r.phases.some(p => p.name === 'build') ? ['build'] : ['check'])
    }
  ],
  crateDefaults: { warnings: 0, errors: 0 },
  start: () => {
    const state: BuildParts['state'] & { hook: PhaseHook } = {
      wrapper: null,
      hook: {
        // The test run reuses the one build only when clippy's driver wraps rustc there too.
        command: (phase, cmd) =>
          state.wrapper && (phase === 'build' || phase === 'test') ? { ...cmd, env: { ...cmd.env, ...state.wrapper } } : cmd
      }
    }
    return state
  },
  run: async (ports, config, state) =>
    ports.cargo && ports.metadata
      ? runBuild(
          ports.cargo,
          ports.metadata,
          ports.report.shard?.members ?? null,
          config,
          config.clippy ? await findClippy(ports.run, ports.cwd, config) : null,
          state
        )
      : { section: {} },
  // Its findings span every phase, the tests' run included: read once every stage ran.
  findings: (report, config) => [...phaseFindings(report, config), ...diagnosticFindings(report, config)],
  guard: (report, findings) => {
    const guard = untrustedCheck(report, findings)
    return guard ? [guard] : []
  },
  table: {
    columns: [
      { header: 'warnings', cell: c => String(c.warnings), total: r => String(r.diagnostics.warnings) },
      { header: 'errors', cell: c => String(c.errors), total: r => String(r.diagnostics.errors) }
    ],
    // Zeros of a crate cargo never reached would read as clean.
    unreached: c => c.notChecked ?? null
  },
  markdown: (r, ctx) => buildMarkdown(r, ctx.links),
  lead: terminalDiagnostics,
  terminal: omittedText,
  log: logLines,
  annotations: diagnosticAnnotations
}
