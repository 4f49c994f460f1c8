// The tracker's two steps in the sync stage (after the verdict is published): `record` before the
// roadmap sync (whose observation carries the status), `publish` after it (it reads the sync's
// observation, and the tracking issue the sync may just have opened).
import type { GateConfig } from '../../config.js'
import type { GitHubClient } from '../../github/client.js'
import type { RunContext } from '../../github/context.js'
import type { GateReport } from '../../report/schema.js'
import { buildObservation, type ObservationInput } from '../roadmap/observation.js'
import { historyStore } from './store.js'
import { publishTracker, recordRun, type TrackerSection } from './track.js'

export interface TrackerStepInput {
  report: GateReport
  config: GateConfig
  ctx: RunContext
  client: GitHubClient | null
  log: (line: string) => void
  now?: Date
}

export async function trackerRecord(i: TrackerStepInput): Promise<TrackerSection> {
  const { store, unreachable } = historyStore(i.config, i.config.tracker, i.ctx, i.client)
  const section = await recordRun({
    report: i.report,
    tracker: i.config.tracker,
    ctx: i.ctx,
    store,
    unreachable,
    dryRun: i.config.dryRun,
    now: i.now ?? new Date()
  })
  i.log(`stabilization: ${section.line} (${section.note})`)
  return section
}

/** What the roadmap's AgentObservation carries from the history. */
export function observationFields(section: TrackerSection | undefined): ObservationInput['tracker'] {
  if (!section) return undefined
  const s = section.status
  return {
    conflictsResolved: s.conflicts.resolved.length,
    unstableSince: s.unstableSince?.at ?? null,
    unstableSinceSha: s.unstableSince?.sha ?? null
  }
}

export async function trackerPublish(
  i: TrackerStepInput & { section: TrackerSection }
): Promise<TrackerSection> {
  const now = i.now ?? new Date()
  const observation = !i.config.dispatchEvents
    ? null
    : (i.report.workstreams?.observation ??
      buildObservation({
        report: i.report,
        gate: i.config.gateWorkstream,
        ready: [],
        blocked: [],
        unblocked: [],
        newlyBlocked: [],
        branchesCreated: [],
        runUrl: i.ctx.runUrl,
        sha: i.ctx.sha,
        now,
        tracker: observationFields(i.section)
      }))
  return publishTracker({
    section: i.section,
    report: i.report,
    tracker: i.config.tracker,
    issueLabel: i.config.workstreamLabelPrefix + i.config.gateWorkstream,
    client: i.client,
    ctx: i.ctx,
    observation,
    log: i.log
  })
}
