// Finding codes: a closed list, each with a one-line meaning. Scripts match on them (the verdict's
// reasons carry them, the `reasons` output and the JSON report list them): add freely, never rename
// or remove one. The core's own codes are here; each capability declares its own in its folder and
// adds them to FindingCodes, so FindingCode is the union of every code of the registered capabilities.
// The table of all of them with their meaning is assembled in the pipeline (FINDING_CODES).

/** Codes and what each means, in one line. */
export type CodeMeanings = Readonly<Record<string, string>>

export const CORE_CODES = {
  'shard-unreadable': 'a shard report could not be read',
  'shard-mismatch': 'shard reports disagree on the number of shards',
  'shard-duplicate': 'a shard reported twice',
  'shard-missing': 'a shard did not report',
  'input-error': 'an input is invalid; the build was not judged',
  'gate-error': 'the gate could not run; the build was not judged'
} as const satisfies CodeMeanings

/** Every finding code; a capability adds its own with `interface FindingCodes extends Record<…>`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FindingCodes extends Record<keyof typeof CORE_CODES, string> {}

export type FindingCode = keyof FindingCodes & string
