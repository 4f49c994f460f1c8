// The tracker in two steps around the verdict's publication:
//   record  — read the run history, append this run on a trusted run, derive the status (since when,
//             conflicts found/resolved, escalation due);
//   publish — on a trusted run, update the checklist on the gate's tracking issue and escalate or
//             recover, from what GitHub shows.
// A pull request, a dry run or a run without GitHub reads at most; it never writes history, checklist
// or escalation.
import type { DocumentStore } from '../../store/document-store.js'
import type { RunContext } from '../../github/context.js'
import type { GateReport } from '../../report/schema.js'
import type { GitHubClient } from '../roadmap/github.js'
import { checklistDigest, checklistItems, readBlock, renderChecklist } from './checklist.js'
import { applyTrackerWrites, readTrackingIssue } from './github.js'
import { appendRun, type History } from './history.js'
import type { TrackerConfig } from './inputs.js'
import { describeTrackerWrite, planTracker, type EscalationState } from './plan.js'
import { runRecord } from './record.js'
import { deriveStatus, type TrackerStatus } from './status.js'
import { statusLine } from './status-line.js'

export type TrackerMode = 'apply' | 'preview' | 'dry-run' | 'report-only'

export interface TrackerSection {
  mode: TrackerMode
  /** The status in one line (job summary, PR comment). */
  line: string
  status: TrackerStatus
  history: { location: string | null; recorded: boolean; runs: number }
  issue: number | null
  checklist: 'written' | 'unchanged' | 'planned' | 'no-issue' | 'broken' | 'not-updated'
  escalation: EscalationState | 'not-checked'
  plannedWrites: { kind: string; target: string; detail: string }[]
  appliedWrites: number
  note: string
}

export interface RecordInput {
  report: GateReport
  tracker: TrackerConfig
  ctx: RunContext
  /** Where the history lives; null when it cannot be reached (say why in `unreachable`). */
  store: DocumentStore<History> | null
  unreachable?: string
  dryRun: boolean
  now: Date
}

/** Throws the store's HistoryError when the history exists but cannot be read: it is never overwritten. */
export async function recordRun(i: RecordInput): Promise<TrackerSection> {
  const record = runRecord(i.report, i.ctx, i.now)
  const trusted = i.ctx.trusted && !i.ctx.pullRequest
  const mode: TrackerMode = !i.store ? 'report-only' : i.dryRun ? 'dry-run' : trusted ? 'apply' : 'preview'
  let past: History | null = null
  let kept = 0
  let recorded = false
  if (i.store && mode === 'apply')
    // Called again with the re-read history when another run wrote in between: the last call counts.
    await i.store.update(current => {
      past = current
      const next = appendRun(current, record)
      recorded = next !== current
      kept = next.runs.length
      return next
    })
  else if (i.store) past = await i.store.read()
  const before = (past as History | null)?.runs ?? []
  if (!recorded) kept = before.length
  const status = deriveStatus([...before, record], i.now, i.tracker.escalateAfterMs)
  const why = !i.store
    ? `report only: ${i.unreachable ?? 'no history store'}`
    : mode === 'apply'
      ? recorded
        ? `run recorded in ${i.store.location}`
        : 'same commit and outcome as the last recorded run: history unchanged'
      : mode === 'dry-run'
        ? 'dry run: history read, nothing written'
        : `${i.ctx.pullRequest ? `pull request #${i.ctx.pullRequest.number}` : i.ctx.trustReason}: history read, nothing written`
  return {
    mode,
    // Without the history this run is all there is: say so rather than "since this run".
    line: i.store
      ? statusLine(status, i.now)
      : `${status.stable ? 'stable' : 'unstable'}; no run history (${i.unreachable ?? 'no history store'})`,
    status,
    history: { location: i.store?.location ?? null, recorded, runs: kept },
    issue: null,
    checklist: 'not-updated',
    escalation: 'not-checked',
    plannedWrites: [],
    appliedWrites: 0,
    note: why
  }
}

export interface PublishInput {
  section: TrackerSection
  report: GateReport
  tracker: TrackerConfig
  /** `workstream-label-prefix` + `gate-workstream`: the label of the gate's tracking issue. */
  issueLabel: string
  client: GitHubClient | null
  ctx: RunContext
  /** The AgentObservation the escalation carries; null when dispatch-events is off. */
  observation: Record<string, unknown> | null
  log: (line: string) => void
}

/** The checklist and escalation on the gate's tracking issue; writes only in `apply` mode. */
export async function publishTracker(p: PublishInput): Promise<TrackerSection> {
  const s = { ...p.section }
  const { client, ctx } = p
  if ((s.mode !== 'apply' && s.mode !== 'dry-run') || !client || !ctx.owner || !ctx.repo) return s
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const { issue, closed } = await readTrackingIssue(client, repo, p.issueLabel)
  if (!issue) {
    s.checklist = 'no-issue'
    s.note += closed
      ? `; the tracking issue labelled '${p.issueLabel}' (#${closed}) is closed: no checklist, no escalation`
      : `; no open issue labelled '${p.issueLabel}': open one (or set create-tracking-issues: true with workstreams) for the checklist and escalation`
    return s
  }
  s.issue = issue.number
  const roadmap = roadmapView(p.report)
  const items = checklistItems({ report: p.report, ...roadmap })
  const existing = readBlock(issue.body)
  const { writes, escalation } = planTracker({
    issue,
    block: renderChecklist(items, s.status),
    digest: checklistDigest(items, s.status),
    existing,
    status: s.status,
    report: p.report,
    escalationLabel: p.tracker.escalationLabel,
    escalateTo: p.tracker.escalateTo,
    observation: p.observation
  })
  s.escalation = escalation
  s.plannedWrites = writes.map(describeTrackerWrite)
  const bodyWrite = writes.some(w => w.kind === 'update-body')
  if (existing.kind === 'broken') {
    s.checklist = 'broken'
    s.note += `; the checklist markers in #${issue.number} are broken (one start, then one end, are needed): the block was not rewritten, fix or remove the markers`
  } else s.checklist = bodyWrite ? (s.mode === 'apply' ? 'written' : 'planned') : 'unchanged'
  if (s.mode === 'dry-run') {
    for (const w of s.plannedWrites) p.log(`would ${w.kind} ${w.target}: ${w.detail}`)
    return s
  }
  const applied = await applyTrackerWrites(client, repo, writes, p.log)
  s.appliedWrites = applied.applied
  if (applied.forbidden) {
    s.mode = 'report-only'
    s.note += `; the token may not write (${applied.forbidden}): give the workflow 'issues: write' and 'contents: write'`
  }
  // The record step's clock, so both steps say the same time left.
  const escalated = escalation === 'escalated' || (escalation === 'escalate' && !applied.forbidden)
  s.line = statusLine(s.status, new Date(s.status.current.at), escalated || null)
  return s
}

/** What the roadmap sync saw: the dependents this gate still blocks, and those that are ready. */
export function roadmapView(report: GateReport): { gateBlocks: string[] | null; readyDependents: string[] } {
  const data = (report.workstreams?.observation?.data ?? null) as Record<string, unknown> | null
  const names = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null
  if (!data) return { gateBlocks: null, readyDependents: [] }
  return {
    gateBlocks: names(data.next_milestone) ?? null,
    readyDependents: names(data.ready_workstreams) ?? []
  }
}
