// tracker: the run history next to the baseline and the stabilization status (since when, conflicts
// resolved, escalation due). It records the run in the sync stage before the roadmap (whose
// observation carries the status); the checklist capability publishes the status on the tracking
// issue after it. It adds no finding: bookkeeping never changes the verdict.
import type { Capability, CapabilityResult, OutputSpec } from '../capability.js'
import { TRACKER_INPUTS } from './input-specs.js'
import { parseTrackerConfig } from './inputs.js'
import { trackerMarkdown, trackerOutputs, trackerText } from './render.js'
import { trackerRecord } from './steps.js'
import type { TrackerParts } from './section.js'

const out = (name: string, description: string): OutputSpec<TrackerParts> => ({
  name,
  description,
  value: r => (r.tracker ? (trackerOutputs(r.tracker)[name] ?? null) : null)
})

export { burndownLine, burndownLines, type Burndown } from './burndown.js'
export { formatDuration } from './duration.js'
export { flakyMemoryLine, type FlakyMemory } from './flaky-memory.js'
export { historyCodec, type History, type RunRecord } from './history.js'
export type { TrackerConfig } from './inputs.js'
export type { TrackerParts } from './section.js'
export type { RunPoint, TrackerStatus } from './status.js'
export { statusLine, when, where } from './status-line.js'
export { observationFields, type ObservationFields } from './steps.js'
export type { EscalationState, TrackerSection } from './track.js'

const nothing: CapabilityResult<TrackerParts> = { section: {}, findings: [] }

export const tracker: Capability<TrackerParts> = {
  name: 'tracker',
  stage: 'sync',
  inputs: TRACKER_INPUTS,
  parse: p => ({ tracker: parseTrackerConfig(p) }),
  codes: {},
  outputs: [
    out(
      'stabilization-status',
      'The stabilization status in one line, from the run history (with `tracker: true`).'
    ),
    out(
      'unstable-since',
      'ISO time of the first run of the current unstable stretch; empty when stable (with `tracker: true`).'
    ),
    out(
      'conflicts-resolved',
      'Dependency conflicts seen since the last stable run that are gone now (with `tracker: true`).'
    )
  ],
  // The merge job records a sharded gate, like it syncs its roadmap.
  async sync(ports, config) {
    if ((!config.tracker.enabled && !config.warningRatchet) || config.shard) return nothing
    const section = await trackerRecord({ ...ports, config, client: ports.github })
    // The warning ratchet keeps the history (its base) without the tracker's status and checklist.
    return config.tracker.enabled ? { section: { tracker: section }, findings: [] } : nothing
  },
  markdown: r => trackerMarkdown(r.tracker),
  terminal: r => trackerText(r.tracker)
}
