// Compile once: `cargo check` then `cargo test` compiles every workspace crate twice (metadata, then
// code). One `cargo build --lib --bins --tests --examples` compiles the same units as both:
// - `cargo check` (no target flags) checks lib and bins in normal mode: `--lib --bins`, same cfg, so
//   the same lints (dead code used only by tests included);
// - `cargo test --no-run` builds the test-mode lib, bins and integration tests (`--tests`) and the
//   examples (`--examples`), and the normal lib they link;
// and `cargo test` afterwards finds every unit fresh (same dev/test profiles). This holds only when
// both commands select the same packages, features and profile, with no target flags; otherwise the
// gate runs the two phases. Pure: the user's args and the workspace in, a plan out.
import { cargoOwnArgs, MESSAGE_FORMAT, withoutOutputFlags, type Command } from '../../cargo/commands.js'
import { isLibTarget, type CargoMetadata } from '../../cargo/metadata.js'

export type BuildPlan = { mode: 'compile-once'; args: string[] } | { mode: 'two-phase'; reason: string }

export interface CompileOnceInput {
  compileOnce: 'auto' | 'off'
  runTests: boolean
  checkArgs: string[]
  testArgs: string[]
}

/** Flags that take a value (as the next argument or after `=`). */
const VALUED = new Set(['-p', '--package', '--exclude', '-F', '--features', '-j', '--jobs', '--target-dir'])
/** Flags that change neither what is compiled nor how; compared as they are. */
const NEUTRAL = new Set(['--locked', '--offline', '--frozen', '-v', '--verbose', '-vv', '-q', '--quiet'])
/** Only the test run reads these. */
const RUN_ONLY = new Set(['--no-fail-fast', '--fail-fast'])

interface Selection {
  workspace: boolean
  packages: string[]
  exclude: string[]
  allFeatures: boolean
  noDefaultFeatures: boolean
  features: string[]
  /** Neutral flags and valued ones other than selection and features (`-j 2`, `--target-dir x`). */
  other: string[]
}

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
  const check = readArgs(checkArgs, 'check-args')
  const test = readArgs(
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
  if (!same([...check.other].sort(), [...test.other].sort()))
    return twoPhase(
      `check-args and test-args differ in ${diff(check.other, test.other).join(' ') || 'their flags'}`
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

function readArgs(args: string[], input: string): Selection | string {
  const s: Selection = {
    workspace: false,
    packages: [],
    exclude: [],
    allFeatures: false,
    noDefaultFeatures: false,
    features: [],
    other: []
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    if (flag === '--workspace' || flag === '--all') s.workspace = true
    else if (flag === '--all-features') s.allFeatures = true
    else if (flag === '--no-default-features') s.noDefaultFeatures = true
    else if (NEUTRAL.has(flag)) s.other.push(flag)
    else if (VALUED.has(flag)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1)
      if (value === undefined) return `${input}: ${flag} has no value`
      if (flag === '-p' || flag === '--package') s.packages.push(value)
      else if (flag === '--exclude') s.exclude.push(value)
      else if (flag === '-F' || flag === '--features')
        s.features.push(...value.split(/[ ,]+/).filter(Boolean))
      else s.other.push(`${flag}=${value}`)
    } else
      return `${input} has \`${arg}\`, which compile-once does not know to be the same for check and test`
  }
  return s
}

function selectionOf(s: Selection) {
  return { workspace: s.workspace, packages: [...s.packages].sort(), exclude: [...s.exclude].sort() }
}

function featuresOf(s: Selection) {
  return { all: s.allFeatures, noDefault: s.noDefaultFeatures, features: [...new Set(s.features)].sort() }
}

/** The packages both commands build: as cargo resolves `--workspace`, `-p`, `--exclude` and defaults. */
function selectedPackages(
  s: Selection,
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
