// `npm run bench`: prints figures, asserts nothing. Three questions:
// 1. what the gate costs next to the cargo commands it wraps (alternating A B A B on one workspace);
// 2. how fast and in how much memory it reads a 200 MB cargo message stream, next to `jq -c .`;
// 3. how many GitHub requests and writes a first roadmap sync and an unchanged rerun make.
import { spawnSync } from 'node:child_process'
import {
  createWriteStream,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { parseConfig } from '../src/config.js'
import { createClient } from '../src/github/client.js'
import { readRunContext } from '../src/github/context.js'
import type { GateReport } from '../src/report/schema.js'
import { syncWorkstreams } from '../src/workstreams/sync.js'
import { startGitHubApi } from '../__tests__/support/github-api/index.js'
import { fixesBench } from './fixes.js'
import { generateWorkspace } from './generate-workspace.js'

const { values } = parseArgs({
  options: {
    crates: { type: 'string', default: '16' },
    size: { type: 'string', default: '30' },
    pairs: { type: 'string', default: '3' },
    'stream-mb': { type: 'string', default: '200' },
    only: { type: 'string' }
  }
})
const work = mkdtempSync(path.join(tmpdir(), 'gate-bench-'))
const want = (name: string) => !values.only || values.only.split(',').includes(name)

function timed(cmd: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' })
  if (r.error) throw r.error
  return Number(process.hrtime.bigint() - start) / 1e9
}

function touchSources(dir: string): void {
  const now = new Date()
  for (const crate of readdirSync(path.join(dir, 'crates')))
    utimesSync(path.join(dir, 'crates', crate, 'src/lib.rs'), now, now)
}

function overhead(): void {
  const dir = path.join(work, 'ws')
  generateWorkspace({ dir, crates: Number(values.crates), size: Number(values.size) })
  const cli = path.resolve('dist/cli.js')
  const report = path.join(work, 'report.json')
  const gate = (...extra: string[]) =>
    timed('node', [cli, '--working-directory', dir, '--report-path', report, ...extra], dir)
  const raw = () =>
    timed('cargo', ['check', '--workspace', '--all-features', '--message-format=json'], dir) +
    timed('cargo', ['test', '--workspace'], dir)
  touchSources(dir)
  raw() // warm: the first build also compiles what later runs only rebuild
  const a: number[] = []
  const lean: number[] = []
  const b: number[] = []
  for (let i = 0; i < Number(values.pairs); i++) {
    touchSources(dir)
    a.push(gate())
    touchSources(dir)
    b.push(raw())
    touchSources(dir)
    lean.push(gate('--crate-timings', 'true'))
    touchSources(dir)
    b.push(raw())
  }
  const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0)
  const stable = (JSON.parse(readFileSync(report, 'utf8')) as GateReport).verdict.stable
  console.log(
    `\n1. Overhead on a generated workspace (${values.crates} crates, workspace rebuilt each run, gate verdict stable=${stable})`
  )
  const mean = (xs: number[]) => sum(xs) / xs.length
  console.log(`   gate, defaults (A):                ${a.map(x => x.toFixed(2)).join(' ')} s`)
  console.log(`   gate, --crate-timings true (A'):   ${lean.map(x => x.toFixed(2)).join(' ')} s`)
  console.log(`   raw cargo check && cargo test (B): ${b.map(x => x.toFixed(2)).join(' ')} s`)
  console.log(
    `   ratio A/B: ${(mean(a) / mean(b)).toFixed(3)}, A'/B: ${(mean(lean) / mean(b)).toFixed(3)}  (target ≤ 1.03)`
  )
}

async function throughput(): Promise<void> {
  const file = path.join(work, 'messages.jsonl')
  const samples = ['warnings', 'compile-error', 'dep-warnings'].flatMap(name =>
    readFileSync(`__fixtures__/captured/${name}.check.jsonl`, 'utf8').split('\n').filter(Boolean)
  )
  const memberId = JSON.parse(samples[0]).package_id as string
  const target = Number(values['stream-mb']) * 1024 * 1024
  const out = createWriteStream(file)
  let written = 0
  for (let i = 0; written < target; i++) {
    // Distinct line numbers, so every diagnostic is new to the de-duplication (the worst case for memory).
    const line = samples[i % samples.length].replace(/"line_start":\d+/, `"line_start":${i}`) + '\n'
    written += Buffer.byteLength(line)
    if (!out.write(line)) await new Promise<void>(resolve => out.once('drain', () => resolve()))
  }
  await new Promise<void>(resolve => out.end(() => resolve()))
  const mb = statSync(file).size / 1024 / 1024
  const child = spawnSync('node', ['--import', 'tsx', 'bench/parse-stream.ts', file, memberId], {
    encoding: 'utf8'
  })
  if (child.status !== 0) throw new Error(child.stderr)
  const gate = JSON.parse(child.stdout.trim().split('\n').pop()!)
  const jq = timed('sh', ['-c', 'jq -c . "$0" > /dev/null', file], work)
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
  for (const label of ['first stable run', 'unchanged rerun']) {
    api.resetLog()
    await syncWorkstreams({ report, config, ctx, client, log: () => undefined, root: process.cwd() })
    runs.push(`   ${label}: ${api.requests.length} requests, ${api.writes()} writes`)
  }
  await api.close()
  console.log('\n3. GitHub requests of a roadmap sync (9 real Toka workstreams, local GitHub API)')
  console.log(runs.join('\n'))
  console.log('   (target: 0 writes on the rerun)')
}

console.log(
  `build-gate benchmarks — node ${process.version}, ${spawnSync('cargo', ['--version'], { encoding: 'utf8' }).stdout.trim()}`
)
if (want('overhead')) overhead()
if (want('parse')) await throughput()
if (want('github')) await githubRequests()
if (want('fixes')) await fixesBench(work, Number(values.crates), Number(values.size))
rmSync(work, { recursive: true, force: true })
