// A finding: what one check found, with its severity decided once, where it was found, from the
// user's policy inputs. Renderers and the verdict read findings; none decides severity again.
import type { FindingCode } from './codes.js'

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
  /** Stable identifier from a closed list (see codes.ts); scripts match on it. */
  code: FindingCode
  severity: FindingSeverity
  /** Plain words, complete on their own: this is what annotations and the history's readers say. */
  message: string
  /**
   * The verdict's one line for this finding and the others of its code that carry the same summary:
   * findings about several crates read as one reason ("5 warnings in a (3), b (2)"). Absent: the
   * message is the reason.
   */
  summary?: string
  /** The capability that emitted it (build, tests, conflicts, timing, public-api, fixes, roadmap…). */
  source: string
  /** Workspace crate (or dependency) the finding is about, when there is one. */
  crate?: string | null
  /** The version of that crate, when the finding is about one version (a dependency conflict). */
  version?: string | null
  location?: FindingLocation | null
}
