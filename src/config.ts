// Inputs (action inputs or CLI flags, same names) → one validated GateConfig.
// Every error names the input and how to fix it; nothing downstream re-validates.
import * as path from 'node:path'
import { splitArgs } from './args.js'

export type Policy = 'deny' | 'warn' | 'allow' | 'off'
export type Surface = 'action' | 'cli'

export interface GateConfig {
  surface: Surface
  workingDirectory: string
  toolchain: string | null
  checkArgs: string[]
  testArgs: string[]
  runTests: boolean
  /** Minutes the test run may take before it is killed. */
  testTimeoutMinutes: number
  denyWarnings: boolean
  failOnUnstable: boolean
  reportPath: string
  // dependency conflicts
  duplicateVersions: 'deny' | 'warn' | 'allow'
  duplicateVersionsIncludeDev: boolean
  allowDuplicates: string[]
  singleVersionCrates: string[]
  msrvCheck: 'deny' | 'warn' | 'off'
  // build time
  timingMetric: 'cpu' | 'wall'
  tolerancePercent: number
  baselineStore: 'branch' | 'file'
  baselinePath: string
  baselineBranch: string
  baselineHistory: number
  baselineMinSamples: number
  updateBaseline: 'auto' | 'always' | 'never'
  confirmRegression: boolean
  failOnRegression: boolean
  crateTimings: boolean
  // workstreams
  workstreams: string | null
  gateWorkstream: string
  workstreamLabelPrefix: string
  readyLabel: string
  blockedLabel: string
  createTrackingIssues: boolean
  baseBranch: string | null
  dispatchEvents: boolean
  commentOnPr: boolean
  dryRun: boolean
  token: string | null
  // sharding
  mode: 'gate' | 'merge'
  shard: { index: number; total: number } | null
  shardReports: string | null
}

export class ConfigError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
    this.name = 'ConfigError'
  }
}

/** Reads one raw input; '' when not given (like core.getInput). */
export type InputReader = (name: string) => string

interface InputSpec {
  name: string
  description: string
  /** Default for the action; `cli` overrides it for the command line. */
  default: string
  cli?: string
}

