// What the gate costs next to the cargo commands it replaces, as paired runs: each pair runs A and B
// in alternating order (A B, then B A, …) after the same preparation, so drift of the machine's load
// hits both sides; the figure is the median of the per-pair ratios A/B with its spread.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, utimesSync } from 'node:fs'
import { loadavg } from 'node:os'
import * as path from 'node:path'
import { childrenCpuSeconds } from '../src/cargo/process.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { generateWorkspace } from './generate-workspace.js'
import { describeRatio, summarizeRatios, type RatioSummary } from './ratio.js'

export interface OverheadSpec {
  dir: string
  crates: number
  size: number
  deps: number
  pairs: number
  /** Path dependencies of the dependency-heavy workspace (the `cold-deps` figure). */
  heavyDeps: number
  /** Pairs of the dependency-heavy figure. */
  heavyPairs: number
  /** Figure ids to run (all when absent). */
  only?: string[]
  progress: (line: string) => void
}

export interface FigureResult {
  id: string
  label: string
  target: string
  /** Wall seconds of each run. */
  a: number[]
  b: number[]
  ratio: RatioSummary
  /** CPU seconds (user + system of every process started) of each run: less sensitive to the load. */
  aCpu: number[]
  bCpu: number[]
  cpuRatio: RatioSummary
  /** 1-minute load average before and after the figure's runs. */
  load: [number, number]
  /** What the gate's report said about the last A run (mode, verdict). */
  note: string
  /**
   * When B is raw cargo: per run, raw's CPU without its `cargo check` ÷ raw's CPU, the ratio a gate that
   * compiled nothing twice and cost nothing itself would reach: compile-once's floor on this workspace.
   */
  floor?: RatioSummary
  /** CPU seconds of the gate's A runs outside its cargo phases (node, `rustc -vV`, reading output). */
  gateOwnCpu?: number[]
  /** The workspace the figure ran on, when not the default one. */
  workspace?: string
  /** CPU seconds of each side's parts, per run: where A's time goes next to B's. */
  parts?: { a: Record<string, number[]>; b: Record<string, number[]> }
}

interface Figure {
  id: string
  label: string
  target: string
  prepare: 'touch' | 'clean'
  /** The dependency-heavy workspace instead of the default one. */
  heavy?: boolean
  a: (dir: string) => Run
  b: (dir: string) => Run
}

interface Run {
  wall: number
  cpu: number
  /** Raw runs: the CPU of `cargo check` alone. */
  checkCpu?: number
  /** Gate runs: the CPU outside the cargo phases the report lists. */
  ownCpu?: number
  /** CPU seconds by part (a cargo phase, the gate's own work). */
  parts?: Record<string, number>
}

// What the gate runs by default: the tests build with the check's features (test-args not given).
const CHECK_ARGS = ['--workspace', '--all-features']
const TEST_ARGS = ['--workspace', '--all-features']

