// `npm run bench:readme`: writes the README's Performance table from bench/out/results.json, between
// the `bench:start` and `bench:end` markers, so the figures there are the bench's own output.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { FigureResult } from './overhead.js'
import { describeRatio, describeSeconds } from './ratio.js'
import { OUT, type BenchResults } from './results.js'
import { describeMs } from './startup.js'
import { median } from '../src/capabilities/timing/stats.js'

const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'

export function benchTable(r: BenchResults): string {
  const m = r.machine
  const rows = [
    '| what | measured (wall ratio; CPU ratio) | target |',
    '| --- | --- | --- |',
    ...r.figures.map(
      f =>
        `| ${f.label} | wall **${f.ratio.median.toFixed(3)}** ${describeRatio(f.ratio).replace(/^\S+ /, '')}; CPU **${f.cpuRatio.median.toFixed(3)}** ${describeRatio(f.cpuRatio).replace(/^\S+ /, '')}${extras(f)}; load ${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)} | ${f.target} |`
    )
  ]
  if (r.fixedCost?.length)
    rows.push(
      `| the gate's fixed costs, CPU, each measured alone: ${r.fixedCost.map(c => c.label).join('; ')} | ${r.fixedCost.map(c => describeSeconds(c.cpu)).join('; ')} | — |`
    )
  if (r.startup)
    rows.push(
      `| start-up before any work, wall (what each run pays whatever the build): ${r.startup.map(f => f.label).join('; ')} | ${r.startup.map(f => `**${describeMs(f.seconds).replace(' ms', '** ms')}`).join('; ')} | — |`
    )
  if (r.parse)
    rows.push(
      `| reading a ${r.parse.mb.toFixed(0)} MB cargo message stream (${r.parse.lines} lines) through the gate's process → line → JSON path | ${r.parse.seconds.toFixed(2)} s = **${(r.parse.mb / r.parse.seconds).toFixed(0)} MB/s**, \`jq -c .\` ${(r.parse.mb / r.parse.jqSeconds).toFixed(0)} MB/s (**${(r.parse.jqSeconds / r.parse.seconds).toFixed(1)}×**) | ≥ 1.0× jq |`,
      `| peak RSS while reading it | **${r.parse.maxRssMb.toFixed(0)} MB** | < 150 MB |`
    )
  if (r.github)
    rows.push(
      `| GitHub requests, roadmap sync of the 9 Toka workstreams, first stable run | ${r.github.first.requests} requests, ${r.github.first.writes} writes | — |`,
      `| the same, unchanged rerun | ${r.github.rerun.requests} requests, **${r.github.rerun.writes} writes** | 0 writes |`
    )
  const ws = r.workspace
  return [
    `Measured ${r.date.slice(0, 10)} by \`npm run bench\`${r.quick ? ' (BENCH_QUICK: a smoke run, not a measurement)' : ''} on ${m.cores} × ${m.cpu}, ${m.os}, node ${m.node}, ${m.cargo}; load average ${m.loadAtStart.toFixed(1)} at the start. Workspace: ${ws.crates} generated crates (size ${ws.size}) and ${ws.deps} path dependencies outside it. Each ratio is the median of per-pair ratios A/B over alternating pairs.`,
    '',
    ...rows
  ].join('\n')
}

/** The floor compile-once cannot go under here, and what the gate itself costs. */
function extras(f: FigureResult): string {
  const floor = f.floor
    ? `; floor **${f.floor.median.toFixed(3)}** (raw CPU without its \`cargo check\`, the best any compile-once reaches here)`
    : ''
  const own = f.gateOwnCpu ? `; the gate's own CPU ${describeSeconds(f.gateOwnCpu)}` : ''
  const parts = f.parts ? `; CPU by part, A: ${describeParts(f.parts.a)}; B: ${describeParts(f.parts.b)}` : ''
  return floor + own + parts
}

/** `cargo build 4.10 s (3.90–4.31)`, one per part: where each side's CPU goes. */
function describeParts(parts: Record<string, number[]>): string {
  const f = (n: number) => n.toFixed(2)
  return Object.entries(parts)
    .map(([name, v]) => `${name} ${f(median(v))} s (${f(Math.min(...v))}–${f(Math.max(...v))})`)
    .join(', ')
}

export function replaceBetweenMarkers(text: string, body: string): string {
  const a = text.indexOf(START)
  const b = text.indexOf(END)
  if (a === -1 || b === -1 || b < a) throw new Error(`README.md needs the markers ${START} and ${END}`)
  return `${text.slice(0, a + START.length)}\n${body}\n${text.slice(b)}`
}

if (process.argv[1] && /readme\.(ts|js|mjs)$/.test(process.argv[1])) {
  const results = JSON.parse(readFileSync(path.join(OUT, 'results.json'), 'utf8')) as BenchResults
  const readme = path.resolve('README.md')
  writeFileSync(readme, replaceBetweenMarkers(readFileSync(readme, 'utf8'), benchTable(results)))
  process.stdout.write('README.md: Performance table updated from bench/out/results.json\n')
}