// The single table of inputs: action.yml must declare exactly these (a test checks it),
// and the CLI accepts each as --name VALUE.
export const INPUTS: InputSpec[] = [
  {
    name: 'working-directory',
    default: '.',
    description: 'Root of the Rust workspace (the directory with the workspace Cargo.toml).'
  },
  {
    name: 'toolchain',
    default: '',
    description: 'Toolchain to build with (runs `cargo +<toolchain>`); empty uses the active one.'
  },
  {
    name: 'check-args',
    default: '--workspace --all-features',
    description: 'Arguments for `cargo check` (split on spaces, quotes respected; never passed to a shell).'
  },
  {
    name: 'test-args',
    default: '--workspace',
    description: 'Arguments for `cargo test`. `--no-fail-fast` is added unless you pass `--fail-fast`.'
  },
  { name: 'run-tests', default: 'true', description: 'Run `cargo test` after `cargo check`.' },
  {
    name: 'test-timeout',
    default: '60',
    description:
      'Minutes the test run may take; then it is killed with every test process, the test that was running is named and the build is unstable.'
  },
  {
    name: 'deny-warnings',
    default: 'true',
    description: 'Warnings from workspace crates make the build unstable (dependency warnings never count).'
  },
  {
    name: 'fail-on-unstable',
    default: 'true',
    description: 'Fail the step when the build is unstable (what makes the gate a required status check).'
  },
  {
    name: 'report-path',
    default: 'build-gate-report.json',
    description: 'Where to write the JSON report (relative to working-directory).'
  },
  {
    name: 'duplicate-versions',
    default: 'warn',
    description: 'Crates resolved at several versions: `warn`, `deny` (unstable) or `allow`.'
  },
  {
    name: 'duplicate-versions-include-dev',
    default: 'false',
    description: 'Count duplicates reached only through dev-dependencies.'
  },
  {
    name: 'allow-duplicates',
    default: '',
    description:
      'Crate names exempt from the duplicate check (comma or newline separated). Entries matching nothing are reported.'
  },
  {
    name: 'single-version-crates',
    default: '',
    description: 'Crates that must resolve to exactly one version, e.g. `base64, base64ct`.'
  },
  {
    name: 'msrv-check',
    default: 'deny',
    description:
      'Dependencies whose edition or rust-version the toolchain or the workspace MSRV cannot build: `deny`, `warn` or `off`.'
  },
  {
    name: 'timing-metric',
    default: 'cpu',
    description:
      'Build time compared with the baseline: `cpu` (user+system of cargo and its children) or `wall`.'
  },
  {
    name: 'tolerance-percent',
    default: '10',
    description: 'How much slower than the baseline a build may be before it is a regression.'
  },
  {
    name: 'baseline-store',
    default: 'branch',
    cli: 'file',
    description:
      'Where the baseline lives: `branch` (a JSON file on a dedicated branch, via the contents API) or `file` (a local file).'
  },
  {
    name: 'baseline-path',
    default: 'build-gate/baseline.json',
    description:
      'Path of the baseline file (in the baseline branch, or relative to working-directory for `file`).'
  },
  {
    name: 'baseline-branch',
    default: 'build-gate-baseline',
    description: 'Branch that holds the baseline for `baseline-store: branch`.'
  },
  { name: 'baseline-history', default: '20', description: 'Samples kept per comparison key.' },
  {
    name: 'baseline-min-samples',
    default: '5',
    description: 'Below this many samples a slowdown is a warning only.'
  },
  {
    name: 'update-baseline',
    default: 'auto',
    description: '`auto` (only stable, trusted runs), `always` or `never`.'
  },
  {
    name: 'confirm-regression',
    default: 'true',
    description:
      'When a regression is suspected, rebuild the workspace crates once more and decide on both measurements.'
  },
  {
    name: 'fail-on-regression',
    default: 'true',
    description: 'A confirmed build-time regression makes the build unstable; `false` makes timing advisory.'
  },
  {
    name: 'crate-timings',
    default: 'false',
    description:
      "Time each workspace crate's compilation with a rustc wrapper, so the summary says which crate got slower. Costs about 50 ms per rustc run of a workspace crate (see the README's Performance section)."
  },
  {
    name: 'workstreams',
    default: '',
    description:
      'Glob of workstream files (Toka format) or one compact plan file; empty disables roadmap sync.'
  },
  {
    name: 'gate-workstream',
    default: 'build-system-stabilization',
    description: 'The workstream this gate stands for.'
  },
  {
    name: 'workstream-label-prefix',
    default: 'workstream:',
    description: "Prefix of the label that marks a workstream's tracking issue."
  },
  {
    name: 'ready-label',
    default: 'status:ready',
    description: 'Label put on the tracking issue of a ready workstream.'
  },
  {
    name: 'blocked-label',
    default: 'status:blocked',
    description: 'Label put on the tracking issue of a blocked workstream.'
  },
  {
    name: 'create-tracking-issues',
    default: 'false',
    description: 'Open a tracking issue for workstreams that have none.'
  },
  {
    name: 'base-branch',
    default: '',
    description: "Branch new workstream branches start from; empty uses the repository's default branch."
  },
  {
    name: 'dispatch-events',
    default: 'true',
    description: 'Send a `repository_dispatch` when a workstream changes state.'
  },
  {
    name: 'comment-on-pr',
    default: 'true',
    description: 'Keep one sticky comment with the verdict on the pull request.'
  },
  { name: 'dry-run', default: 'false', description: 'Plan and print every GitHub write, make none.' },
  {
    name: 'github-token',
    default: '${{ github.token }}',
    cli: '',
    description: 'Token for the GitHub API (roadmap sync, PR comment, baseline branch).'
  },
  {
    name: 'mode',
    default: 'gate',
    description: '`gate` runs cargo; `merge` combines shard reports into one verdict.'
  },
  {
    name: 'shard',
    default: '',
    description: "This job's share of the workspace members, e.g. `2/4`; empty gates all members."
  },
  { name: 'shard-reports', default: '', description: 'With `mode: merge`: glob of the shard JSON reports.' }
]

export function defaultFor(name: string, surface: Surface): string {
  const spec = INPUTS.find(i => i.name === name)
  if (!spec) throw new Error(`unknown input ${name}`)
  return surface === 'cli' && spec.cli !== undefined ? spec.cli : spec.default
}

const TRUE = ['true', 'True', 'TRUE', 'yes', 'on', '1']
const FALSE = ['false', 'False', 'FALSE', 'no', 'off', '0']

