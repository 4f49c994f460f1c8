// Compile once: `cargo check` then `cargo test` compiles every workspace crate twice (metadata, then
// code). One `cargo build --lib --bins --tests --examples` compiles the same units as both:
// - `cargo check` (no target flags) checks lib and bins in normal mode: `--lib --bins`, same cfg, so
//   the same lints (dead code used only by tests included);
// - `cargo test --no-run` builds the test-mode lib, bins and integration tests (`--tests`) and the
//   examples (`--examples`), and the normal lib they link;
// and `cargo test` afterwards finds every unit fresh (same dev/test profiles). This holds only when
// both commands compile the same: packages, features, profile, target, `--config` values and -Z flags,
// read by meaning (build-args.ts), and no target selection; otherwise the gate runs the two phases. Pure: the user's args and the workspace in, a plan out.
import { cargoOwnArgs, MESSAGE_FORMAT, withoutOutputFlags, type Command } from '../../cargo/commands.js'
import { readBuildArgs, type BuildArgs } from '../../cargo/build-args.js'
import { isLibTarget, type CargoMetadata } from '../../cargo/metadata.js'

export type BuildPlan = { mode: 'compile-once'; args: string[] } | { mode: 'two-phase'; reason: string }

export interface CompileOnceInput {
  compileOnce: 'auto' | 'off'
  runTests: boolean
  checkArgs: string[]
  testArgs: string[]
}

/** Only the test run reads these. */
const RUN_ONLY = new Set(['--no-fail-fast', '--fail-fast'])

/**
 * `packages`: the shard's members, which replace the user's package selection in both commands
 * (see commands.ts); null for the user's own selection.
 */
export function planBuild(
  input: CompileOnceInput,
  meta: Pick<CargoMetadata, 'packages' | 'workspace_members' | 'workspace_default_members'>,
  packages: string[] | null = null
): BuildPlan {
  if (input.compileOnce === 'off') return twoPhase('compile-once is off')
  if (!input.runTests) return twoPhase('tests are not run, so `cargo check` alone is the build')
  const checkArgs = withoutOutputFlags(input.checkArgs)
  const testArgs = withoutOutputFlags(input.testArgs)
  // --keep-going changes only how far a failed build goes; the one build keeps going anyway.
  const check = readBuildArgs(
    checkArgs.filter(a => a !== '--keep-going'),
    'check-args'
  )
  const test = readBuildArgs(
    cargoOwnArgs(testArgs).filter(a => !RUN_ONLY.has(a)),
    'test-args'
  )
  if (typeof check === 'string') return twoPhase(check)
  if (typeof test === 'string') return twoPhase(test)
  if (packages) {
    for (const s of [check, test]) Object.assign(s, { workspace: false, packages, exclude: [] })
  }
  if (!same(selectionOf(check), selectionOf(test)))
    return twoPhase('check-args and test-args select different packages')
  const differs = HOW.find(([, of]) => !same(of(check), of(test)))
  if (differs) return twoPhase(`check-args and test-args differ in ${differs[0](check, test)}`)
  if (check.config.some(setsTestProfile))
    return twoPhase(
      "check-args' --config sets the test or bench profile, which the one `cargo build` does not build with"
    )
  const selected = selectedPackages(check, meta)
  if (!same(featuresOf(check), featuresOf(test)) && selected.some(p => Object.keys(p.features).length > 0))
    return twoPhase('check-args and test-args select different features')
  const hasLib = selected.some(p => p.targets.some(isLibTarget))
  return {
    mode: 'compile-once',
    args: [
      ...(packages ? [...withoutSelection(checkArgs), ...packages.flatMap(p => ['-p', p])] : checkArgs),
      ...(hasLib ? ['--lib'] : []),
      '--bins',
      '--tests',
      '--examples'
    ]
  }
}

/** The one build, read like the check: cargo's JSON messages, and --keep-going as the check has it. */
export function compileOnceCommand(config: { toolchain: string | null }, args: string[]): Command {
  const toolchain = config.toolchain ? [`+${config.toolchain}`] : []
  const keepGoing = args.includes('--keep-going') ? [] : ['--keep-going']
  return { program: 'cargo', args: [...toolchain, 'build', ...args, ...keepGoing, MESSAGE_FORMAT] }
}

function twoPhase(reason: string): BuildPlan {
  return { mode: 'two-phase', reason }
}

/** How both commands compile, beyond packages and features: what differs, and how to read it. */
const HOW: [(a: BuildArgs, b: BuildArgs) => string, (s: BuildArgs) => unknown][] = [
  [() => 'their profile (--profile, --release)', s => s.profile],
  [() => 'their target (--target)', s => [...new Set(s.targets)].sort()],
  [() => 'their --config values', s => s.config],
  [() => 'their -Z flags', s => s.unstable],
  [(a, b) => diff(a.other, b.other).join(' ') || 'the order of their flags', s => [...s.other].sort()]
]

/** A `--config` that sets `profile.test` or `profile.bench`: `cargo test` builds with those, `cargo build` not. */
function setsTestProfile(config: string): boolean {
  if (config.startsWith('file:')) return false
  const profile = (JSON.parse(config) as { profile?: Record<string, unknown> }).profile
  return profile !== undefined && ('test' in profile || 'bench' in profile)
}

function selectionOf(s: BuildArgs) {
  return { workspace: s.workspace, packages: [...s.packages].sort(), exclude: [...s.exclude].sort() }
}

function featuresOf(s: BuildArgs) {
  return { all: s.allFeatures, noDefault: s.noDefaultFeatures, features: [...new Set(s.features)].sort() }
}

/** The packages both commands build: as cargo resolves `--workspace`, `-p`, `--exclude` and defaults. */
function selectedPackages(
  s: BuildArgs,
  meta: Pick<CargoMetadata, 'packages' | 'workspace_members' | 'workspace_default_members'>
) {
  const members = meta.packages.filter(p => meta.workspace_members.includes(p.id))
  if (s.packages.length > 0) return members.filter(p => s.packages.includes(p.name))
  if (s.workspace) return members.filter(p => !s.exclude.includes(p.name))
  const defaults = meta.workspace_default_members ?? meta.workspace_members
  return members.filter(p => defaults.includes(p.id))
}

/** The args without package selection (for a shard, whose `-p` list replaces it). */
function withoutSelection(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--workspace' || a === '--all') continue
    if (a === '-p' || a === '--package' || a === '--exclude') {
      i++
      continue
    }
    if (a.startsWith('--package=') || a.startsWith('--exclude=')) continue
    out.push(a)
  }
  return out
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function diff(a: string[], b: string[]): string[] {
  return [...a.filter(x => !b.includes(x)), ...b.filter(x => !a.includes(x))]
}
