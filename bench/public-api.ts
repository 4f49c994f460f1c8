// `npm run bench:api`: what the public-API check adds to the gate, on the generated bench workspace
// with a warm target directory. A git repository is made of it: the base commit, then a head that
// changes the API of two crates (a typical pull request). Gate runs alternate `public-api: off` and
// `warn` (from dist/), each after touching every source (as a fresh checkout does). The added time is
// the check's own time inside the gate (report.publicApi.seconds) over the gate without it; CPU of the
// children is printed too (a busy machine inflates wall time, not CPU). Also measured: a Rust file
// outside every crate that no crate reads, and the worst case, a cargo config every crate is built
// from (every crate documented on both sides). The base side's surfaces are cached in the target
// directory (a PR's base stays the same across pushes): measured without the cache (first push) and
// with it (later pushes). `--against other/dist/cli.js` runs another build in the same rounds, so a
// change is measured before and after under the same load (not across a change of how the doc runs
// judge freshness, by modification time or by content: each build would then invalidate the other's).
import { spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { childrenCpuSeconds } from '../src/cargo/process.js'
import type { PublicApiSection } from '../src/capabilities/public-api/section.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { apiPullRequestRepo, forgetBaseSurfaces, touchSources } from './api-repo.js'

const { values } = parseArgs({
  options: {
    crates: { type: 'string', default: '16' },
    size: { type: 'string', default: '30' },
    reps: { type: 'string', default: '5' },
    /** Another build of the CLI (e.g. main's dist/cli.js) measured in the same rounds: before and after. */
    against: { type: 'string' },
    /** Some scenarios only (comma-separated): first, later, unread, worst, worst-later. */
    only: { type: 'string' }
  }
})
const work = mkdtempSync(path.join(tmpdir(), 'gate-bench-api-'))
const dir = path.join(work, 'ws')
const crates = Number(values.crates)
apiPullRequestRepo(dir, crates, Number(values.size))

const cli = path.resolve('dist/cli.js')
const report = path.join(work, 'report.json')

interface Sample {
  seconds: number
  /** CPU of the children (cargo, rustdoc, git): what a busy machine does not inflate. */
  cpu: number
}

/** One gate run from a bundle; `api` is the public-API check's own time inside it (report.publicApi.seconds). */
function gate(
  publicApi: 'off' | 'warn',
  bundle = cli
): Sample & { api: number; section: PublicApiSection | null } {
  const start = process.hrtime.bigint()
  const cpu = childrenCpuSeconds() ?? 0
  const r = spawnSync(
    'node',
    // No confirmation rebuild: a run the timing check finds slow rebuilds the workspace once more
    // (tens of seconds), which would land on either side of a pair at random.
    [
      bundle,
      '--working-directory',
      dir,
      '--report-path',
      report,
      '--public-api',
      publicApi,
      '--no-confirm-regression'
    ],
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

const variants = [
  { label: 'warn', bundle: cli },
  ...(values.against ? [{ label: `warn, ${values.against}`, bundle: path.resolve(values.against) }] : [])
]

const only = values.only ? new Set(values.only.split(',')) : null

/** `cachedBase`: false removes the base cache before each run (a first push, or a new base). */
async function scenario(id: string, label: string, cachedBase: boolean): Promise<void> {
  if (only && !only.has(id)) return
  const forget = () => {
    if (!cachedBase) forgetBaseSurfaces(dir)
  }
  const loadBefore = loadavg()[0].toFixed(1)
  // Warm: the first runs build what later runs only rebuild (and fill each build's base cache).
  for (const v of variants) {
    touchSources(dir)
    gate('warn', v.bundle)
  }
  const off: Sample[] = []
  const on = variants.map(() => [] as (Sample & { api: number })[])
  const last: (PublicApiSection | null)[] = variants.map(() => null)
  // Alternating A B A B, so a busier moment of the machine weighs on each.
  for (let i = 0; i < Number(values.reps); i++) {
    touchSources(dir)
    off.push(gate('off'))
    variants.forEach((v, k) => {
      touchSources(dir)
      forget()
      const r = gate('warn', v.bundle)
      on[k].push(r)
      last[k] = r.section
    })
  }
  const wall = (xs: Sample[]) => xs.map(x => x.seconds)
  const cpu = (xs: Sample[]) => xs.map(x => x.cpu)
  const pct = (x: number, y: number) => ((100 * x) / y).toFixed(1)
  console.log(`\n${label} (load average ${loadBefore} → ${loadavg()[0].toFixed(1)})`)
  console.log(`   gate, public-api off, wall:  ${fmt(wall(off))}`)
  console.log(`   gate, public-api off, CPU:   ${fmt(cpu(off))}`)
  variants.forEach((v, k) => {
    const s = last[k]!
    const documented = s.crates.filter(c => c.status !== 'unchanged').length
    const breaking = s.crates.reduce((n, c) => n + c.changes.filter(x => x.class === 'breaking').length, 0)
    const inside = on[k].map(x => x.api)
    console.log(
      ` ${v.label}: ${documented} of ${s.crates.length} crates documented, ${breaking} breaking change(s) found`
    )
    console.log(`   gate, wall:                  ${fmt(wall(on[k]))}`)
    console.log(`   the API check inside it:     ${fmt(inside)}`)
    console.log(`   gate, CPU:                   ${fmt(cpu(on[k]))}`)
    console.log(
      `   added: ${pct(median(inside), median(wall(off)))}% (API check ÷ gate without it, wall medians); ` +
        `${pct(median(cpu(on[k])) - median(cpu(off)), median(cpu(off)))}% CPU`
    )
    // The measure: the check's share of the gate's wall time, per alternating pair (on − off) ÷ on.
    const share = (pick: (x: Sample) => number) =>
      on[k].map((x, i) => (100 * (pick(x) - pick(off[i]))) / pick(x))
    const shareOf = (xs: number[]) =>
      `${median(xs).toFixed(1)}% (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`
    console.log(
      `   share of the gate, (on − off) ÷ on per pair: wall ${shareOf(share(x => x.seconds))}; ` +
        `CPU ${shareOf(share(x => x.cpu))}; target ≤ 25% of wall`
    )
  })
}

console.log(
  `public-API check benchmark — ${crates} crates, ${values.reps} repetitions, ${spawnSync('cargo', ['--version'], { encoding: 'utf8' }).stdout.trim()}`
)
await scenario('first', 'Pull request changing two crates (base = HEAD^), first push: base not cached', false)
await scenario('later', 'The same, a later push: the base surfaces cached in the target directory', true)
// A Rust file outside every crate that no crate reads (nor includes): cargo's dep-info says so.
appendFileSync(path.join(dir, 'shared-input.rs'), '// not part of any crate\n')
await scenario(
  'unread',
  'The same plus a Rust file outside every crate that no crate reads, base not cached',
  false
)
// Cargo config is an input of every crate: every library crate is documented on both sides.
mkdirSync(path.join(dir, '.cargo'), { recursive: true })
writeFileSync(path.join(dir, '.cargo', 'config.toml'), '[env]\nBENCH_SHARED_INPUT = "1"\n')
await scenario('worst', 'Worst case: cargo config changed, every crate documented, base not cached', false)
await scenario('worst-later', 'The worst case, a later push: base surfaces cached', true)
rmSync(work, { recursive: true, force: true })
