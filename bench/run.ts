// `npm run bench`: prints figures, asserts nothing (BENCH_QUICK=1: a small smoke run). Three questions:
// 1. what the gate costs next to the cargo commands it wraps (paired, alternating runs; see overhead.ts);
// 2. how fast and in how much memory it reads a 200 MB cargo message stream, next to `jq -c .`;
// 3. how many GitHub requests and writes a first roadmap sync and an unchanged rerun make.
import { spawnSync } from 'node:child_process'
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { cpus, loadavg, platform, release, tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { parseConfig } from '../src/pipeline/config.js'
import { createClient } from '../src/github/client.js'
import { readRunContext } from '../src/github/context.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { syncWorkstreams } from '../src/capabilities/roadmap/sync.js'
import { startGitHubApi } from '../__tests__/support/github-api/index.js'
import { fixesBench } from './fixes.js'
import { fixedCosts, overheadFigures } from './overhead.js'
import { describeRatio, describeSeconds } from './ratio.js'
import { OUT, type BenchResults } from './results.js'
import { describeMs, startupFigures } from './startup.js'

const QUICK = process.env.BENCH_QUICK === '1'
const { values } = parseArgs({
  options: {
    crates: { type: 'string', default: QUICK ? '4' : '10' },
    size: { type: 'string', default: QUICK ? '8' : '20' },
    deps: { type: 'string', default: QUICK ? '2' : '4' },
    'heavy-deps': { type: 'string', default: QUICK ? '6' : '20' },
    pairs: { type: 'string', default: QUICK ? '2' : '5' },
    // The dependency-heavy cold figure takes about a minute per pair.
    'heavy-pairs': { type: 'string', default: QUICK ? '2' : '5' },
    'stream-mb': { type: 'string', default: QUICK ? '10' : '200' },
    'startup-runs': { type: 'string', default: QUICK ? '5' : '40' },
    only: { type: 'string' }
  }
})
const work = mkdtempSync(path.join(tmpdir(), 'gate-bench-'))
const only = values.only?.split(',')
const want = (name: string) => !only || only.includes(name)
const progress = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`)
const results: BenchResults = {
  date: new Date().toISOString(),
  quick: QUICK,
  machine: machine(),
  workspace: { crates: Number(values.crates), size: Number(values.size), deps: Number(values.deps) },
  figures: [],
  startup: null,
  parse: null,
  github: null
}

function timed(cmd: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' })
  if (r.error) throw r.error
  return Number(process.hrtime.bigint() - start) / 1e9
}

function machine(): BenchResults['machine'] {
  const version = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).stdout.trim()
  return {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    os: `${platform()} ${release()}`,
    node: process.version,
    cargo: version('cargo'),
    loadAtStart: loadavg()[0]
  }
}

function overhead(): void {
  const figures = overheadFigures({
    dir: path.join(work, 'ws'),
    crates: Number(values.crates),
    size: Number(values.size),
    deps: Number(values.deps),
    heavyDeps: Number(values['heavy-deps']),
    heavyPairs: Number(values['heavy-pairs']),
    pairs: Number(values.pairs),
    only: only?.filter(o => o !== 'overhead'),
    progress
  })
  results.figures = figures
  if (figures.some(f => f.id.startsWith('floor'))) {
    progress('fixed costs: the CLI starting, rustc -vV, cargo metadata, interleaved')
    results.fixedCost = fixedCosts(Number(values['startup-runs']), path.join(work, 'ws'))
  }
  console.log(
    `\n1. Overhead on a generated workspace (${values.crates} crates of size ${values.size}, ${values.deps} path dependencies outside it; ${values.pairs} alternating pairs per figure)`
  )
  for (const f of figures) {
    console.log(`   ${f.label}`)
    console.log(`     A: ${f.a.map(x => x.toFixed(2)).join(' ')} s`)
    console.log(`     B: ${f.b.map(x => x.toFixed(2)).join(' ')} s`)
    console.log(`     A cpu: ${f.aCpu.map(x => x.toFixed(2)).join(' ')} s`)
    console.log(`     B cpu: ${f.bCpu.map(x => x.toFixed(2)).join(' ')} s`)
    console.log(`     wall ratio A/B ${describeRatio(f.ratio)}  (target ${f.target})`)
    console.log(`     cpu ratio A/B  ${describeRatio(f.cpuRatio)}`)
    if (f.floor) console.log(`     floor (raw without its cargo check ÷ raw) ${describeRatio(f.floor)}`)
    if (f.gateOwnCpu) console.log(`     gate's own cpu ${describeSeconds(f.gateOwnCpu)}`)
    for (const [side, parts] of Object.entries(f.parts ?? {}))
      for (const [name, cpu] of Object.entries(parts))
        console.log(`     ${side.toUpperCase()} cpu of ${name}: ${describeSeconds(cpu)}`)
    console.log(`     load average ${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)}; ${f.note}`)
  }
  for (const c of results.fixedCost ?? [])
    console.log(`   fixed cost, cpu of ${c.label}: ${describeSeconds(c.cpu)}`)
}

