// The tracker's step in the sync stage (after the verdict is published), before the roadmap sync,
// whose observation carries the status (observationFields).
import type { GitHubClient } from '../../github/client.js'
import type { RunContext } from '../../github/context.js'
import type { ConfigOf, ReportOf } from '../capability.js'
import type { TrackerParts } from './section.js'
import { historyStore } from './store.js'
import { recordRun, type TrackerSection } from './track.js'

export interface TrackerStepInput {
  report: ReportOf<TrackerParts>
  config: ConfigOf<TrackerParts>
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
export interface ObservationFields {
  conflictsResolved: number
  unstableSince: string | null
  unstableSinceSha: string | null
}

export function observationFields(section: TrackerSection | undefined): ObservationFields | undefined {
  if (!section) return undefined
  const s = section.status
  return {
    conflictsResolved: s.conflicts.resolved.length,
    unstableSince: s.unstableSince?.at ?? null,
    unstableSinceSha: s.unstableSince?.sha ?? null
  }
}
