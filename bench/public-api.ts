// `npm run bench:api`: what the public-API check adds to the gate, on the generated bench workspace
// with a warm target directory. A git repository is made of it: the base commit, then a head that
// changes the API of two crates (a typical pull request). Gate runs alternate `public-api: off` and
// `warn` (from dist/), each after touching every source (as a fresh checkout does). The added time is
// the check's own time inside the gate (report.publicApi.seconds) over the gate without it; CPU of the
// children is printed too (a busy machine inflates wall time, not CPU). Also measured: the worst case,
// a head that touches a shared input (every crate documented on both sides). The base side's surfaces
// are cached in the target directory (a PR's base stays the same across pushes): measured without the
// cache (first push) and with it (later pushes).
import { execFileSync, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { childrenCpuSeconds } from '../src/cargo/process.js'
import type { PublicApiSection } from '../src/capabilities/public-api/section.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { crateName, generateWorkspace } from './generate-workspace.js'

const { values } = parseArgs({
  options: {
    crates: { type: 'string', default: '16' },
    size: { type: 'string', default: '30' },
    reps: { type: 'string', default: '5' }
  }
})
const work = mkdtempSync(path.join(tmpdir(), 'gate-bench-api-'))
const dir = path.join(work, 'ws')
const crates = Number(values.crates)
generateWorkspace({ dir, crates, size: Number(values.size) })
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=b@b', '-c', 'user.name=b', ...args], { cwd: dir, encoding: 'utf8' })
execFileSync('cargo', ['generate-lockfile', '--offline', '-q'], { cwd: dir })
git('init', '-q')
git('add', '-A')
git('commit', '-qm', 'base')
// The pull request: one crate gains a function, another loses one (a break).
appendFileSync(path.join(dir, 'crates', crateName(crates - 1), 'src/lib.rs'), 'pub fn added_in_head() {}\n')
const victim = path.join(dir, 'crates', crateName(Math.floor(crates / 2)), 'src/lib.rs')
writeFileSync(victim, readFileSync(victim, 'utf8').replace(/^pub fn run0\(/m, 'fn run0('))
git('commit', '-qam', 'head')

const cli = path.resolve('dist/cli.js')
const report = path.join(work, 'report.json')

function touchSources(): void {
  const now = new Date()
  for (const crate of readdirSync(path.join(dir, 'crates')))
    utimesSync(path.join(dir, 'crates', crate, 'src/lib.rs'), now, now)
}

interface Sample {
  seconds: number
  /** CPU of the children (cargo, rustdoc, git): what a busy machine does not inflate. */
  cpu: number
}

/** One gate run from the bundle; `api` is the public-API check's own time inside it (report.publicApi.seconds). */
function gate(publicApi: 'off' | 'warn'): Sample & { api: number; section: PublicApiSection | null } {
  const start = process.hrtime.bigint()
  const cpu = childrenCpuSeconds() ?? 0
  const r = spawnSync(
    'node',
    [cli, '--working-directory', dir, '--report-path', report, '--public-api', publicApi],
    {
      stdio: 'ignore'
    }
  )
  if (r.error) throw r.error
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const section = (JSON.parse(readFileSync(report, 'utf8')) as GateReport).publicApi ?? null
  if (publicApi !== 'off' && section?.status !== 'checked') throw new Error(`API check: ${section?.reason}`)
  return { seconds, cpu: (childrenCpuSeconds() ?? 0) - cpu, api: section?.seconds ?? 0, section }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(2)} s, min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}  [${xs.map(x => x.toFixed(2)).join(' ')}]`

/** `cachedBase`: false removes the base cache before each run (a first push, or a new base). */
async function scenario(label: string, cachedBase: boolean): Promise<void> {
  const forget = () => {
    if (!cachedBase) rmSync(path.join(dir, 'target', 'build-gate'), { recursive: true, force: true })
  }
  touchSources()
  gate('warn') // warm: the first runs build what later runs only rebuild
  const off: Sample[] = []
  const on: Sample[] = []
  const inside: number[] = []
  let last: PublicApiSection | null = null
  // Alternating A B A B, so a busier moment of the machine weighs on both.
  for (let i = 0; i < Number(values.reps); i++) {
    touchSources()
    off.push(gate('off'))
    touchSources()
    forget()
    const r = gate('warn')
    on.push(r)
    inside.push(r.api)
    last = r.section
  }
  const wall = (xs: Sample[]) => xs.map(x => x.seconds)
  const cpu = (xs: Sample[]) => xs.map(x => x.cpu)
  const documented = last!.crates.filter(c => c.status !== 'unchanged').length
  const breaking = last!.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'breaking').length, 0)
  console.log(
    `\n${label}: ${documented} of ${last!.crates.length} crates documented on each side, ${breaking} breaking change(s) found`
  )
  console.log(`   gate, public-api off, wall:  ${fmt(wall(off))}`)
  console.log(`   gate, public-api warn, wall: ${fmt(wall(on))}`)
  console.log(`   the API check inside it:     ${fmt(inside)}`)
  console.log(`   gate, public-api off, CPU:   ${fmt(cpu(off))}`)
  console.log(`   gate, public-api warn, CPU:  ${fmt(cpu(on))}`)
  const pct = (x: number, y: number) => ((100 * x) / y).toFixed(1)
  console.log(
    `   added: ${pct(median(inside), median(wall(off)))}% (API check ÷ gate without it, wall medians); ` +
      `${pct(median(cpu(on)) - median(cpu(off)), median(cpu(off)))}% CPU; target < 25%`
  )
}

console.log(
  `public-API check benchmark — ${crates} crates, ${values.reps} repetitions, ${spawnSync('cargo', ['--version'], { encoding: 'utf8' }).stdout.trim()}`
)
await scenario('Pull request changing two crates (base = HEAD^), first push: base not cached', false)
await scenario('The same, a later push: the base surfaces cached in the target directory', true)
// A Rust file outside every crate is a shared input: every library crate is documented on both sides.
appendFileSync(path.join(dir, 'shared-input.rs'), '// not part of any crate\n')
await scenario('Worst case: a shared input changed, every crate documented, base not cached', false)
rmSync(work, { recursive: true, force: true })