function startup(): void {
  progress('startup: node alone, the CLI and the action, interleaved')
  results.startup = startupFigures(Number(values['startup-runs']), progress)
  console.log('\n1b. Start-up, before any work (wall)')
  for (const f of results.startup) console.log(`   ${f.label}: ${describeMs(f.seconds)}`)
}

async function throughput(): Promise<void> {
  const file = path.join(work, 'messages.jsonl')
  const samples = ['warnings', 'compile-error', 'dep-warnings'].flatMap(name =>
    readFileSync(`__fixtures__/captured/${name}.check.jsonl`, 'utf8').split('\n').filter(Boolean)
  )
  // cargo ends with one build-finished; the reader reads nothing as a message after it.
  const finished = samples.find(l => l.includes('"reason":"build-finished"'))!
  const messages = samples.filter(l => !l.includes('"reason":"build-finished"'))
  const memberId = JSON.parse(messages[0]).package_id as string
  const target = Number(values['stream-mb']) * 1024 * 1024
  const out = createWriteStream(file)
  let written = 0
  for (let i = 0; written < target; i++) {
    // Distinct line numbers, so every diagnostic is new to the de-duplication (the worst case for memory).
    const line = messages[i % messages.length].replace(/"line_start":\d+/, `"line_start":${i}`) + '\n'
    written += Buffer.byteLength(line)
    if (!out.write(line)) await new Promise<void>(resolve => out.once('drain', () => resolve()))
  }
  out.write(`${finished}\n`)
  await new Promise<void>(resolve => out.end(() => resolve()))
  const mb = statSync(file).size / 1024 / 1024
  progress(`parse: streaming ${mb.toFixed(0)} MB through the gate's reader`)
  const child = spawnSync('node', ['--import', 'tsx', 'bench/parse-stream.ts', file, memberId], {
    encoding: 'utf8'
  })
  if (child.status !== 0) throw new Error(child.stderr)
  const gate = JSON.parse(child.stdout.trim().split('\n').pop()!)
  progress('parse: the same file through jq -c .')
  const jq = timed('sh', ['-c', 'jq -c . "$0" > /dev/null', file], work)
  results.parse = { mb, lines: gate.lines, seconds: gate.seconds, maxRssMb: gate.maxRssMb, jqSeconds: jq }
  console.log(`\n2. Reading a ${mb.toFixed(0)} MB cargo message stream (${gate.lines} lines)`)
  console.log(
    `   gate: ${gate.seconds.toFixed(2)} s = ${(mb / gate.seconds).toFixed(1)} MB/s, peak RSS ${gate.maxRssMb.toFixed(0)} MB`
  )
  console.log(
    `         ${gate.warnings} warnings counted, ${gate.kept} kept in the report, ${gate.omitted} counted past the cap`
  )
  console.log(`   jq -c .: ${jq.toFixed(2)} s = ${(mb / jq).toFixed(1)} MB/s`)
  console.log(`   throughput vs jq: ${(jq / gate.seconds).toFixed(2)}×  (target ≥ 1.0×, RSS < 150 MB)`)
  rmSync(file)
}

async function githubRequests(): Promise<void> {
  const api = await startGitHubApi({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main' })
  const env = {
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REF: 'refs/heads/main'
  }
  const ctx = { ...readRunContext(env), trusted: true, defaultBranch: 'main' }
  const config = parseConfig(
    n => ({ workstreams: '__fixtures__/workstreams/toka/*.yaml', 'create-tracking-issues': 'true' })[n] ?? '',
    'action'
  )
  const report = { verdict: { stable: true, reasons: [], warnings: [] } } as unknown as GateReport
  const client = createClient('bench-token', { baseUrl: api.url })
  const runs: string[] = []
  const counts: { requests: number; writes: number }[] = []
  for (const label of ['first stable run', 'unchanged rerun']) {
    progress(`github: ${label}`)
    api.resetLog()
    await syncWorkstreams({ report, config, ctx, client, log: () => undefined, root: process.cwd() })
    runs.push(`   ${label}: ${api.requests.length} requests, ${api.writes()} writes`)
    counts.push({ requests: api.requests.length, writes: api.writes() })
  }
  results.github = { first: counts[0], rerun: counts[1] }
  await api.close()
  console.log('\n3. GitHub requests of a roadmap sync (9 real Toka workstreams, local GitHub API)')
  console.log(runs.join('\n'))
  console.log('   (target: 0 writes on the rerun)')
}

console.log(
  `build-gate benchmarks — node ${process.version}, ${spawnSync('cargo', ['--version'], { encoding: 'utf8' }).stdout.trim()}`
)
const overheadIds = [
  'overhead',
  'warm',
  'cold',
  'cold-deps',
  'floor',
  'floor-cold',
  'two-phase',
  'timings',
  'retries'
]
if (!only || only.some(o => overheadIds.includes(o))) overhead()
if (want('startup')) startup()
if (want('parse')) await throughput()
if (want('github')) await githubRequests()
if (want('fixes')) await fixesBench(work, Number(values.crates), Number(values.size))
rmSync(work, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log(
  `\nResults: ${path.relative(process.cwd(), path.join(OUT, 'results.json'))} (npm run bench:readme puts them in the README)`
)
