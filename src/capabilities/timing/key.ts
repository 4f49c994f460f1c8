// What makes two build times comparable: the same toolchain, machine kind, commands and profile
// (the key) and the same cache state (what cargo had to compile). Pure.
import type { PhaseResult, UnitCounts } from '../../report/schema.js'
import { checkingPhase } from '../../report/checking-phase.js'

export type ComparisonKey = Record<string, string>

export interface KeyInput {
  /** rustc release, e.g. `1.95.0`; the toolchain changes codegen and so the time. */
  rustc: string
  host: string
  /** RUNNER_OS on GitHub (Linux, macOS, Windows), else the platform. */
  runnerOs: string
  checkArgs: string[]
  testArgs: string[]
  runTests: boolean
  metric: 'cpu' | 'wall'
  /** One cargo build instead of check + test build: other work, so another history. */
  compileOnce?: boolean
}

export function comparisonKey(k: KeyInput): ComparisonKey {
  const key: ComparisonKey = {
    rustc: k.rustc,
    host: k.host,
    os: k.runnerOs,
    metric: k.metric,
    check: k.checkArgs.join(' '),
    profile: profileOf(k.checkArgs)
  }
  if (k.runTests) key.test = k.testArgs.join(' ')
  // Absent for two phases, so the histories recorded before compile-once existed stay comparable.
  if (k.compileOnce) key.build = 'compile-once'
  return key
}

/** One string per key, independent of property order, for lookups. */
export function keyId(key: ComparisonKey): string {
  return Object.keys(key)
    .sort()
    .map(k => `${k}=${key[k]}`)
    .join('\n')
}

export function profileOf(args: string[]): string {
  if (args.includes('--release') || args.includes('-r')) return 'release'
  const i = args.indexOf('--profile')
  if (i !== -1 && args[i + 1]) return args[i + 1]
  const eq = args.find(a => a.startsWith('--profile='))
  return eq ? eq.slice('--profile='.length) : 'dev'
}

/**
 * Read from the check phase, the first to see the cache as the job restored it. Dependencies: `cold`
 * when none was cached, `warm` when at most a few had to be compiled (a new or bumped dependency is
 * compiled and so counted, which is what catches a slow new dependency), `partial` in between (a
 * half-restored cache: comparable with nothing). Workspace crates: `compiled`, `fresh` or `partial`; a
 * new workspace crate is simply compiled too. test-build reuses check's build scripts and proc-macros
 * (reported fresh), so for it only whether dependencies had to be compiled counts.
 */
export function cacheState(phases: readonly Pick<PhaseResult, 'name' | 'units'>[]): string {
  const check = checkingPhase(phases)?.units ?? sumUnits([])
  const parts = [`dependencies:${depState(check.dependencies)}`, `workspace:${wsState(check.workspace)}`]
  const build = phases.find(p => p.name === 'test-build')?.units
  if (build) {
    const d = depState(build.dependencies)
    parts.push(`test-dependencies:${d === 'warm' || d === 'none' ? d : 'compiled'}`)
  }
  return parts.join(' ')
}

// A handful of newly compiled dependencies still counts as warm: the new dependency's cost is real.
const WARM_MAX_COMPILED_SHARE = 0.1
const WARM_MAX_COMPILED_ALWAYS = 3

function depState({ compiled, fresh }: { compiled: number; fresh: number }): string {
  const total = compiled + fresh
  if (total === 0) return 'none'
  if (fresh === 0) return 'cold'
  if (compiled <= Math.max(WARM_MAX_COMPILED_ALWAYS, WARM_MAX_COMPILED_SHARE * total)) return 'warm'
  return 'partial'
}

function wsState({ compiled, fresh }: { compiled: number; fresh: number }): string {
  if (compiled === 0) return 'fresh'
  return fresh === 0 ? 'compiled' : 'partial'
}

export function sumUnits(list: UnitCounts[]): UnitCounts {
  const out: UnitCounts = { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } }
  for (const u of list) {
    out.workspace.compiled += u.workspace.compiled
    out.workspace.fresh += u.workspace.fresh
    out.dependencies.compiled += u.dependencies.compiled
    out.dependencies.fresh += u.dependencies.fresh
  }
  return out
}

/** Why two cache states differ, in words, e.g. "dependencies were cold here but warm in the baseline". */
export function describeCacheDifference(current: string, baseline: string): string {
  const parse = (s: string) => Object.fromEntries(s.split(' ').map(p => p.split(':') as [string, string]))
  const a = parse(current)
  const b = parse(baseline)
  const diffs = Object.keys(a)
    .filter(k => a[k] !== b[k])
    .map(k => `${k} were ${a[k]} here but ${b[k] ?? 'absent'} in the baseline`)
  return diffs.join(' and ') || 'cache states differ'
}
