// The baseline file: versioned JSON, one entry per comparison key + cache state, each a bounded
// history of samples (oldest first). Validation names the file and says how to recover.
import { GateError } from '../../errors.js'
import type { DocumentCodec } from '../../store/document-store.js'
import { keyId, type ComparisonKey } from './key.js'

export const BASELINE_FORMAT = 'build-gate-baseline'
export const BASELINE_VERSION = 1

export interface BaselineSample {
  seconds: number
  /** ISO time of the run. */
  at: string
  sha: string | null
  /** Compile seconds per workspace crate. */
  crates: Record<string, number>
}

export interface BaselineEntry {
  key: ComparisonKey
  cacheState: string
  samples: BaselineSample[]
}

export interface Baseline {
  format: typeof BASELINE_FORMAT
  version: typeof BASELINE_VERSION
  entries: BaselineEntry[]
}

/** A GateError of kind `baseline`, naming the baseline's location. */
export class BaselineError extends GateError {
  constructor(
    readonly location: string,
    message: string
  ) {
    super('baseline', `Baseline ${location}: ${message}`)
    this.name = 'BaselineError'
  }
}

export function emptyBaseline(): Baseline {
  return { format: BASELINE_FORMAT, version: BASELINE_VERSION, entries: [] }
}

/** Text → Baseline, or a BaselineError naming `location` (the file, and the branch). */
export function parseBaseline(text: string, location: string): Baseline {
  const fix = 'fix or delete it (the gate never overwrites a baseline it cannot read)'
  if (text.trim() === '') throw new BaselineError(location, `the file is empty; ${fix}.`)
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (e) {
    throw new BaselineError(location, `not valid JSON (${(e as Error).message}); ${fix}.`)
  }
  const b = v as Partial<Baseline>
  if (!b || typeof b !== 'object' || b.format !== BASELINE_FORMAT)
    throw new BaselineError(
      location,
      `not a build-gate baseline (no "format": "${BASELINE_FORMAT}"); ${fix}, or choose another baseline-path.`
    )
  if (b.version !== BASELINE_VERSION)
    throw new BaselineError(
      location,
      `schema version ${String(b.version)} is not supported (this build-gate reads version ${BASELINE_VERSION}); ${fix}, or use the build-gate release that wrote it.`
    )
  if (!Array.isArray(b.entries)) throw new BaselineError(location, `"entries" must be a list; ${fix}.`)
  b.entries.forEach((e, i) => {
    const where = `entries[${i}]`
    if (
      !e ||
      typeof e !== 'object' ||
      !e.key ||
      typeof e.key !== 'object' ||
      typeof e.cacheState !== 'string'
    )
      throw new BaselineError(location, `${where} needs "key" and "cacheState"; ${fix}.`)
    if (!Array.isArray(e.samples) || e.samples.some(s => !isSeconds(s?.seconds)))
      throw new BaselineError(
        location,
        `${where}.samples must be a list of {"seconds": number ≥ 0, …}; ${fix}.`
      )
    e.samples.forEach((s, j) => {
      const crates = s.crates as unknown
      if (crates === undefined) return
      if (!crates || typeof crates !== 'object' || Object.values(crates).some(v => !isSeconds(v)))
        throw new BaselineError(
          location,
          `${where}.samples[${j}].crates must map crate names to seconds (numbers ≥ 0); ${fix}.`
        )
    })
  })
  return b as Baseline
}

/** A duration as the baseline stores it: a finite number of seconds, not negative. */
function isSeconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0
}

export function serializeBaseline(b: Baseline): string {
  return `${JSON.stringify(b, null, 2)}\n`
}

export function findEntry(b: Baseline | null, key: ComparisonKey, cacheState: string): BaselineEntry | null {
  const id = keyId(key)
  return b?.entries.find(e => keyId(e.key) === id && e.cacheState === cacheState) ?? null
}

/** Entries with the same key but another cache state: what makes a run not comparable. */
export function otherCacheStates(b: Baseline | null, key: ComparisonKey): BaselineEntry[] {
  const id = keyId(key)
  return b?.entries.filter(e => keyId(e.key) === id && e.samples.length > 0) ?? []
}

/** A copy of `b` with `sample` appended to its entry, keeping the last `history` samples. */
export function addSample(
  b: Baseline | null,
  key: ComparisonKey,
  cacheState: string,
  sample: BaselineSample,
  history: number
): Baseline {
  const base = b ?? emptyBaseline()
  const id = keyId(key)
  let found = false
  const entries = base.entries.map(e => {
    if (keyId(e.key) !== id || e.cacheState !== cacheState) return e
    found = true
    return { ...e, samples: [...e.samples, sample].slice(-history) }
  })
  if (!found) entries.push({ key, cacheState, samples: [sample] })
  return { ...base, entries }
}

/** The baseline as a document of the gate's store. */
export const baselineCodec: DocumentCodec<Baseline> = {
  what: 'the baseline',
  parse: parseBaseline,
  serialize: serializeBaseline,
  error: (location, message) => new BaselineError(location, message),
  commitMessage: 'Update build-gate baseline',
  pathHint: 'set baseline-path to a file such as build-gate/baseline.json',
  tooLargeHint: 'lower baseline-history or delete the file'
}
