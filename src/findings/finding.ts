// A finding: what one check found, with its severity decided once, where it was found, from the
// user's policy inputs. Renderers and the verdict read findings; none decides severity again.

/** block: makes the build unstable; warn: shown, does not block; info: context; allowed: exempted by policy. */
export type FindingSeverity = 'block' | 'warn' | 'info' | 'allowed'

export interface FindingLocation {
  /** Path relative to the workspace root, like diagnostic spans (absolute when outside it). */
  file: string
  line: number | null
  column?: number | null
  endLine?: number | null
  endColumn?: number | null
}

export interface Finding {
  /** Stable identifier from a closed list (see FINDING_CODES); scripts match on it. */
  code: string
  severity: FindingSeverity
  /** Plain words, complete on their own: this is what the verdict's reasons and annotations say. */
  message: string
  /** The capability that emitted it (build, tests, conflicts, timing, public-api, fixes, roadmap…). */
  source: string
  /** Workspace crate (or dependency) the finding is about, when there is one. */
  crate?: string | null
  /** The version of that crate, when the finding is about one version (a dependency conflict). */
  version?: string | null
  location?: FindingLocation | null
}
