// The command that runs one failed test again: the test run's own `cargo test` (same package selection,
// features, profile, harness options, libtest JSON), narrowed to the failed test's target and name. The
// package selection is kept, not narrowed to `-p`: with cargo's resolver 2, features are unified over
// the selected packages, so another selection could build (and test) other binaries.
import { cargoOwnArgs, phaseCommand, type CargoArgs, type Command } from '../../cargo/commands.js'

/** cargo test's flags that choose targets: the retry names exactly one instead. */
const TARGET_FLAGS = new Set([
  '--lib',
  '--bins',
  '--tests',
  '--examples',
  '--benches',
  '--all-targets',
  '--doc'
])
const NAMED_TARGET_FLAGS = ['--bin', '--test', '--example', '--bench']

/** libtest options that take a value (`--skip x`): everything else without a dash is a name filter. */
const HARNESS_VALUED = new Set([
  '--skip',
  '--test-threads',
  '--logfile',
  '--format',
  '--color',
  '-Z',
  '--shuffle-seed'
])

export interface RetryTarget {
  /** As the report names it: `lib`, `doc`, `test:name`, `bin:name`, `example:name`, `bench:name`. */
  target: string
  name: string
}

/** The target's selection flags, or null for a target cargo cannot run alone by name. */
export function targetFlags(target: string): string[] | null {
  if (target === 'lib') return ['--lib']
  if (target === 'doc') return ['--doc']
  const m = /^(bin|test|example|bench):(.+)$/.exec(target)
  return m ? [`--${m[1]}`, m[2]] : null
}

export function retryCommand(
  config: Pick<CargoArgs, 'toolchain' | 'testArgs'>,
  packages: string[] | null,
  failed: RetryTarget
): Command | null {
  const flags = targetFlags(failed.target)
  if (!flags) return null
  const own = withoutTargetFlags(cargoOwnArgs(config.testArgs))
  const harness = harnessOptions(config.testArgs.slice(cargoOwnArgs(config.testArgs).length + 1))
  // rustdoc's harness never matches a doc-test's name with --exact: the name is a filter there, and only
  // the doc-test of exactly that name is read from the results.
  const select =
    failed.target === 'doc'
      ? [...harness.filter(a => a !== '--exact'), failed.name]
      : [...harness.filter(a => a !== '--exact'), '--exact', failed.name]
  return phaseCommand({ ...config, testArgs: [...own, ...flags, '--', ...select] }, 'test', packages)
}

function withoutTargetFlags(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (TARGET_FLAGS.has(a)) continue
    if (NAMED_TARGET_FLAGS.includes(a)) {
      i++
      continue
    }
    if (NAMED_TARGET_FLAGS.some(f => a.startsWith(`${f}=`))) continue
    out.push(a)
  }
  return out
}

/** The user's harness options without their name filters (the retry selects by name itself). */
function harnessOptions(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (HARNESS_VALUED.has(a)) {
      out.push(a, ...(i + 1 < args.length ? [args[++i]] : []))
      continue
    }
    if (a.startsWith('-')) out.push(a)
  }
  return out
}