export function overheadFigures(spec: OverheadSpec): FigureResult[] {
  const heavyDir = `${spec.dir}-deps`
  const heavyLabel = `${spec.crates} crates and ${spec.heavyDeps} path dependencies`
  const report = path.join(spec.dir, '..', 'bench-report.json')
  // BENCH_GATE_CLI: a copy of the bundle, so rebuilding dist/ does not change a running benchmark.
  const cli = path.resolve(process.env.BENCH_GATE_CLI ?? 'dist/cli.js')
  const gate =
    (...extra: string[]) =>
    (dir: string): Run => {
      // No baseline: a suspected regression against earlier bench runs would add a confirming rebuild,
      // a cost of its own (see docs/timing.md), not the gate's overhead.
      const noBaseline = [
        '--baseline-path',
        path.join(spec.dir, '..', 'no-baseline.json'),
        '--update-baseline',
        'never'
      ]
      const run = timed(
        'node',
        [cli, '--working-directory', dir, '--report-path', report, ...noBaseline, ...extra],
        dir
      )
      const phases = phaseCpu(report)
      const own = run.cpu - Object.values(phases).reduce((a, b) => a + b, 0)
      return { ...run, ownCpu: own, parts: { ...phases, 'the gate itself': own } }
    }
  const raw = (dir: string): Run => {
    const check = timed('cargo', ['check', ...CHECK_ARGS], dir)
    const test = timed('cargo', ['test', ...TEST_ARGS], dir)
    return { wall: check.wall + test.wall, cpu: check.cpu + test.cpu, checkCpu: check.cpu }
  }
  // Compiling once at its floor: cargo's own build of the tests, then their run, nothing else.
  const floor = (dir: string): Run => {
    const build = timed('cargo', ['test', ...TEST_ARGS, '--no-run'], dir)
    const test = timed('cargo', ['test', ...TEST_ARGS], dir)
    return {
      wall: build.wall + test.wall,
      cpu: build.cpu + test.cpu,
      parts: { 'cargo test --no-run': build.cpu, 'cargo test': test.cpu }
    }
  }
  const figures: Figure[] = [
    {
      id: 'warm',
      label: 'gate (defaults) ÷ raw `cargo check && cargo test`, dependencies fresh, workspace rebuilt',
      target: 'CPU ≤ 1.03 × floor with compile-once, ≤ 1.03 without',
      prepare: 'touch',
      a: gate(),
      b: raw
    },
    {
      id: 'cold',
      label: 'the same from a cold cache (`cargo clean` before every run)',
      target: 'CPU ≤ 1.03 × floor with compile-once, ≤ 1.03 without',
      prepare: 'clean',
      a: gate(),
      b: raw
    },
    {
      id: 'cold-deps',
      label: `the same, cold, on a dependency-heavy workspace (${heavyLabel}: a cold build is mostly dependencies, as with registry crates)`,
      target: 'CPU ≤ 1.03 × floor',
      prepare: 'clean',
      heavy: true,
      a: gate(),
      b: raw
    },
    {
      id: 'floor',
      label:
        'gate (defaults) ÷ the floor, `cargo test --no-run && cargo test` (same packages and features), dependencies fresh, workspace rebuilt',
      target: 'CPU ≤ 1.03',
      prepare: 'touch',
      a: gate(),
      b: floor
    },
    {
      id: 'floor-cold',
      label: 'the same from a cold cache',
      target: 'CPU ≤ 1.03',
      prepare: 'clean',
      a: gate(),
      b: floor
    },
    {
      id: 'two-phase',
      label: 'gate with `compile-once: off` ÷ raw, dependencies fresh, workspace rebuilt',
      // Two phases do what raw cargo does: raw is their floor.
      target: 'CPU ≤ 1.03',
      prepare: 'touch',
      a: gate('--compile-once', 'off'),
      b: raw
    },
    {
      id: 'timings',
      label: 'gate with `crate-timings: true` ÷ `false` (the cost of `--timings`), workspace rebuilt',
      target: '≤ 1.03',
      prepare: 'touch',
      a: gate('--crate-timings', 'true'),
      b: gate('--crate-timings', 'false')
    },
    {
      id: 'retries',
      label:
        'gate with `test-retries: 2` ÷ `0` (the cost of retrying when no test failed), workspace rebuilt',
      target: '1.00 within noise (CPU)',
      prepare: 'touch',
      a: gate('--test-retries', '2'),
      b: gate('--test-retries', '0')
    }
  ]
  const out: FigureResult[] = []
  const chosen = figures.filter(f => !spec.only || spec.only.includes(f.id))
  // Most real workspaces declare features: with the defaults they compile once all the same.
  generateWorkspace({ dir: spec.dir, crates: spec.crates, size: spec.size, deps: spec.deps, features: true })
  if (chosen.some(f => f.heavy))
    generateWorkspace({
      dir: heavyDir,
      crates: spec.crates,
      size: spec.size,
      deps: spec.heavyDeps,
      features: true
    })
  // The first build compiles what later runs only rebuild.
  spec.progress('warming up: one raw build')
  raw(spec.dir)
  for (const f of chosen) {
    const a: Run[] = []
    const b: Run[] = []
    const dir = f.heavy ? heavyDir : spec.dir
    const loadBefore = loadavg()[0]
    const prepare = () => (f.prepare === 'clean' ? clean(dir) : touchSources(dir))
    const pairs = f.heavy ? spec.heavyPairs : spec.pairs
    for (let i = 0; i < pairs; i++) {
      // Alternate the order within pairs, so a trend in the machine's load does not favour one side.
      const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)
      for (const side of order) {
        prepare()
        ;(side === 'a' ? a : b).push(side === 'a' ? f.a(dir) : f.b(dir))
      }
      spec.progress(
        `[${f.id}] pair ${i + 1}/${pairs}: A ${a[i].wall.toFixed(2)} s (cpu ${a[i].cpu.toFixed(2)}), B ${b[i].wall.toFixed(2)} s (cpu ${b[i].cpu.toFixed(2)}), ratio ${(a[i].wall / b[i].wall).toFixed(3)}, load ${loadavg()[0].toFixed(1)}`
      )
    }
    const wall = (runs: Run[]) => runs.map(r => r.wall)
    const cpu = (runs: Run[]) => runs.map(r => r.cpu)
    const ratio = summarizeRatios(wall(a), wall(b))
    out.push({
      id: f.id,
      label: f.label,
      target: f.target,
      a: wall(a),
      b: wall(b),
      ratio,
      aCpu: cpu(a),
      bCpu: cpu(b),
      cpuRatio: summarizeRatios(cpu(a), cpu(b)),
      load: [loadBefore, loadavg()[0]],
      note: describeReport(report),
      ...(b.every(r => r.checkCpu !== undefined)
        ? {
            floor: summarizeRatios(
              cpu(b).map((c, i) => c - b[i].checkCpu!),
              cpu(b)
            )
          }
        : {}),
      ...(a.every(r => r.ownCpu !== undefined) ? { gateOwnCpu: a.map(r => r.ownCpu!) } : {}),
      ...(f.heavy ? { workspace: heavyLabel } : {}),
      ...(a.every(r => r.parts) && b.every(r => r.parts) ? { parts: { a: partsOf(a), b: partsOf(b) } } : {})
    })
    spec.progress(
      `[${f.id}] wall ratio ${describeRatio(ratio)}; cpu ratio ${describeRatio(out.at(-1)!.cpuRatio)}`
    )
  }
  return out
}

