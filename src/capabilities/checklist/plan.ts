// What the checklist wants on GitHub versus what GitHub shows → the writes that close the gap, as data.
// Nothing already so is written: an unchanged rerun plans nothing.
import type { ChecklistReport } from './section.js'
import type { EscalationState, TrackerStatus } from '../tracker/index.js'
import type { BlockState } from './items.js'
import { withBlock } from './items.js'
import {
  EVENT_ESCALATION,
  escalatedThisStretch,
  escalationComment,
  recoveryComment,
  type Marker
} from './escalation.js'

export type TrackerWrite =
  | { kind: 'update-body'; issue: number; body: string }
  | { kind: 'add-label'; issue: number; label: string }
  | { kind: 'remove-label'; issue: number; label: string }
  | { kind: 'comment'; issue: number; body: string; about: 'escalation' | 'recovery' }
  | { kind: 'dispatch'; eventType: string; payload: Record<string, unknown> }

export interface TrackedIssueView {
  number: number
  body: string | null
  labels: string[]
  /** The last escalation/recovery marker among its comments. */
  marker: Marker
}

export interface TrackerPlanInput {
  issue: TrackedIssueView
  block: string
  digest: string
  existing: BlockState
  status: TrackerStatus
  report: ChecklistReport
  escalationLabel: string
  escalateTo: string[]
  /** The AgentObservation to send with the escalation; null: no dispatch (dispatch-events is off). */
  observation: Record<string, unknown> | null
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export function planTracker(i: TrackerPlanInput): { writes: TrackerWrite[]; escalation: EscalationState } {
  const writes: TrackerWrite[] = []
  const n = i.issue.number
  if (i.existing.kind === 'none' || (i.existing.kind === 'found' && i.existing.digest !== i.digest))
    writes.push({ kind: 'update-body', issue: n, body: withBlock(i.issue.body, i.block) })
  const labelled = i.issue.labels.some(l => same(l, i.escalationLabel))
  const s = i.status

  if (s.stable) {
    const escalated = i.issue.marker?.kind === 'escalation'
    if (escalated)
      writes.push({
        kind: 'comment',
        issue: n,
        body: recoveryComment(s, { label: i.escalationLabel, labelled }),
        about: 'recovery'
      })
    if (labelled) writes.push({ kind: 'remove-label', issue: n, label: i.escalationLabel })
    return { writes, escalation: escalated || labelled ? 'recover' : 'stable' }
  }
  if (s.escalation.afterMs === null) return { writes, escalation: 'off' }
  if (escalatedThisStretch(i.issue.marker, s)) return { writes, escalation: 'escalated' }
  if (!s.escalation.due) return { writes, escalation: 'not-due' }
  // The comment (with its marker) first: once it exists, no later run escalates this stretch again.
  writes.push({
    kind: 'comment',
    issue: n,
    body: escalationComment(s, i.report, {
      escalateTo: i.escalateTo,
      label: i.escalationLabel,
      labelled
    }),
    about: 'escalation'
  })
  if (!labelled) writes.push({ kind: 'add-label', issue: n, label: i.escalationLabel })
  if (i.observation)
    writes.push({
      kind: 'dispatch',
      eventType: EVENT_ESCALATION,
      payload: escalationPayload(i.observation, s)
    })
  return { writes, escalation: 'escalate' }
}

function escalationPayload(observation: Record<string, unknown>, s: TrackerStatus): Record<string, unknown> {
  const data = (observation.data ?? {}) as Record<string, unknown>
  return {
    ...observation,
    observation_type: 'BUILD_SYSTEM_ESCALATION',
    data: {
      ...data,
      escalation: {
        unstable_since: s.unstableSince?.at ?? null,
        unstable_since_sha: s.unstableSince?.sha ?? null,
        unstable_seconds: Math.round(s.forMs / 1000),
        escalate_after_seconds: Math.round((s.escalation.afterMs ?? 0) / 1000)
      }
    }
  }
}

export function describeTrackerWrite(w: TrackerWrite): { kind: string; target: string; detail: string } {
  switch (w.kind) {
    case 'update-body':
      return { kind: w.kind, target: `#${w.issue}`, detail: 'stabilization checklist' }
    case 'add-label':
    case 'remove-label':
      return { kind: w.kind, target: `#${w.issue}`, detail: w.label }
    case 'comment':
      return { kind: w.kind, target: `#${w.issue}`, detail: w.about }
    case 'dispatch':
      return { kind: w.kind, target: 'repository_dispatch', detail: `event ${w.eventType}` }
  }
}
