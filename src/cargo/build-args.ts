// What in cargo's arguments decides which units a command compiles, and how: packages, features,
// profile, target, `--config` values, unstable flags. Read by meaning, so two commands can be compared
// (`--release` is `--profile release`, `-Fa,b` is `--features "a b"`, `--config 'k = 1'` is
// `--config k=1`), and so the test run can take the check's. Pure.
import { parse as parseToml } from 'smol-toml'

export interface BuildArgs {
  workspace: boolean
  packages: string[]
  exclude: string[]
  allFeatures: boolean
  noDefaultFeatures: boolean
  features: string[]
  /** `--profile NAME` (`--release`: `release`); null: the command's own default profile. */
  profile: string | null
  targets: string[]
  /** Each `--config`, in cargo's order (later wins): a key's TOML value as JSON, or `file:PATH`. */
  config: string[]
  /** `-Z FLAG`, in order. */
  unstable: string[]
  /** Flags that change neither what nor how (`--locked`) and other valued ones (`-j=2`), as given. */
  other: string[]
}

/** Flags that choose a package's targets: the check's, never the test run's (it runs its own). */
const TARGET_SELECTION = ['--lib', '--bins', '--tests', '--examples', '--benches', '--all-targets']
const TARGET_NAMED = ['--bin', '--example', '--test', '--bench']
/** Only `cargo check` (and build) take these. */
const CHECK_ONLY = ['--keep-going', '--unit-graph']

const VALUED = new Set([
  '-p',
  '--package',
  '--exclude',
  '-F',
  '--features',
  '--profile',
  '--target',
  '--config',
  '-Z',
  '-j',
  '--jobs',
  '--target-dir',
  '--manifest-path',
  '--lockfile-path'
])
const SWITCHES = new Set([
  '--workspace',
  '--all',
  '--all-features',
  '--no-default-features',
  '-r',
  '--release',
  '--locked',
  '--offline',
  '--frozen',
  '--ignore-rust-version'
])

/** The args read by meaning, or why they cannot be (a flag not known here, a flag without its value). */
export function readBuildArgs(args: readonly string[], input: string): BuildArgs | string {
  const s: BuildArgs = {
    workspace: false,
    packages: [],
    exclude: [],
    allFeatures: false,
    noDefaultFeatures: false,
    features: [],
    profile: null,
    targets: [],
    config: [],
    unstable: [],
    other: []
  }
  for (let i = 0; i < args.length; i++) {
    const [flag, attached] = splitFlag(args[i])
    if (SWITCHES.has(flag) && attached === null) {
      if (flag === '--workspace' || flag === '--all') s.workspace = true
      else if (flag === '--all-features') s.allFeatures = true
      else if (flag === '--no-default-features') s.noDefaultFeatures = true
      else if (flag === '-r' || flag === '--release') s.profile = 'release'
      else s.other.push(flag)
      continue
    }
    if (!VALUED.has(flag))
      return `${input} has \`${args[i]}\`, which compile-once does not know to be the same for check and test`
    const value = attached ?? args[++i]
    if (value === undefined) return `${input}: ${flag} has no value`
    if (flag === '-p' || flag === '--package') s.packages.push(value)
    else if (flag === '--exclude') s.exclude.push(value)
    else if (flag === '-F' || flag === '--features') s.features.push(...value.split(/[ ,]+/).filter(Boolean))
    else if (flag === '--profile') s.profile = value
    else if (flag === '--target') s.targets.push(value)
    else if (flag === '--config') s.config.push(configValue(value))
    else if (flag === '-Z') s.unstable.push(value)
    else s.other.push(`${flag === '--jobs' ? '-j' : flag}=${value}`)
  }
  return s
}

/**
 * The test run's args when `test-args` is not given: the check's, without what only a check takes (its
 * target selection, `--keep-going`), so the tests build the packages, features, profile, target and
 * config the check checked.
 */
export function testArgsOfCheck(checkArgs: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < checkArgs.length; i++) {
    const [flag, attached] = splitFlag(checkArgs[i])
    if (TARGET_SELECTION.includes(flag) || CHECK_ONLY.includes(flag)) continue
    if (TARGET_NAMED.includes(flag)) {
      // The name is optional to cargo (alone it lists the targets).
      if (attached === null && checkArgs[i + 1] !== undefined && !checkArgs[i + 1].startsWith('-')) i++
      continue
    }
    out.push(checkArgs[i])
  }
  return out
}

/** `--flag=value` and the short forms with the value attached (`-pcore`, `-Fx`, `-j2`, `-Zflag`). */
function splitFlag(arg: string): [string, string | null] {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=')
    return eq === -1 ? [arg, null] : [arg.slice(0, eq), arg.slice(eq + 1)]
  }
  if (/^-[pFjZ]./.test(arg)) return [arg.slice(0, 2), arg.slice(2).replace(/^=/, '')]
  return [arg, null]
}

/** `KEY=VALUE` as cargo reads it (a TOML key and value), so spelling does not matter; else a file. */
function configValue(value: string): string {
  try {
    return JSON.stringify(sorted(parseToml(value)))
  } catch {
    return `file:${value}`
  }
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, sorted(x)])
    )
  return v
}
