// The tracker's config slice and its section of the report.
import type { TestsSection } from '../tests/index.js'
import type { BuildConfig } from '../build/index.js'
import type { TimingConfig } from '../timing/index.js'
import type { TrackerConfig } from './inputs.js'
import type { TrackerSection } from './track.js'

export type TrackerParts = {
  config: { tracker: TrackerConfig }
  section: { tracker?: TrackerSection }
  /** The history is kept beside the baseline, never in its file; and kept whenever the warning ratchet is on. */
  reads: {
    config: Pick<TimingConfig, 'baselinePath'> & Pick<BuildConfig, 'warningRatchet'>
    section: { tests: Pick<TestsSection, 'flaky'> }
  }
}
