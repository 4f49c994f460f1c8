// Inputs (action inputs or CLI flags, same names) → one validated GateConfig.
// Every error names the input and how to fix it; nothing downstream re-validates.
import * as path from 'node:path'
import { CAPABILITIES } from './capabilities/registry.js'
import { tokenProblem } from './github/context.js'
import { cargoOwnArgs } from './cargo/commands.js'
import { roadmapInputProblem } from './capabilities/roadmap/validate.js'
import {
  ConfigError,
  inputParsers,
  nameList,
  type InputReader,
  type InputSpec,
  type Surface
} from './inputs.js'

export type Policy = 'deny' | 'warn' | 'allow' | 'off'

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
  /** The report-path input, absolute; null: where cargo never looks (src/report/location.ts). */
  reportPath: string | null
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
  /** false: the file store keeps the baseline in the state directory (src/store/state-dir.ts). */
  baselinePathGiven: boolean
  baselineBranch: string
  baselineHistory: number
  baselineMinSamples: number
  updateBaseline: 'auto' | 'always' | 'never'
  confirmRegression: boolean
  failOnRegression: boolean
  crateTimings: boolean
  compileOnce: 'auto' | 'off'
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

export { ConfigError, nameList, type InputReader, type InputSpec, type Surface }

// The core's own inputs; every capability declares its own (src/capabilities/*/index.ts). Together
// they are the single table of inputs: action.yml must declare exactly these (a test checks it), and
// the CLI accepts each as --name VALUE.
const CORE_INPUTS: InputSpec[] = [
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
    name: 'fail-on-unstable',
    default: 'true',
    description: 'Fail the step when the build is unstable (what makes the gate a required status check).'
  },
  {
    name: 'report-path',
    default: '',
    description:
      'Where to write the JSON report (relative to working-directory). Empty: outside the workspace, so cargo never rebuilds anything for it: `$RUNNER_TEMP/build-gate/build-gate-report.json` in Actions, `build-gate/build-gate-report.json` in the target directory on the command line; the `report-path` output says where.'
  },
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

export const INPUTS: InputSpec[] = [...CORE_INPUTS, ...CAPABILITIES.flatMap(c => c.inputs)]

export function defaultFor(name: string, surface: Surface): string {
  const spec = INPUTS.find(i => i.name === name)
  if (!spec) throw new Error(`unknown input ${name}`)
  return surface === 'cli' && spec.cli !== undefined ? spec.cli : spec.default
}

export function parseConfig(read: InputReader, surface: Surface, cwd = process.cwd()): GateConfig {
  const p = inputParsers(read, name => defaultFor(name, surface))
  const workingDirectory = path.resolve(cwd, p.raw('working-directory'))
  const core = {
    surface,
    workingDirectory,
    toolchain: p.optional('toolchain'),
    failOnUnstable: p.bool('fail-on-unstable'),
    reportPath: p.optional('report-path') && path.resolve(workingDirectory, p.raw('report-path')),
    token: p.optional('github-token'),
    mode: p.oneOf('mode', ['gate', 'merge'] as const),
    shard: parseShard(p.raw('shard')),
    shardReports: p.optional('shard-reports')
  }
  const config = Object.assign(core, ...CAPABILITIES.map(c => c.parse?.(p) ?? {})) as GateConfig
  if (config.token?.startsWith('${{')) config.token = null
  const problem = tokenProblem(config.token) ?? roadmapInputProblem(config)
  if (problem) throw new ConfigError(problem.input, problem.message)
  if (config.mode === 'merge' && !config.shardReports)
    throw new ConfigError('shard-reports', 'mode is merge, so give the glob of the shard reports to merge.')
  for (const arg of [...config.checkArgs, ...config.testArgs]) {
    if (arg.startsWith('--message-format'))
      throw new ConfigError(
        config.checkArgs.includes(arg) ? 'check-args' : 'test-args',
        `remove '${arg}': the gate sets --message-format=json itself to read cargo's messages.`
      )
  }
  const refused = cargoOwnArgs(config.testArgs).find(a => a in TEST_ARGS_REFUSED)
  if (refused) throw new ConfigError('test-args', `remove '${refused}': ${TEST_ARGS_REFUSED[refused]}`)
  return config
}

/** cargo test flags that break the gate's build-then-run, and why; the harness's args after `--` are free. */
const TEST_ARGS_REFUSED: Record<string, string> = {
  '--doc':
    'cargo cannot build doc-tests ahead of running them (it refuses `cargo test --no-run --doc`), and the gate runs the doc-tests with the other tests anyway.',
  '--no-run':
    'the gate builds the tests with --no-run itself, then runs them; to not run tests, set run-tests to false.'
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