/** CPU seconds of each cargo phase the gate's report lists, by its command (`cargo build`, …). */
function phaseCpu(file: string): Record<string, number> {
  const r = JSON.parse(readFileSync(file, 'utf8')) as GateReport
  const out: Record<string, number> = {}
  for (const p of r.phases) {
    const name = `cargo ${p.command.slice(1).find(a => !a.startsWith('+')) ?? p.name}${p.name === 'test-build' ? ' --no-run' : ''}`
    out[name] = (out[name] ?? 0) + (p.cpuSeconds ?? 0)
  }
  return out
}

/** Each part's CPU seconds over the runs (a part a run lacks counts 0). */
function partsOf(runs: Run[]): Record<string, number[]> {
  const names = [...new Set(runs.flatMap(r => Object.keys(r.parts!)))]
  return Object.fromEntries(names.map(n => [n, runs.map(r => r.parts![n] ?? 0)]))
}

function describeReport(file: string): string {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as GateReport & { build?: { mode?: string } }
    const phases = r.phases.filter(p => p.name !== 'metadata').map(p => p.name)
    return `gate phases ${phases.join(', ')}; stable=${r.verdict.stable}`
  } catch {
    return 'no gate report read'
  }
}

/** Wall and CPU seconds of one command; CPU from the kernel's account of reaped children (Linux). */
function timed(cmd: string, args: string[], cwd: string): Run {
  const cpu0 = childrenCpuSeconds() ?? 0
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' })
  if (r.error) throw r.error
  if (r.status !== 0 && cmd === 'cargo') throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}`)
  const wall = Number(process.hrtime.bigint() - start) / 1e9
  return { wall, cpu: (childrenCpuSeconds() ?? 0) - cpu0 }
}

/**
 * CPU of the fixed costs the report's phases do not show, each on its own, interleaved: node loading
 * the CLI's bundle (`--version`) and `rustc -vV` (through rustup's proxy where there is one).
 */
export function fixedCosts(runs: number, dir: string): { label: string; cpu: number[] }[] {
  const cli = path.resolve(process.env.BENCH_GATE_CLI ?? 'dist/cli.js')
  const items: [string, string, string[]][] = [
    ['node starting the CLI (`build-gate --version`)', 'node', [cli, '--version']],
    ['`rustc -vV`', 'rustc', ['-vV']],
    [
      '`cargo metadata --format-version 1` (the dependency analysis)',
      'cargo',
      ['metadata', '--format-version', '1']
    ]
  ]
  const cpu = items.map(() => [] as number[])
  for (let i = 0; i < runs; i++) items.forEach(([, cmd, args], k) => cpu[k].push(timed(cmd, args, dir).cpu))
  return items.map(([label], k) => ({ label, cpu: cpu[k] }))
}

function touchSources(dir: string): void {
  const now = new Date()
  for (const crate of readdirSync(path.join(dir, 'crates')))
    utimesSync(path.join(dir, 'crates', crate, 'src/lib.rs'), now, now)
}

function clean(dir: string): void {
  const r = spawnSync('cargo', ['clean'], { cwd: dir, stdio: 'ignore' })
  if (r.status !== 0) throw new Error(`cargo clean failed in ${dir}`)
}
