// The tracker's step after the verdict's publication: read the run history, append this run on a
// trusted run, derive the status (since when, conflicts found/resolved, escalation due). The checklist
// capability then publishes it on the gate's tracking issue. A pull request, a dry run or a run
// without GitHub reads at most; it never writes the history.
import type { DocumentStore } from '../../store/document-store.js'
import type { RunContext } from '../../github/context.js'
import type { CoreReport } from '../../report/schema.js'
import { appendRun, type History } from './history.js'
import type { TrackerConfig } from './inputs.js'
import { runRecord } from './record.js'
import { deriveStatus, type TrackerStatus } from './status.js'
import { statusLine } from './status-line.js'

export type TrackerMode = 'apply' | 'preview' | 'dry-run' | 'report-only'

/** Where the escalation stands, once the checklist step has looked at the tracking issue. */
export type EscalationState = 'off' | 'not-due' | 'escalate' | 'escalated' | 'recover' | 'stable'

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
  report: Pick<CoreReport, 'verdict' | 'findings'> & Partial<Pick<CoreReport, 'diagnostics' | 'phases'>>
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
