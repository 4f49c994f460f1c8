// argv for each cargo phase, from the config alone (pure, so tests and dry runs can show it).
import { ConfigError } from '../inputs.js'
import type { PhaseName } from '../report/schema.js'

/** What the commands are made of: the toolchain and the user's cargo arguments. */
export interface CargoArgs {
  toolchain: string | null
  checkArgs: string[]
  testArgs: string[]
}

export interface Command {
  program: string
  args: string[]
  /** Variables the command needs besides the gate's (a compiler wrapper), as much a part of it as its args. */
  env?: Readonly<Record<string, string>>
}

/** The user's args for the input, refused when they set --message-format: the gate sets it to read cargo. */
export function ownMessageFormat(args: string[], input: string): string[] {
  const given = args.find(a => a.startsWith('--message-format'))
  if (given)
    throw new ConfigError(
      input,
      `remove '${given}': the gate sets --message-format=json itself to read cargo's messages.`
    )
  return args
}

// rustc's `rendered` text with cargo's colours: the terminal shows it as cargo would; the reader strips
// the colours for the report, the summary and non-terminals.
export const MESSAGE_FORMAT = '--message-format=json-diagnostic-rendered-ansi'

/**
 * cargo's own status lines ("Running …", "error: test failed, to rerun pass …") are read in its default
 * words: a workflow's `CARGO_TERM_COLOR: always` (GitHub's Rust starter sets it) or `--verbose` would
 * otherwise colour or reword them. They change how cargo talks, never what it builds.
 */
export const CARGO_OUTPUT_ENV: Readonly<Record<string, string>> = {
  CARGO_TERM_COLOR: 'never',
  CARGO_TERM_VERBOSE: 'false',
  CARGO_TERM_QUIET: 'false'
}

const OUTPUT_FLAGS = new Set(['-q', '--quiet', '-v', '-vv', '-vvv', '--verbose'])

/** The user's cargo args without the flags that only change cargo's own output (see CARGO_OUTPUT_ENV). */
export function withoutOutputFlags(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') return [...out, ...args.slice(i)]
    if (OUTPUT_FLAGS.has(a) || a.startsWith('--color=')) continue
    if (a === '--color') {
      i++
      continue
    }
    out.push(a)
  }
  return out
}

/** The args cargo reads itself: those before `--` (after it, the test harness's). */
export function cargoOwnArgs(args: readonly string[]): string[] {
  const sep = args.indexOf('--')
  return sep === -1 ? [...args] : args.slice(0, sep)
}

/** `+toolchain` goes first, as rustup's proxies require. */
function cargo(config: Pick<CargoArgs, 'toolchain'>, args: string[]): Command {
  return { program: 'cargo', args: config.toolchain ? [`+${config.toolchain}`, ...args] : args }
}

export function rustcVersionCommand(config: Pick<CargoArgs, 'toolchain'>): Command {
  return { program: 'rustc', args: config.toolchain ? [`+${config.toolchain}`, '-vV'] : ['-vV'] }
}

export function metadataCommand(config: Pick<CargoArgs, 'toolchain'>, host: string | null): Command {
  const filter = host ? ['--filter-platform', host] : []
  return cargo(config, ['metadata', '--format-version', '1', ...filter])
}

/**
 * `packages` restricts the run to some members (a shard): the workspace-wide selection flags of the
 * user's args are replaced by `-p NAME` for each.
 */
export function phaseCommand(
  config: Pick<CargoArgs, 'toolchain' | 'checkArgs'>,
  phase: 'check',
  packages?: string[] | null
): Command
export function phaseCommand(
  config: Pick<CargoArgs, 'toolchain' | 'testArgs'>,
  phase: 'test-build' | 'test',
  packages?: string[] | null
): Command
export function phaseCommand(
  config: Pick<CargoArgs, 'toolchain'> & Partial<Pick<CargoArgs, 'checkArgs' | 'testArgs'>>,
  phase: Exclude<PhaseName, 'metadata' | 'build'>,
  packages: string[] | null = null
): Command {
  const select = (userArgs: string[]): string[] => {
    const args = withoutOutputFlags(userArgs)
    if (!packages) return args
    // The packages are cargo's arguments: before `--`, after which they would go to the test binaries.
    const own = cargoOwnArgs(args)
    return [
      ...own.filter(a => a !== '--workspace' && a !== '--all'),
      ...packages.flatMap(p => ['-p', p]),
      ...args.slice(own.length)
    ]
  }
  if (phase === 'check') {
    // --keep-going: a crate that fails does not stop cargo from checking the others, so every
    // member is judged in one run (stable since cargo 1.74).
    const args = select(config.checkArgs ?? [])
    const keepGoing = args.includes('--keep-going') ? [] : ['--keep-going']
    return cargo(config, ['check', ...args, ...keepGoing, MESSAGE_FORMAT])
  }
  const testArgs = select(config.testArgs ?? [])
  // Options after `--` go to the test binaries; ours must stay before it.
  const own = cargoOwnArgs(testArgs)
  const harness = testArgs.slice(own.length)
  if (phase === 'test-build') return cargo(config, ['test', ...own, '--no-run', MESSAGE_FORMAT, ...harness])
  const failFast = own.includes('--fail-fast') || own.includes('--no-fail-fast') ? [] : ['--no-fail-fast']
  return cargo(config, ['test', ...own, ...failFast, MESSAGE_FORMAT, ...libtestJson(harness)])
}

/**
 * libtest's JSON events, which a test's own output cannot pass for (see libtest.ts). Needs
 * RUSTC_BOOTSTRAP=1 in the test run's environment (TEST_RUN_ENV). A `--format` of the user's is replaced.
 */
function libtestJson(harness: string[]): string[] {
  const own = harness
    .slice(1)
    .filter((a, i, all) => a !== '--format' && all[i - 1] !== '--format' && !a.startsWith('--format='))
  return ['--', ...own, '-Z', 'unstable-options', '--format', 'json', '--report-time']
}

/** The test run's environment: lets stable libtest and rustdoc accept `-Z unstable-options`. */
export const TEST_RUN_ENV: Readonly<Record<string, string>> = { RUSTC_BOOTSTRAP: '1' }
