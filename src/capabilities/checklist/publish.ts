// The checklist's step, after the roadmap sync: on a trusted run, update the checklist on the gate's
// tracking issue and escalate or recover, from what GitHub shows and the tracker's status. It reads
// the roadmap's observation (and the issue the roadmap may just have opened); a pull request, a dry
// run or a run without GitHub writes nothing.
import type { RunContext } from '../../github/context.js'
import type { GitHubClient } from '../../github/writes.js'
import type { ChecklistReport } from './section.js'
import { statusLine, type TrackerConfig, type TrackerSection } from '../tracker/index.js'
import { applyTrackerWrites, readTrackingIssue } from './github.js'
import { checklistDigest, checklistItems, readBlock, renderChecklist } from './items.js'
import { describeTrackerWrite, planTracker } from './plan.js'

export interface PublishInput {
  section: TrackerSection
  report: ChecklistReport
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
export function roadmapView(report: ChecklistReport): {
  gateBlocks: string[] | null
  readyDependents: string[]
} {
  const data = (report.workstreams?.observation?.data ?? null) as Record<string, unknown> | null
  const names = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null
  if (!data) return { gateBlocks: null, readyDependents: [] }
  return {
    gateBlocks: names(data.next_milestone) ?? null,
    readyDependents: names(data.ready_workstreams) ?? []
  }
}