export function parseConfig(read: InputReader, surface: Surface, cwd = process.cwd()): GateConfig {
  const raw = (name: string): string => {
    const v = read(name).trim()
    return v === '' ? defaultFor(name, surface) : v
  }
  const bool = (name: string): boolean => {
    const v = raw(name)
    if (TRUE.includes(v)) return true
    if (FALSE.includes(v)) return false
    throw new ConfigError(name, `'${v}' is not a boolean; use true or false.`)
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const v = raw(name)
    if ((allowed as readonly string[]).includes(v)) return v as T
    throw new ConfigError(name, `'${v}' is not allowed; use one of ${allowed.join(', ')}.`)
  }
  const number = (name: string, min: number, integer: boolean): number => {
    const v = raw(name)
    const n = Number(v)
    if (v === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
      throw new ConfigError(name, `'${v}' must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}.`)
    return n
  }
  const positive = (name: string): number => {
    const v = raw(name)
    const n = Number(v)
    if (v === '' || !Number.isFinite(n) || n <= 0)
      throw new ConfigError(name, `'${v}' must be a number of minutes greater than 0 (e.g. 60).`)
    return n
  }
  const args = (name: string): string[] => {
    try {
      return splitArgs(raw(name))
    } catch (e) {
      throw new ConfigError(name, (e as Error).message)
    }
  }
  const optional = (name: string): string | null => raw(name) || null

  const workingDirectory = path.resolve(cwd, raw('working-directory'))
  const config: GateConfig = {
    surface,
    workingDirectory,
    toolchain: optional('toolchain'),
    checkArgs: args('check-args'),
    testArgs: args('test-args'),
    runTests: bool('run-tests'),
    testTimeoutMinutes: positive('test-timeout'),
    denyWarnings: bool('deny-warnings'),
    failOnUnstable: bool('fail-on-unstable'),
    reportPath: path.resolve(workingDirectory, raw('report-path')),
    duplicateVersions: oneOf('duplicate-versions', ['deny', 'warn', 'allow'] as const),
    duplicateVersionsIncludeDev: bool('duplicate-versions-include-dev'),
    allowDuplicates: nameList(raw('allow-duplicates')),
    singleVersionCrates: nameList(raw('single-version-crates')),
    msrvCheck: oneOf('msrv-check', ['deny', 'warn', 'off'] as const),
    timingMetric: oneOf('timing-metric', ['cpu', 'wall'] as const),
    tolerancePercent: number('tolerance-percent', 0, false),
    baselineStore: oneOf('baseline-store', ['branch', 'file'] as const),
    baselinePath: raw('baseline-path'),
    baselineBranch: raw('baseline-branch'),
    baselineHistory: number('baseline-history', 1, true),
    baselineMinSamples: number('baseline-min-samples', 1, true),
    updateBaseline: oneOf('update-baseline', ['auto', 'always', 'never'] as const),
    confirmRegression: bool('confirm-regression'),
    failOnRegression: bool('fail-on-regression'),
    crateTimings: bool('crate-timings'),
    workstreams: optional('workstreams'),
    gateWorkstream: raw('gate-workstream'),
    workstreamLabelPrefix: raw('workstream-label-prefix'),
    readyLabel: raw('ready-label'),
    blockedLabel: raw('blocked-label'),
    createTrackingIssues: bool('create-tracking-issues'),
    baseBranch: optional('base-branch'),
    dispatchEvents: bool('dispatch-events'),
    commentOnPr: bool('comment-on-pr'),
    dryRun: bool('dry-run'),
    token: optional('github-token'),
    mode: oneOf('mode', ['gate', 'merge'] as const),
    shard: parseShard(raw('shard')),
    shardReports: optional('shard-reports')
  }
  if (config.token?.startsWith('${{')) config.token = null
  if (config.mode === 'merge' && !config.shardReports)
    throw new ConfigError('shard-reports', 'mode is merge, so give the glob of the shard reports to merge.')
  for (const arg of [...config.checkArgs, ...config.testArgs]) {
    if (arg.startsWith('--message-format'))
      throw new ConfigError(
        config.checkArgs.includes(arg) ? 'check-args' : 'test-args',
        `remove '${arg}': the gate sets --message-format=json itself to read cargo's messages.`
      )
  }
  return config
}

function parseShard(v: string): { index: number; total: number } | null {
  if (v === '') return null
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(v)
  const index = m ? Number(m[1]) : NaN
  const total = m ? Number(m[2]) : NaN
  if (!m || total < 1 || index < 1 || index > total)
    throw new ConfigError('shard', `'${v}' must look like INDEX/TOTAL with 1 ≤ INDEX ≤ TOTAL, e.g. 2/4.`)
  return { index, total }
}

/** Crate names from a comma/newline separated input. */
export function nameList(v: string): string[] {
  return [
    ...new Set(
      v
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(Boolean)
    )
  ]
}
