// The living checklist: the plan's success criteria as GitHub task-list items, each ticked from the
// latest trusted run with its evidence, in a marked block of the tracking issue's body. Pure.
//
// What is compared: the ticks, the counts and the "unstable since" line, through a digest kept in the
// block. What is not: evidence that varies from run to run with nothing changed (build seconds, the
// run's link and time), so an unchanged rerun writes nothing; the link shown is the run that last
// changed a tick or a count.
import { createHash } from 'node:crypto'
import type { Finding } from '../../findings/finding.js'
import type { ChecklistReport } from './section.js'
import { conflictId, describeConflict, isConflict } from '../conflicts/index.js'
import { fenced } from '../../report/markdown.js'
import { burndownLines, flakyMemoryLine, when, type Burndown, type TrackerStatus } from '../tracker/index.js'
import { checkingPhase } from '../../report/checking-phase.js'

export const CHECKLIST_START = '<!-- build-gate:checklist:start -->'
export const CHECKLIST_END = '<!-- build-gate:checklist:end -->'
const DIGEST = /<!-- build-gate:checklist:digest=([0-9a-f]+) -->/

export interface ChecklistItem {
  label: string
  done: boolean
  /** Counts and names: compared. */
  evidence: string
  /** Measurements that differ between identical runs: shown, not compared. */
  measured?: string
}

export interface ChecklistInput {
  report: ChecklistReport
  /** Dependent workstreams this gate still blocks; null when the roadmap is not synced. */
  gateBlocks: string[] | null
  /** Dependent workstreams that are ready (for the evidence). */
  readyDependents: string[]
}

export function checklistItems(i: ChecklistInput): ChecklistItem[] {
  const { report } = i
  const items: ChecklistItem[] = [conflictsItem(report.findings), buildItem(report), testsItem(report)]
  const api = publicApiItem(report)
  if (api) items.push(api)
  items.push(timingItem(report))
  if (i.gateBlocks) items.push(workstreamsItem(report, i.gateBlocks, i.readyDependents))
  return items
}

function conflictsItem(findings: Pick<Finding, 'code' | 'crate' | 'severity'>[]): ChecklistItem {
  const conflicts = findings.filter(f => isConflict(f.code))
  const named = (sev: string) =>
    [
      ...new Set(
        conflicts.filter(f => f.severity === sev).map(f => describeConflict(conflictId(f.code, f.crate)))
      )
    ].sort()
  const denied = named('block')
  const warned = named('warn')
  const parts = [denied.length ? `${denied.length} denied: ${denied.join(', ')}` : 'none denied']
  if (warned.length) parts.push(`${warned.length} reported, not denied: ${warned.join(', ')}`)
  return {
    label: 'Dependency conflicts resolved (none denied)',
    done: denied.length === 0,
    evidence: parts.join('; ')
  }
}

function buildItem(report: ChecklistReport): ChecklistItem {
  const label = 'Workspace builds without warnings or errors'
  const check = checkingPhase(report.phases)
  if (!check?.ran || (check.failure && report.diagnostics.errors === 0))
    return { label, done: false, evidence: 'cargo check did not complete' }
  const { errors, warnings } = report.diagnostics
  const crates = report.crates.filter(c => c.errors + c.warnings > 0).map(c => c.name)
  const evidence = `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(report.crates.length, 'crate')}${crates.length ? ` (${crates.join(', ')})` : ''}`
  return { label, done: errors === 0 && warnings === 0 && !check.failure, evidence }
}

function testsItem(report: ChecklistReport): ChecklistItem {
  const label = 'Full test suite passes'
  const t = report.tests
  if (!t?.ran) return { label, done: false, evidence: 'the tests did not run' }
  const failing = [...new Set(t.failures.map(f => f.crate))].sort()
  const flaky = (t.flaky ?? []).map(f => `${f.crate} ${f.name}`).sort()
  // flaky-tests: deny makes a flaky test a failure of the suite; warn and allow let it pass.
  const denied = report.findings.some(f => f.code === 'tests-flaky' && f.severity === 'block')
  const memory = (report.tracker?.flaky ?? []).map(flakyMemoryLine)
  return {
    label,
    done: t.failed === 0 && !denied,
    evidence: `${t.passed} passed, ${t.failed} failed, ${t.ignored} ignored${failing.length ? ` (failing in ${failing.join(', ')})` : ''}${flaky.length ? `; flaky: ${flaky.join(', ')}` : ''}`,
    ...(memory.length ? { measured: memory.join('; ') } : {})
  }
}

// Only when the public API check ran (its section is on, or it emitted findings); its codes:
// api-breaking (allowed when a version bump announces it), api-unknown (could not compare).
function publicApiItem(report: ChecklistReport): ChecklistItem | null {
  const api = report.findings.filter(f => f.source === 'public-api')
  const section = (report as { publicApi?: { status?: string } }).publicApi
  if (!api.length && (!section || section.status === 'off')) return null
  const label = 'No breaking public API changes'
  const breaking = api.filter(
    f => f.code === 'api-breaking' && (f.severity === 'block' || f.severity === 'warn')
  )
  const unknown = api.filter(f => f.code === 'api-unknown')
  const crates = (list: Finding[]) => [...new Set(list.map(f => f.crate ?? '?'))].sort().join(', ')
  if (breaking.length)
    return {
      label,
      done: false,
      evidence: `${count(breaking.length, 'breaking change')} in ${crates(breaking)}`
    }
  if (unknown.length || section?.status === 'unknown')
    return {
      label,
      done: false,
      evidence: unknown.length ? `could not be compared for ${crates(unknown)}` : 'could not be compared'
    }
  const allowed = api.filter(f => f.code === 'api-breaking' && f.severity === 'allowed').length
  return {
    label,
    done: true,
    evidence: allowed ? `none unannounced (${count(allowed, 'break')} allowed by a version bump)` : 'none'
  }
}

