// Desired state + what GitHub shows → the writes that close the gap, as data. Nothing already so is
// written, so an unchanged world plans nothing.
import type { Workstream } from './model.js'
import type { Readiness, TrackedIssue } from './readiness.js'
import type { LedgerEntry } from './ledger.js'
import { trackingMarker } from './markers.js'

/** A write to GitHub's issues, labels, refs or events (apply.ts makes them). */
export type GitHubWrite =
  | { kind: 'create-label'; name: string; color: string; description: string }
  | { kind: 'create-issue'; workstream: string; title: string; body: string; labels: string[] }
  | { kind: 'create-branch'; workstream: string; branch: string; from: string }
  | { kind: 'add-label'; workstream: string; issue: number; label: string }
  | { kind: 'remove-label'; workstream: string; issue: number; label: string }
  | { kind: 'dispatch'; eventType: string; payload: Record<string, unknown> }
  | { kind: 'close-duplicate'; workstream: string; issue: number; kept: number }

/** Every write shown in the plan: GitHub writes, and the ledger's record of an announcement (announcer.ts). */
export type Write =
  GitHubWrite | { kind: 'record-announced'; location: string; record: Record<string, LedgerEntry> }

export interface Observed {
  defaultBranch: string
  /** Names of the repository's labels. */
  labels: string[]
  issues: Map<string, TrackedIssue | null>
  /** Workstream branches that exist. */
  branches: Set<string>
  /** Open tracking issues build-gate made beside the one kept (runs that raced), by workstream. */
  duplicates?: Map<string, number[]>
}

export interface PlanSettings {
  prefix: string
  readyLabel: string
  blockedLabel: string
  createTrackingIssues: boolean
  /** Branch new branches start from; null uses the repository's default branch. */
  baseBranch: string | null
}

export const LABEL_COLORS = { workstream: '1d76db', ready: '0e8a16', blocked: 'd93f0b' }

// GitHub compares label names case-insensitively.
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
const has = (labels: string[], name: string) => labels.some(l => same(l, name))

export function planWrites(
  workstreams: Workstream[],
  readiness: Readiness[],
  observed: Observed,
  s: PlanSettings
): GitHubWrite[] {
  const writes: GitHubWrite[] = []
  const wanted = [
    ...workstreams.map(ws => ({
      name: s.prefix + ws.name,
      color: LABEL_COLORS.workstream,
      description: clip(`Tracking issue of workstream: ${ws.title}`)
    })),
    {
      name: s.readyLabel,
      color: LABEL_COLORS.ready,
      description: 'Workstream ready: every required dependency is satisfied'
    },
    {
      name: s.blockedLabel,
      color: LABEL_COLORS.blocked,
      description: 'Workstream blocked: a required dependency is not satisfied'
    }
  ]
  const known = [...observed.labels]
  for (const label of wanted)
    if (!has(known, label.name)) {
      known.push(label.name)
      writes.push({ kind: 'create-label', ...label })
    }

  for (const [workstream, issues] of observed.duplicates ?? []) {
    const kept = observed.issues.get(workstream)?.number
    if (kept !== undefined)
      for (const issue of issues) writes.push({ kind: 'close-duplicate', workstream, issue, kept })
  }

  const byName = new Map(workstreams.map(ws => [ws.name, ws]))
  for (const r of readiness) {
    const ws = byName.get(r.name)!
    const issue = observed.issues.get(r.name) ?? null
    const stateLabel = r.state === 'ready' ? s.readyLabel : s.blockedLabel
    const otherLabel = r.state === 'ready' ? s.blockedLabel : s.readyLabel
    if (!issue && s.createTrackingIssues)
      writes.push({
        kind: 'create-issue',
        workstream: ws.name,
        title: ws.title,
        body: issueBody(ws),
        labels: r.isGate ? [s.prefix + ws.name] : [s.prefix + ws.name, stateLabel]
      })
    if (r.isGate || r.done) continue
    if (r.state === 'ready' && ws.branch && !observed.branches.has(ws.branch))
      writes.push({
        kind: 'create-branch',
        workstream: ws.name,
        branch: ws.branch,
        from: s.baseBranch ?? observed.defaultBranch
      })
    if (!issue) continue
    if (!has(issue.labels, stateLabel))
      writes.push({ kind: 'add-label', workstream: ws.name, issue: issue.number, label: stateLabel })
    for (const l of issue.labels.filter(l => same(l, otherLabel)))
      writes.push({ kind: 'remove-label', workstream: ws.name, issue: issue.number, label: l })
  }
  return writes
}

/** The state the tracking issue's labels recorded before this run. */
export function previousState(issue: TrackedIssue | null, s: PlanSettings): 'ready' | 'blocked' | 'unknown' {
  if (!issue) return 'unknown'
  const ready = has(issue.labels, s.readyLabel)
  const blocked = has(issue.labels, s.blockedLabel)
  return ready === blocked ? 'unknown' : ready ? 'ready' : 'blocked'
}

export function describeWrite(w: Write): { kind: string; target: string; detail: string } {
  switch (w.kind) {
    case 'create-label':
      return { kind: w.kind, target: w.name, detail: `#${w.color} ${w.description}` }
    case 'create-issue':
      return { kind: w.kind, target: w.workstream, detail: `"${w.title}" labelled ${w.labels.join(', ')}` }
    case 'create-branch':
      return {
        kind: w.kind,
        target: w.branch,
        detail: `from the head of ${w.from} (${w.workstream} is ready)`
      }
    case 'add-label':
    case 'remove-label':
      return { kind: w.kind, target: `#${w.issue}`, detail: `${w.label} (${w.workstream})` }
    case 'dispatch':
      return { kind: w.kind, target: 'repository_dispatch', detail: `event ${w.eventType}` }
    case 'record-announced':
      return { kind: w.kind, target: w.location, detail: recordDetail(w.record) }
    case 'close-duplicate':
      return {
        kind: w.kind,
        target: `#${w.issue}`,
        detail: `another tracking issue of ${w.workstream}; #${w.kept} is kept`
      }
  }
}

/** "ready: a, b (branch feature/a); blocked: c" */
function recordDetail(record: Record<string, LedgerEntry>): string {
  const named = (state: string) =>
    Object.entries(record)
      .filter(([, e]) => e.state === state)
      .map(([w, e]) => (e.branch && state === 'ready' ? `${w} (branch ${e.branch})` : w))
  const parts = (['ready', 'blocked'] as const).flatMap(st =>
    named(st).length ? [`${st}: ${named(st).join(', ')}`] : []
  )
  return `announced ${parts.join('; ')}`
}

function issueBody(ws: Workstream): string {
  const deps = (list: Workstream['required']) =>
    list.length ? list.map(d => `- \`${d.name}\`${d.reason ? `: ${d.reason}` : ''}`).join('\n') : '_none_'
  return [
    `Tracking issue of the **${ws.title}** workstream (\`${ws.name}\`${ws.priority ? `, priority ${ws.priority}` : ''}).`,
    ws.branch ? `Branch: \`${ws.branch}\`, created once the workstream is ready.` : '',
    ws.objectives.length ? `### Objectives\n${ws.objectives.map(o => `- ${o}`).join('\n')}` : '',
    `### Required dependencies\n${deps(ws.required)}`,
    `### Optional dependencies\n${deps(ws.optional)}`,
    'The status label follows the build gate. Close this issue when the workstream is finished: workstreams that require it then become ready.',
    trackingMarker(ws.name)
  ]
    .filter(Boolean)
    .join('\n\n')
}

function clip(s: string): string {
  return s.length <= 100 ? s : `${s.slice(0, 99)}…`
}
