// The warning ratchet's section of the report and its codes: the base it compared with (or why there
// is none), and per crate and lint the counts that grew, with the new warnings named.
import type { CodeMeanings } from '../../findings/codes.js'
import type { BuildConfig } from '../build/index.js'
import type { TrackerConfig } from '../tracker/index.js'

/** How the base record was chosen. */
export type BaseHow =
  /** The record of the pull request's base commit. */
  | 'base-commit'
  /** No record of the base commit: the latest one git places before it. */
  | 'before-base'
  /** No record of the base commit, and git cannot place the records (a shallow clone): the latest. */
  | 'latest'
  /** Not a pull request: the latest recorded run of another commit. */
  | 'previous-run'

export interface RatchetBase {
  sha: string | null
  at: string
  runUrl: string | null
  how: BaseHow
}

export interface NewWarning {
  message: string
  file: string | null
  /** Where it is now (one of its places when the same warning is in the file more than once). */
  line: number | null
}

/** One crate and lint whose count grew. */
export interface RatchetGroup {
  crate: string
  /** `unused_variables`, `clippy::ptr_arg`; '' when rustc gives no lint name. */
  lint: string
  base: number
  now: number
  /** The new warnings, named. */
  added: NewWarning[]
  /** New ones that cannot be named (the base kept only a count, or the report did not keep them). */
  unnamed: number
}

export interface RatchetSection {
  /** The record compared with; null: none, every warning counts as new. */
  base: RatchetBase | null
  /** Why there is no base to compare with. */
  noBase: string | null
  grown: RatchetGroup[]
  /** Warnings of the base gone now (per crate and lint, the counts that went down). */
  fewer: number
  baseWarnings: number | null
  warnings: number
}

export type RatchetParts = {
  section: { ratchet?: RatchetSection }
  reads: {
    config: Pick<BuildConfig, 'warningRatchet'> & { tracker: Pick<TrackerConfig, 'historyPath'> }
    /** Crates cargo never reached are not judged. */
    crate: { notChecked?: string }
  }
  needs: 'ctx' | 'documents'
}

export const RATCHET_CODES = {
  'warnings-new':
    'deny-warnings: new: a crate has more warnings of a lint than the base (the run history of the base commit)',
  'warnings-no-base': 'deny-warnings: new found no base record to compare with: every warning counts as new',
  'warnings-fewer': 'fewer warnings than the base'
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof RATCHET_CODES, string> {}
}
