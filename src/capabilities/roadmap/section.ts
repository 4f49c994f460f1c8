// The roadmap's config slice and its section of the report.
import type { ConflictsSection } from '../conflicts/index.js'
import type { TrackerSection } from '../tracker/index.js'

export interface RoadmapConfig {
  workstreams: string | null
  gateWorkstream: string
  workstreamLabelPrefix: string
  readyLabel: string
  blockedLabel: string
  createTrackingIssues: boolean
  baseBranch: string | null
  dispatchEvents: boolean
}

export interface WorkstreamState {
  name: string
  title: string
  branch: string | null
  state: 'ready' | 'blocked'
  reasons: string[]
  trackingIssue: number | null
  previousState: 'ready' | 'blocked' | 'unknown'
}

export interface WorkstreamsSection {
  mode: 'apply' | 'dry-run' | 'report-only' | 'preview'
  workstreams: WorkstreamState[]
  plannedWrites: { kind: string; target: string; detail: string }[]
  appliedWrites: number
  createdBranches: string[]
  observation: Record<string, unknown> | null
  note: string
  /** Set when the roadmap sync failed: why. */
  error?: string
}

export type RoadmapParts = {
  config: RoadmapConfig
  section: { workstreams?: WorkstreamsSection }
  /** The observation carries the tracker's status and counts the conflicts found. */
  reads: { section: { tracker: TrackerSection; conflicts: ConflictsSection } }
}