function timingItem(report: ChecklistReport): ChecklistItem {
  const label = 'Build time within tolerance'
  const t = report.timing
  if (!t) return { label, done: false, evidence: 'not measured against a baseline' }
  const seconds =
    t.baselineSeconds !== null && t.deltaPercent !== null
      ? `${t.seconds.toFixed(1)} s ${t.metric}, ${t.deltaPercent >= 0 ? '+' : ''}${t.deltaPercent.toFixed(1)}% against ${t.baselineSeconds.toFixed(1)} s`
      : `${t.seconds.toFixed(1)} s ${t.metric}`
  if (t.regression === 'true' || t.regression === 'false')
    return {
      label,
      done: t.regression === 'false',
      evidence: t.regression === 'true' ? 'regression' : 'no regression',
      measured: seconds
    }
  // Why it was not compared changes from the first stable run to the next with nothing else changed.
  const why = t.regression === 'no-baseline' ? 'no baseline yet' : 'not comparable with the baseline'
  return { label, done: false, evidence: 'not compared with a baseline', measured: `${why}; ${seconds}` }
}

function workstreamsItem(report: ChecklistReport, gateBlocks: string[], ready: string[]): ChecklistItem {
  const label = 'Dependent workstreams unblocked'
  if (gateBlocks.length)
    return {
      label,
      done: false,
      evidence: `${gateBlocks.length} still wait for this gate: ${[...gateBlocks].sort().join(', ')}`
    }
  return {
    label,
    done: report.verdict.stable,
    evidence: ready.length ? `ready: ${[...ready].sort().join(', ')}` : 'none waits for this gate'
  }
}

/** The lines compared between runs: ticks, counts, since when, conflicts. */
function comparedLines(items: ChecklistItem[], s: TrackerStatus): string[] {
  const { found, resolved, open } = s.conflicts
  return [
    ...items.map(i => `- [${i.done ? 'x' : ' '}] ${i.label}: ${i.evidence}`),
    s.stable ? `**Stable** since ${when(s.stableSince!)}.` : `**Unstable** since ${when(s.unstableSince!)}.`,
    found.length
      ? `**Conflicts** since the last stable run: ${found.length} found, ${resolved.length} resolved${open.length ? `; open: ${open.map(describeConflict).join(', ')}` : ''}.`
      : '**Conflicts** since the last stable run: none found.',
    // The burndown's counts, not its picture (a glyph more each run): a count that changed rewrites the block.
    ...(s.warnings ? [warningsLine(s.warnings)] : [])
  ]
}

/** "**Warnings:** 9 now (a 3, b 6); 14 on 2 Dec.": the same for the same counts, run after run. */
function warningsLine(b: Burndown): string {
  const crates = b.crates.filter(c => c.now > 0).map(c => `${c.name} ${c.now}`)
  const day = new Date(b.since.at).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC'
  })
  return `**Warnings:** ${b.now} now${crates.length ? ` (${crates.join(', ')})` : ''}; ${b.since.warnings} on ${day}.`
}

export function checklistDigest(items: ChecklistItem[], s: TrackerStatus): string {
  return createHash('sha256').update(comparedLines(items, s).join('\n')).digest('hex').slice(0, 16)
}

/** The marked block, with the run that produced it. */
export function renderChecklist(items: ChecklistItem[], s: TrackerStatus): string {
  const lines = comparedLines(items, s)
  const ticks = lines
    .slice(0, items.length)
    .map((l, n) => (items[n].measured ? `${l} (${items[n].measured})` : l))
  const run = s.current.runUrl ? `[this run](${s.current.runUrl})` : 'a local run'
  return [
    CHECKLIST_START,
    `<!-- build-gate:checklist:digest=${checklistDigest(items, s)} -->`,
    '### Stabilization checklist',
    '',
    ...ticks,
    '',
    ...lines.slice(items.length).flatMap(l => [l, '']),
    // Shown, not compared: the burndown's picture as of the run that last rewrote the block.
    ...(s.warnings ? [...fenced(burndownLines(s.warnings).join('\n')), ''] : []),
    `<sub>Ticked by build-gate from ${run} at ${when(s.current)}; rewritten when a tick or a count changes (build times and this link are not compared).</sub>`,
    CHECKLIST_END
  ].join('\n')
}

export type BlockState = { kind: 'none' } | { kind: 'found'; digest: string | null } | { kind: 'broken' }

/** The digest of the block already in `body`; `broken` when its markers are not one start then one end. */
export function readBlock(body: string | null): BlockState {
  const text = body ?? ''
  const starts = text.split(CHECKLIST_START).length - 1
  const ends = text.split(CHECKLIST_END).length - 1
  if (starts === 0 && ends === 0) return { kind: 'none' }
  const a = text.indexOf(CHECKLIST_START)
  const b = text.indexOf(CHECKLIST_END)
  if (starts !== 1 || ends !== 1 || b < a) return { kind: 'broken' }
  return { kind: 'found', digest: DIGEST.exec(text.slice(a, b))?.[1] ?? null }
}

/** `body` with its block replaced by `block`, or `block` appended; everything else kept as it was. */
export function withBlock(body: string | null, block: string): string {
  const text = body ?? ''
  const a = text.indexOf(CHECKLIST_START)
  const b = text.indexOf(CHECKLIST_END)
  if (a >= 0 && b > a) return text.slice(0, a) + block + text.slice(b + CHECKLIST_END.length)
  return text.trim() ? `${text.replace(/\s+$/, '')}\n\n${block}\n` : `${block}\n`
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
