// tracker: the run history next to the baseline, the stabilization status (since when, conflicts
// resolved, escalation), the gate workstream's living checklist and the escalation (src/tracker/).
// It adds no finding: bookkeeping never changes the verdict. The action calls its two steps around
// the roadmap sync (src/tracker/steps.ts); here are its inputs, outputs and renderings.
import { TRACKER_INPUTS } from '../../tracker/input-specs.js'
import { parseTrackerConfig, type TrackerConfig } from '../../tracker/inputs.js'
import { trackerMarkdown, trackerOutputs, trackerText } from '../../tracker/render.js'
import type { TrackerSection } from '../../tracker/track.js'
import type { Capability, OutputSpec } from '../capability.js'

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
  findings: () => [],
  markdown: r => trackerMarkdown(r.tracker),
  terminal: r => (r.tracker ? [trackerText(r.tracker)!] : [])
}
