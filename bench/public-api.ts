// `npm run bench:api`: what the public-API check adds to the gate, on the generated bench workspace
// with a warm target directory. A git repository is made of it: the base commit, then a head that
// changes the API of two crates (a typical pull request). Each repetition touches every source (as a
// fresh checkout does), runs the gate, then the API check against the base, as the pipeline would.
// Also measured: the worst case, a head that touches a shared input (every crate documented twice).
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import { childrenCpuSeconds } from '../src/cargo/process.js'
import { checkPublicApi } from '../src/capabilities/public-api/check.js'
import type { PublicApiSection } from '../src/capabilities/public-api/section.js'
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
execFileSync('sed', ['-i', 's/^pub fn run0(/fn run0(/', victim])
git('commit', '-qam', 'head')

const members = workspaceMembers(
  parseMetadata(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--offline'], { cwd: dir, encoding: 'utf8' })
  )
)
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

function gate(): Sample {
  const start = process.hrtime.bigint()
  const cpu = childrenCpuSeconds() ?? 0
  const r = spawnSync('node', [cli, '--working-directory', dir, '--report-path', report], { stdio: 'ignore' })
  if (r.error) throw r.error
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: (childrenCpuSeconds() ?? 0) - cpu }
}

async function api(base = ''): Promise<Sample & { section: PublicApiSection }> {
  const start = process.hrtime.bigint()
  const cpu = childrenCpuSeconds() ?? 0
  const section = await checkPublicApi({
    policy: 'warn',
    base,
    crates: [],
    workspaceRoot: dir,
    targetDir: path.join(dir, 'target'),
    toolchain: null,
    checkArgs: ['--workspace', '--all-features'],
    members,
    env: {}
  })
  if (section.status !== 'checked') throw new Error(`API check: ${section.reason}`)
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpu: (childrenCpuSeconds() ?? 0) - cpu,
    section
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(2)} s, min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}  [${xs.map(x => x.toFixed(2)).join(' ')}]`

async function scenario(label: string, base: string): Promise<void> {
  touchSources()
  gate() // warm: the first runs build what later runs only rebuild
  await api(base)
  const g: Sample[] = []
  const a: Sample[] = []
  let last: PublicApiSection | null = null
  for (let i = 0; i < Number(values.reps); i++) {
    touchSources()
    g.push(gate())
    const r = await api(base)
    a.push(r)
    last = r.section
  }
  const wall = (xs: Sample[]) => xs.map(x => x.seconds)
  const cpu = (xs: Sample[]) => xs.map(x => x.cpu)
  const documented = last!.crates.filter(c => c.status !== 'unchanged').length
  const breaking = last!.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'breaking').length, 0)
  console.log(
    `\n${label}: ${documented} of ${last!.crates.length} crates documented on each side, ${breaking} breaking change(s) found`
  )
  console.log(`   gate without the API check, wall: ${fmt(wall(g))}`)
  console.log(`   API check (added), wall:          ${fmt(wall(a))}`)
  console.log(`   gate without the API check, CPU:  ${fmt(cpu(g))}`)
  console.log(`   API check (added), CPU:           ${fmt(cpu(a))}`)
  const pct = (x: number[], y: number[]) => ((100 * median(x)) / median(y)).toFixed(1)
  console.log(
    `   added / gate: ${pct(wall(a), wall(g))}% wall, ${pct(cpu(a), cpu(g))}% CPU (medians; target < 25%)`
  )
}

console.log(
  `public-API check benchmark — ${crates} crates, ${values.reps} repetitions, ${spawnSync('cargo', ['--version'], { encoding: 'utf8' }).stdout.trim()}`
)
await scenario('Pull request changing two crates (base = HEAD^)', '')
// A Rust file outside every crate is a shared input: every library crate is documented on both sides.
appendFileSync(path.join(dir, 'shared-input.rs'), '// not part of any crate\n')
await scenario('Worst case: a shared input changed, every crate documented', '')
rmSync(work, { recursive: true, force: true })
