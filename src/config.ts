// The core of the configuration: what every run needs, whichever capabilities it has (where the
// workspace is, which toolchain, where the report goes, GitHub, sharding, where the gate keeps its
// documents). Each capability declares and parses its own slice in its folder; the pipeline assembles
// the whole (GateConfig, and the one inputs table) from them. Every error names the input and how to
// fix it; nothing downstream re-validates.
import * as path from 'node:path'
import { assertBranchInput } from './github/refname.js'
import { tokenProblem } from './github/context.js'
import { ConfigError, type InputParsers, type InputSpec, type Surface } from './inputs.js'

export interface CoreConfig {
  surface: Surface
  workingDirectory: string
  toolchain: string | null
  failOnUnstable: boolean
  /** The report-path input, absolute; null: where cargo never looks (src/report/location.ts). */
  reportPath: string | null
  token: string | null
  /** Plan and print every GitHub write, make none. */
  dryRun: boolean
  /** Where the gate keeps its documents (the baseline, the run history): a branch, or local files. */
  baselineStore: 'branch' | 'file'
  baselineBranch: string
  mode: 'gate' | 'merge'
  shard: { index: number; total: number } | null
  shardReports: string | null
}

export const CORE_INPUTS: InputSpec[] = [
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
    name: 'baseline-store',
    default: 'branch',
    cli: 'file',
    description:
      'Where the baseline lives: `branch` (a JSON file on a dedicated branch, via the contents API) or `file` (a local file).'
  },
  {
    name: 'baseline-branch',
    default: 'build-gate-baseline',
    description: 'Branch that holds the baseline for `baseline-store: branch`.'
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

export function parseCoreConfig(p: InputParsers, surface: Surface, cwd: string): CoreConfig {
  const workingDirectory = path.resolve(cwd, p.raw('working-directory'))
  const token = p.optional('github-token')
  const config: CoreConfig = {
    surface,
    workingDirectory,
    toolchain: p.optional('toolchain'),
    failOnUnstable: p.bool('fail-on-unstable'),
    reportPath: p.optional('report-path') && path.resolve(workingDirectory, p.raw('report-path')),
    token: token?.startsWith('${{') ? null : token,
    dryRun: p.bool('dry-run'),
    baselineStore: p.oneOf('baseline-store', ['branch', 'file'] as const),
    baselineBranch: p.raw('baseline-branch'),
    mode: p.oneOf('mode', ['gate', 'merge'] as const),
    shard: parseShard(p.raw('shard')),
    shardReports: p.optional('shard-reports')
  }
  const problem = tokenProblem(config.token)
  if (problem) throw new ConfigError(problem.input, problem.message)
  assertBranchInput('baseline-branch', config.baselineBranch)
  if (config.mode === 'merge' && !config.shardReports)
    throw new ConfigError('shard-reports', 'mode is merge, so give the glob of the shard reports to merge.')
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
