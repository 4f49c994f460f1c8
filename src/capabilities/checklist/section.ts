// What the checklist reads and writes: it completes the tracker's section, from the tracker's status,
// the roadmap's observation and what the build, the tests, the public API and the timing found.
import type { BuildCrate } from '../build/index.js'
import type { ReportOf } from '../capability.js'
import type { RoadmapConfig, WorkstreamsSection } from '../roadmap/index.js'
import type { TestsSection } from '../tests/index.js'
import type { TimingSection } from '../timing/index.js'
import type { TrackerParts, TrackerSection } from '../tracker/index.js'

export type ChecklistParts = {
  section: { tracker?: TrackerSection }
  reads: {
    config: TrackerParts['config'] &
      Pick<RoadmapConfig, 'dispatchEvents' | 'gateWorkstream' | 'workstreamLabelPrefix'>
    section: { workstreams: WorkstreamsSection; timing: TimingSection; tests: TestsSection }
    crate: Pick<BuildCrate, 'warnings' | 'errors'>
  }
}

export type ChecklistReport = ReportOf<ChecklistParts>
