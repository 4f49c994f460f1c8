// Build-time noise benchmark: does the rule stay quiet on unchanged code and catch a +20% slowdown,
// and how does a naive single-sample wall-clock comparison do on the same runs?
// Usage: npx tsx bench/noise.ts [--reruns 20] [--warmup 5] [--crates 12] [--size 40] [--slowdown 20]
// Prints figures; asserts nothing. Everything it writes is under bench/out/ (gitignored).
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { addSample, type Baseline } from '../src/capabilities/timing/baseline.js'
import { phaseCommand } from '../src/cargo/commands.js'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import { runPhase } from '../src/cargo/phase.js'
import { runProcess } from '../src/cargo/process.js'
import { confirmRegression } from '../src/capabilities/timing/confirm.js'
import { decide } from '../src/capabilities/timing/decide.js'
import { comparisonKey } from '../src/capabilities/timing/key.js'
import { measure, type Measurement } from '../src/capabilities/timing/measure.js'
import { median, robustSigma } from '../src/capabilities/timing/stats.js'
import { TimingReports } from '../src/capabilities/timing/timing-reports.js'
import { crateName, generateWorkspace, setBuildScriptSpin } from './generate-workspace.js'

const { values } = parseArgs({
  options: {
    reruns: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    crates: { type: 'string', default: '12' },
    size: { type: 'string', default: '40' },
    slowdown: { type: 'string', default: '20' }
  }
})
const RERUNS = Number(values.reruns)
const WARMUP = Number(values.warmup)
const SLOWDOWN = Number(values.slowdown) / 100
const OPTS = { tolerancePercent: 10, minSamples: 5, confirm: true }
const HISTORY = 20

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out')
const WS = path.join(OUT, 'noise-ws')
const config = { toolchain: null, checkArgs: ['--workspace'], testArgs: ['--workspace'] }

const log = (s: string) => process.stdout.write(`${s}\n`)
const f2 = (n: number) => n.toFixed(2)

const names = generateWorkspace({ dir: WS, crates: Number(values.crates), size: Number(values.size) })
setBuildScriptSpin(WS, crateName(0), 0)
const meta = parseMetadata(run('cargo', ['metadata', '--format-version', '1', '--no-deps']).stdout)
const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]))
const versions = workspaceMembers(meta).map(p => ({ name: p.name, version: p.version }))
const rustc = /release: (\S+)/.exec(run('rustc', ['-vV']).stdout)?.[1] ?? '?'
const key = comparisonKey({
  rustc,
  host: process.arch,
  runnerOs: process.platform,
  checkArgs: config.checkArgs,
  testArgs: config.testArgs,
  runTests: true,
  metric: 'cpu'
})

/** One sample: rebuild the workspace crates (deps stay fresh), check + test-build, as the gate measures. */
async function sample(timed = true): Promise<Measurement & { wall: number }> {
  run('cargo', ['clean', ...names.flatMap(n => ['-p', n])])
  const timings = new TimingReports(timed)
  const phases = []
  for (const name of ['check', 'test-build'] as const) {
    const command = name === 'check' ? phaseCommand(config, 'check') : phaseCommand(config, name)
    const r = await runPhase(name, timings.command(command), {
      cwd: WS,
      members,
      run: runProcess,
      onStderr: timings.listen(name)
    })
    if (r.result.failure || r.result.exitCode !== 0)
      throw new Error(`${name} failed: ${r.result.failure ?? r.stderrTail.join('\n')}`)
    phases.push(r.result)
  }
  const m = measure(phases, timings.latest(versions).times, key, 'cpu')
  return { ...m, wall: phases.reduce((n, p) => n + p.wallSeconds, 0) }
}

function run(program: string, args: string[]) {
  const r = spawnSync(program, args, { cwd: WS, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${r.stderr}`)
  return r
}

function toBaseline(history: Measurement[]): Baseline | null {
  let b: Baseline | null = null
  for (const m of history)
    b = addSample(
      b,
      m.key,
      m.cacheState,
      { seconds: m.seconds as number, at: '', sha: null, crates: m.crates },
      HISTORY
    )
  return b
}

async function main(): Promise<void> {
  log(
    `workspace: ${names.length} crates, size ${values.size}; rustc ${rustc}; ${RERUNS} reruns per series, ${WARMUP} warm-up`
  )
  await sample() // first build: everything else (build scripts' deps, incremental dirs) in place

  // --timings overhead on a whole build, alternating without and with.
  const plain: number[] = []
  const withW: number[] = []
  const cpuPlain: number[] = []
  const cpuW: number[] = []
  for (let i = 0; i < 3; i++) {
    const a = await sample(false)
    plain.push(a.wall)
    cpuPlain.push(a.seconds as number)
    const b = await sample(true)
    withW.push(b.wall)
    cpuW.push(b.seconds as number)
  }
  log(
    `--timings on a whole build (median of 3): wall ${f2(median(plain))} → ${f2(median(withW))} s, cpu ${f2(median(cpuPlain))} → ${f2(median(cpuW))} s`
  )

  const history: (Measurement & { wall: number })[] = []
  for (let i = 0; i < WARMUP; i++) history.push(await sample())
  log(`warm-up cpu: ${history.map(h => f2(h.seconds as number)).join(' ')}`)

  const series = async (label: string, record: boolean) => {
    let alarms = 0
    let naive = 0
    let confirmations = 0
    for (let i = 0; i < RERUNS; i++) {
      const baseline = toBaseline(history.slice(-HISTORY))
      const m = await sample()
      const first = decide(m, baseline, OPTS)
      const c = await confirmRegression(first, baseline, OPTS, async () => {
        confirmations++
        return sample()
      })
      if (c.decision.regression === 'true') alarms++
      const last = history[history.length - 1]
      const naiveHit = m.wall > last.wall * 1.1
      if (naiveHit) naive++
      log(
        `${label} ${String(i + 1).padStart(2)}: cpu ${f2(m.seconds as number)} s wall ${f2(m.wall)} s → rule ${c.decision.regression}${first.suspected ? ` (suspected, confirmed ${c.confirmed})` : ''}; naive ${naiveHit ? 'regressed' : 'ok'}`
      )
      if (record) history.push(m)
    }
    return { alarms, naive, confirmations }
  }

  const quiet = await series('unchanged', true)
  const base = history.slice(-HISTORY).map(h => h.seconds as number)
  const baseWall = history.slice(-HISTORY).map(h => h.wall)
  const spinMs = median(base) * SLOWDOWN * 1000
  setBuildScriptSpin(WS, crateName(0), spinMs)
  const slow = await series('slowed', false)
  setBuildScriptSpin(WS, crateName(0), 0)

  log('')
  log(
    `history: cpu median ${f2(median(base))} s, robust σ ${f2(robustSigma(base))} s (${f2((robustSigma(base) / median(base)) * 100)}%); wall median ${f2(median(baseWall))} s, robust σ ${f2(robustSigma(baseWall))} s (${f2((robustSigma(baseWall) / median(baseWall)) * 100)}%)`
  )
  log(`injected: build script spinning ${spinMs.toFixed(0)} ms (+${values.slowdown}% of the median cpu)`)
  log(
    `unchanged (${RERUNS} runs): rule false alarms ${quiet.alarms}, confirmation rebuilds ${quiet.confirmations}; naive false alarms ${quiet.naive}`
  )
  log(
    `slowed    (${RERUNS} runs): rule detected ${slow.alarms}, confirmation rebuilds ${slow.confirmations}; naive detected ${slow.naive}`
  )
}

main().catch(e => {
  process.stderr.write(`${(e as Error).stack}\n`)
  process.exit(1)
})
