// Where the baseline lives. `update` is read-modify-write so a store that meets a concurrent writer
// can re-read and apply the same change again (samples merge instead of being lost).
import type { Baseline } from './schema.js'

export interface BaselineStore {
  /** Where, in words, for messages: the file, and the branch. */
  readonly location: string
  /** null when there is no baseline yet; throws BaselineError when it exists but cannot be read. */
  read(): Promise<Baseline | null>
  /** Applies `change` to the current baseline (null if none) and writes the result. */
  update(change: (current: Baseline | null) => Baseline): Promise<Baseline>
}
