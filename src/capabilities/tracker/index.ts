// tracker: the run history next to the baseline and the stabilization status (since when, conflicts
// resolved, escalation due). It records the run in the sync stage before the roadmap (whose
// observation carries the status); the checklist capability publishes the status on the tracking
// issue after it. It adds no finding: bookkeeping never changes the verdict.
import { TRACKER_INPUTS } from './input-specs.js'
import { parseTrackerConfig, type TrackerConfig } from './inputs.js'
import { trackerMarkdown, trackerOutputs, trackerText } from './render.js'
import { trackerRecord } from './steps.js'
import type { TrackerSection } from './track.js'
import type { Capability, CapabilityResult, OutputSpec } from '../capability.js'

declare module '../../config.js' {
  interface GateConfig {
    tracker: TrackerConfig
  }
}

declare module '../../report/schema.js' {
  interface GateReport {
    tracker?: TrackerSection
  }
}

const out = (name: string, description: string): OutputSpec => ({
  name,
  description,
  value: r => (r.tracker ? (trackerOutputs(r.tracker)[name] ?? null) : null)
})

export { formatDuration } from './duration.js'
export type { TrackerConfig } from './inputs.js'
export type { RunPoint, TrackerStatus } from './status.js'
export { statusLine, when, where } from './status-line.js'
export { observationFields, type ObservationFields } from './steps.js'
export type { EscalationState, TrackerSection } from './track.js'

const nothing: CapabilityResult = { section: {}, findings: [] }

export const tracker: Capability = {
  name: 'tracker',
  stage: 'sync',
  inputs: TRACKER_INPUTS,
  parse: p => ({ tracker: parseTrackerConfig(name => p.raw(name)) }),
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
    if (!config.tracker.enabled || config.shard) return nothing
    const section = await trackerRecord({ ...ports, config, client: ports.github })
    return { section: { tracker: section }, findings: [] }
  },
  findings: () => [],
  markdown: r => trackerMarkdown(r.tracker),
  terminal: r => (r.tracker ? [trackerText(r.tracker)!] : [])
}
