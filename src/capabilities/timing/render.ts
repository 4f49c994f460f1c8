// The timing section rendered: a markdown block for the job summary / PR comment and plain text for
// the terminal. Both show every phase and the crates that moved most.
import type { TimingSection } from './section.js'
import { trendLines } from './trend.js'

const MOVERS = 5

const VERDICT: Record<TimingSection['regression'], string> = {
  true: 'regression',
  false: 'within limits',
  'not-comparable': 'not comparable',
  'no-baseline': 'no baseline yet'
}

export function timingMarkdown(t: TimingSection): string {
  const out = [
    `### Build time: ${VERDICT[t.regression]}`,
    '',
    `${headline(t)}`,
    '',
    ...explanation(t),
    ...trendBlock(t),
    '| phase | wall (s) | cpu (s) | workspace compiled / fresh | dependencies compiled / fresh |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...t.phases.map(
      p =>
        `| ${p.name} | ${p.wallSeconds.toFixed(2)} | ${p.cpuSeconds === null ? '–' : p.cpuSeconds.toFixed(2)} | ${p.units.workspace.compiled} / ${p.units.workspace.fresh} | ${p.units.dependencies.compiled} / ${p.units.dependencies.fresh} |`
    )
  ]
  const movers = moved(t)
  if (movers.length > 0)
    out.push(
      '',
      'Crates that moved most (wall seconds of their units, from `cargo --timings`):',
      '',
      '| crate | now (s) | baseline (s) | change |',
      '| --- | ---: | ---: | ---: |',
      ...movers.map(
        c =>
          `| ${c.name} | ${c.seconds.toFixed(2)} | ${c.baselineSeconds?.toFixed(2) ?? 'new'} | ${change(c.deltaPercent)} |`
      )
    )
  if (t.crateTimingsNote) out.push('', t.crateTimingsNote)
  out.push('', `<sub>Cache state \`${t.cacheState}\`. ${t.baselineNote}</sub>`)
  return out.join('\n')
}

/** The trend in a fenced block: sparklines need a monospace font to line up. */
function trendBlock(t: TimingSection): string[] {
  const lines = trendLines(t)
  return lines.length === 0 ? [] : ['```text', ...lines, '```', '']
}

export function timingText(t: TimingSection): string {
  const lines = [
    `Build time: ${VERDICT[t.regression]}. ${headline(t, false)}`,
    ...explanation(t)
      .filter(Boolean)
      .map(l => `  ${l}`)
  ]
  lines.push(...trendLines(t).map(l => `  ${l}`))
  for (const p of t.phases)
    lines.push(
      `  ${p.name.padEnd(10)} wall ${p.wallSeconds.toFixed(2).padStart(8)} s  cpu ${(p.cpuSeconds === null ? '–' : p.cpuSeconds.toFixed(2)).padStart(8)} s  compiled ${p.units.workspace.compiled + p.units.dependencies.compiled}, fresh ${p.units.workspace.fresh + p.units.dependencies.fresh}`
    )
  for (const c of moved(t))
    lines.push(
      `  ${c.name}: ${c.seconds.toFixed(2)} s (baseline ${c.baselineSeconds?.toFixed(2) ?? 'none'}, ${change(c.deltaPercent)})`
    )
  if (t.crateTimingsNote) lines.push(`  ${t.crateTimingsNote}`)
  lines.push(`  ${t.baselineNote}`)
  return lines.join('\n')
}

/** The crates that moved most: only against a baseline (without one nothing moved). */
function moved(t: TimingSection): TimingSection['crates'] {
  return t.crates.some(c => c.baselineSeconds !== null) ? t.crates.slice(0, MOVERS) : []
}

/** Why, unless the headline already says it ("Not measured (why)."). */
function explanation(t: TimingSection): string[] {
  return t.notMeasured === undefined ? [t.explanation, ''] : []
}

function headline(t: TimingSection, bold = true): string {
  if (t.notMeasured !== undefined) return `Not measured (${t.notMeasured}).`
  const base =
    t.baselineSeconds === null
      ? ''
      : ` vs baseline ${t.baselineSeconds.toFixed(2)} s (${change(t.deltaPercent)}, ${t.samples} sample${t.samples === 1 ? '' : 's'})`
  const confirmed =
    t.confirmed === null ? '' : t.confirmed ? ', confirmed by a rebuild' : ', not confirmed by a rebuild'
  const what =
    t.key.build === 'compile-once' ? 'one cargo build for check + test build' : 'check + test build'
  const seconds = `${t.seconds.toFixed(2)} s`
  return `${bold ? `**${seconds}**` : seconds} ${t.metric} (${what})${base}${confirmed}.`
}

function change(p: number | null): string {
  return p === null ? '–' : `${p > 0 ? '+' : ''}${p.toFixed(1)}%`
}

/**
 * A shard skips the comparison, and the merge has nothing to compare: say so where the Build time
 * section would be, rather than leave it out without a word.
 */
export function shardNote(report: { shard?: { merged?: unknown }; timing?: unknown }): string | null {
  if (!report.shard || report.timing) return null
  const what = report.shard.merged ? 'the shards each built' : 'this shard built'
  return `Build time not compared with the baseline: ${what} part of the workspace, in parallel and with a cache of its own, so neither a shard's time nor the shards' sum is the workspace's build time. An unsharded run of the gate (e.g. on push to the default branch) measures and compares it.`
}

/**
 * While a pull request finds no baseline, say exactly what makes one: a run on push to the default
 * branch, with write access to contents for the baseline branch.
 */
export function baselineHint(
  report: { timing?: Pick<TimingSection, 'regression'> },
  run: { eventName: string; defaultBranch: string | null; baselineBranch: string }
): string | null {
  if (report.timing?.regression !== 'no-baseline' || !run.eventName.startsWith('pull_request')) return null
  const branch = run.defaultBranch ?? 'main'
  return [
    `**No build-time baseline yet.** Pull requests never write it; a stable run on push to \`${branch}\` does. Add this to the workflow:`,
    '',
    '```yaml',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${branch}]`,
    '```',
    '',
    `and give the job that runs on push \`permissions: contents: write\` (it writes the \`${run.baselineBranch}\` branch); the pull request job keeps \`contents: read\`. The README's Quick start shows the whole workflow.`
  ].join('\n')
}
