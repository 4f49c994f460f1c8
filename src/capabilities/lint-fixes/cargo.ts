// The cargo commands of a lint fix: the check that measures the warnings (which of them carry a
// machine-applicable suggestion, as cargo's JSON says), and `cargo fix` / `cargo clippy --fix` with the
// same arguments and the same targets, so what is fixed is exactly what is measured.
import { stripVTControlCharacters } from 'node:util'
import { CARGO_OUTPUT_ENV, phaseCommand, withoutOutputFlags, type Command } from '../../cargo/commands.js'
import { diagnosticKey } from '../../cargo/messages.js'
import { runPhase, type ProcessRunner } from '../../cargo/phase.js'
import { warningIdentity } from '../../cargo/warning-set.js'
import type { Diagnostic } from '../../report/schema.js'
import { clippyCheck } from '../build/index.js'
import type { LintFixConfig } from './section.js'

/** cargo's target selection flags; without one, every target is fixed and measured. */
const TARGETS = /^--(lib|bins?|tests?|examples?|benches|bench|all-targets)(=|$)/

/** One warning as measured: its identity (crate, lint, file, message: not its line) and details. */
export interface Measured {
  identity: string
  crate: string
  lint: string
  file: string
  rendered: string
  /** It carries a suggestion cargo fix applies (`suggestion_applicability: "MachineApplicable"`). */
  fixable: boolean
}

export interface Measurement {
  warnings: Measured[]
  /** Compile errors of workspace crates and of dependencies, in rustc's words. */
  errors: string[]
  /** Why the check cannot be read (did not run, killed, untrusted output); null when it can. */
  failure: string | null
}

export interface Where {
  root: string
  /** The scratch copy's own target directory; null: cargo's (the user's tree). */
  targetDir: string | null
  members: ReadonlyMap<string, string>
  run: ProcessRunner
  timeoutSeconds: number
}

/** The check-args with every target, unless they select targets themselves (cargo fix's default). */
function withTargets(args: string[]): string[] {
  const own = withoutOutputFlags(args)
  const sep = own.indexOf('--')
  const cargoArgs = sep === -1 ? own : own.slice(0, sep)
  return cargoArgs.some(a => TARGETS.test(a))
    ? own
    : [...cargoArgs, '--all-targets', ...own.slice(cargoArgs.length)]
}

export function checkCommand(config: LintFixConfig): Command {
  const check = phaseCommand(
    { toolchain: config.toolchain, checkArgs: withTargets(config.checkArgs) },
    'check'
  )
  return config.clippy ? clippyCheck(check, config.clippyArgs) : check
}

/** `cargo fix` / `cargo clippy --fix` with the check's args and targets, and the consents given. */
export function fixCommand(config: LintFixConfig, consents: string[]): Command {
  const plus = config.toolchain ? [`+${config.toolchain}`] : []
  const args = withTargets(config.checkArgs).filter(a => a !== '--keep-going')
  const sub = config.clippy ? ['clippy', '--fix'] : ['fix']
  const lints = config.clippy && config.clippyArgs.length ? ['--', ...config.clippyArgs] : []
  return { program: 'cargo', args: [...plus, ...sub, ...args, ...consents, ...lints] }
}

export function cargoEnv(where: Where): Record<string, string> {
  return { ...CARGO_OUTPUT_ENV, ...(where.targetDir ? { CARGO_TARGET_DIR: where.targetDir } : {}) }
}

/** The check as the gate runs it, reading which warnings are machine-applicable. */
export async function measure(config: LintFixConfig, where: Where): Promise<Measurement> {
  const warnings: Measured[] = []
  const errors: string[] = []
  const seen = new Set<string>()
  const sink = {
    diagnostic: (d: Diagnostic) => {
      const key = diagnosticKey(d)
      if (seen.has(key)) return
      seen.add(key)
      if (d.severity === 'error') return void errors.push(d.rendered.trim() || d.message)
      warnings.push({
        identity: warningIdentity(d),
        crate: d.crate,
        lint: d.code ?? '',
        file: d.span?.file ?? '',
        rendered: stripVTControlCharacters(d.rendered).trim() || d.message,
        // The diagnostics reader keeps the fixes whose every edit is machine-applicable: cargo fix's.
        fixable: (d.suggestions?.length ?? 0) > 0
      })
    },
    dependencyError: (pkg: string, message: string) => void errors.push(`${pkg}: ${message}`)
  }
  const r = await runPhase('check', checkCommand(config), {
    cwd: where.root,
    env: cargoEnv(where),
    members: where.members,
    sink,
    run: where.run,
    timeoutSeconds: where.timeoutSeconds
  })
  const failed =
    r.result.failure ??
    (r.result.exitCode !== 0 && errors.length === 0 ? cargoSaid(r.result.cargoErrors, r.stderrTail) : null)
  return { warnings, errors, failure: failed }
}

export interface FixRun {
  ok: boolean
  /** What cargo fix said it fixed: `a/src/lib.rs (3 fixes)` → a/src/lib.rs. */
  files: string[]
  /** cargo fix's own words: its errors, and the fixes it had to take back. */
  said: string[]
  failure: string | null
  command: string[]
}

export async function cargoFix(config: LintFixConfig, where: Where, consents: string[]): Promise<FixRun> {
  const command = fixCommand(config, consents)
  const stderr: string[] = []
  const r = await where.run(command.program, command.args, {
    cwd: where.root,
    env: cargoEnv(where),
    timeoutSeconds: where.timeoutSeconds,
    onStderrLine: line => stderr.push(stripVTControlCharacters(line))
  })
  const files = stderr.flatMap(l => /^\s*Fixed (.+?) \(\d+ fix(?:es)?\)$/.exec(l)?.[1] ?? [])
  const said = cargoWords(stderr)
  const failure = r.spawnError
    ? `could not start cargo: ${r.spawnError}`
    : r.timedOut
      ? `\`${command.args.join(' ')}\` did not finish within ${where.timeoutSeconds} s and was killed`
      : r.signal
        ? `cargo was killed by signal ${r.signal}`
        : r.exitCode !== 0
          ? `\`cargo ${command.args.join(' ')}\` exited with code ${r.exitCode}`
          : null
  return { ok: failure === null, files, said, failure, command: [command.program, ...command.args] }
}

/** cargo's `error:` and `warning: failed to automatically apply fixes…` blocks, as it printed them. */
function cargoWords(lines: string[]): string[] {
  const out: string[] = []
  let block: string[] | null = null
  for (const line of lines) {
    if (/^(error|warning)(\[\w+\])?: /.test(line)) {
      if (block) out.push(block.join('\n').trim())
      block = /^error|^warning: failed to automatically apply fixes/.test(line) ? [line] : null
    } else if (block && !/^\s+(Checking|Compiling|Fixed|Finished|Blocking)\b/.test(line)) block.push(line)
  }
  if (block) out.push(block.join('\n').trim())
  return out.filter(Boolean).slice(0, 10)
}

function cargoSaid(cargoErrors: string[], tail: string[]): string {
  return cargoErrors.join('\n').trim() || tail.slice(-5).join('\n').trim() || 'cargo check failed'
}
