// tracker: the run history next to the baseline, the stabilization status (since when, conflicts
// resolved, escalation), the gate workstream's living checklist and the escalation.
// Two steps of the sync stage around the roadmap: `tracker` records the run and derives the status
// (the roadmap's observation carries it), `checklist` then updates the tracking issue (it reads the
// roadmap's observation, and the issue the roadmap may just have opened). Neither adds a finding:
// bookkeeping never changes the verdict.
import { TRACKER_INPUTS } from './input-specs.js'
import { parseTrackerConfig, type TrackerConfig } from './inputs.js'
import { trackerMarkdown, trackerOutputs, trackerText } from './render.js'
import { trackerPublish, trackerRecord } from './steps.js'
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

export const checklist: Capability = {
  name: 'checklist',
  stage: 'sync',
  inputs: [],
  outputs: [],
  async sync(ports, config) {
    const section = ports.report.tracker
    if (!section) return nothing
    const published = await trackerPublish({ ...ports, config, client: ports.github, section })
    return { section: { tracker: published }, findings: [] }
  },
  findings: () => []
}
