// The run history: one record per trusted run (time, commit, verdict, findings as code + crate), kept
// next to the baseline in the same store. Versioned and validated like the baseline: a file it cannot
// read is refused, never overwritten.
import { boundedSet, countOf, type WarningSet } from '../../cargo/warning-set.js'
import type { FoldedFinding } from '../../findings/fold.js'
import type { DocumentCodec } from '../../store/document-store.js'
import { isConflict } from '../conflicts/index.js'

export const HISTORY_FORMAT = 'build-gate-history'
export const HISTORY_VERSION = 1
/** Runs kept: enough for months of nightlies. */
export const HISTORY_LIMIT = 200
/** Folded findings kept per run (blocking ones and conflicts first). */
export const FINDINGS_PER_RUN = 100
/** The contents API serves files up to 1 MB inline: older runs go before the file reaches this. */
export const HISTORY_MAX_BYTES = 900_000

/** A run's findings of one code and crate, with how many there were. */
export type RunFinding = FoldedFinding

export interface RunRecord {
  /** ISO time of the run. */
  at: string
  sha: string | null
  runUrl: string | null
  stable: boolean
  findings: RunFinding[]
  /** The tests that failed, then passed on a retry (`crate test`); absent when none. */
  flaky?: string[]
  /**
   * The run's workspace warnings by identity (crate → lint → identities, or a count past the cap): the
   * base a warning ratchet compares with, and the burndown. Absent when the build was not read whole
   * (it did not complete, or had compile errors) and in records of older releases.
   */
  warnings?: WarningSet
}

export interface History {
  format: typeof HISTORY_FORMAT
  version: typeof HISTORY_VERSION
  runs: RunRecord[]
}

export class HistoryError extends Error {
  constructor(
    readonly location: string,
    message: string
  ) {
    super(`Run history ${location}: ${message}`)
    this.name = 'HistoryError'
  }
}

const SEVERITIES: readonly string[] = ['block', 'warn', 'info', 'allowed']

export function parseHistory(text: string, location: string): History {
  const fix = 'fix or delete it (the gate never overwrites a history it cannot read)'
  const fail = (why: string): never => {
    throw new HistoryError(location, `${why}; ${fix}.`)
  }
  if (text.trim() === '') fail('the file is empty')
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (e) {
    fail(`not valid JSON (${(e as Error).message})`)
  }
  const h = v as Partial<History> | null
  if (!h || typeof h !== 'object' || h.format !== HISTORY_FORMAT)
    fail(`not a build-gate run history (no "format": "${HISTORY_FORMAT}"), or choose another history-path`)
  if (h!.version !== HISTORY_VERSION)
    fail(
      `schema version ${String(h!.version)} is not supported (this build-gate reads version ${HISTORY_VERSION}), or use the build-gate release that wrote it`
    )
  if (!Array.isArray(h!.runs)) fail('"runs" must be a list')
  h!.runs!.forEach((r, i) => {
    const where = `runs[${i}]`
    if (!r || typeof r !== 'object') fail(`${where} must be an object`)
    if (typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at))) fail(`${where}.at must be an ISO time`)
    if (typeof r.stable !== 'boolean') fail(`${where}.stable must be true or false`)
    if (r.sha !== null && typeof r.sha !== 'string') fail(`${where}.sha must be a string or null`)
    if (r.runUrl !== null && typeof r.runUrl !== 'string') fail(`${where}.runUrl must be a string or null`)
    if (!Array.isArray(r.findings)) fail(`${where}.findings must be a list`)
    if (r.flaky !== undefined && (!Array.isArray(r.flaky) || !r.flaky.every(t => typeof t === 'string')))
      fail(`${where}.flaky must be a list of test names`)
    if (r.warnings !== undefined && !isWarningSet(r.warnings))
      fail(`${where}.warnings must map crates to lints to identities (a string) or a count`)
    r.findings.forEach((f, j) => {
      if (
        !f ||
        typeof f.code !== 'string' ||
        (f.crate !== null && typeof f.crate !== 'string') ||
        !SEVERITIES.includes(f.severity) ||
        !Number.isInteger(f.count) ||
        f.count < 1
      )
        fail(`${where}.findings[${j}] must be {"code", "crate", "severity", "count"}`)
    })
  })
  return h as History
}

function isWarningSet(v: unknown): v is WarningSet {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  return Object.values(v).every(
    lints =>
      !!lints &&
      typeof lints === 'object' &&
      !Array.isArray(lints) &&
      Object.values(lints as object).every(
        (e: unknown) =>
          (typeof e === 'string' && Number.isInteger(countOf(e))) ||
          (Number.isInteger(e) && (e as number) >= 0)
      )
  )
}

/** One run per line: compact, and a commit's diff shows the runs it added. */
export function serializeHistory(h: History): string {
  const runs = h.runs.map(r => JSON.stringify(r)).join(',\n')
  return `{"format":${JSON.stringify(h.format)},"version":${h.version},"runs":[\n${runs}\n]}\n`
}

export const historyCodec: DocumentCodec<History> = {
  what: 'the run history',
  parse: parseHistory,
  serialize: serializeHistory,
  error: (location, message) => new HistoryError(location, message),
  commitMessage: 'Record a build-gate run',
  pathHint: 'set history-path to a file such as build-gate/history.json',
  tooLargeHint: 'delete the file (it keeps the last runs only)'
}

/**
 * `history` with `run` appended, keeping the last `limit` runs. A rerun of the same commit with the same
 * verdict, blocking findings and conflicts adds nothing the history does not already say, so it returns
 * `history` itself (which the store does not write). Warnings that vary between identical runs (a build
 * time not comparable yet) do not make a run new.
 */
export function appendRun(history: History | null, run: RunRecord, limit = HISTORY_LIMIT): History {
  const last = history?.runs.at(-1)
  if (history && last && outcome(last) === outcome(run)) return history
  const next: History = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    runs: countsOnly([...(history?.runs ?? []), capFindings(run)].slice(-limit))
  }
  while (next.runs.length > 1 && Buffer.byteLength(serializeHistory(next)) > HISTORY_MAX_BYTES)
    next.runs.shift()
  return next
}

/**
 * A ratchet's base is a recent run: older runs keep their warnings' counts per crate and lint (the
 * burndown), not their identities, so a big workspace's history still spans months.
 */
export const RUNS_WITH_WARNING_IDENTITIES = 30

function countsOnly(runs: RunRecord[]): RunRecord[] {
  const from = runs.length - RUNS_WITH_WARNING_IDENTITIES
  return runs.map((r, i) => (i < from && r.warnings ? { ...r, warnings: boundedSet(r.warnings, 0) } : r))
}

function capFindings(run: RunRecord): RunRecord {
  if (run.findings.length <= FINDINGS_PER_RUN) return run
  const first = (f: RunFinding) => (f.severity === 'block' || isConflict(f.code) ? 0 : 1)
  const kept = [...run.findings].sort((a, b) => first(a) - first(b)).slice(0, FINDINGS_PER_RUN)
  return { ...run, findings: kept }
}

function outcome(r: RunRecord): string {
  const kept = r.findings
    .filter(f => f.severity === 'block' || isConflict(f.code))
    .map(f => `${f.code}\0${f.crate ?? ''}\0${f.severity}\0${f.count}`)
    .sort()
  // A rerun that met a flaky test is worth its record: that is how often the test flakes.
  return JSON.stringify([r.sha, r.stable, kept, [...(r.flaky ?? [])].sort()])
}
