// What the roadmap last announced, per workstream: its state and the branch reported as created. One
// document on the baseline branch, written with sha-checked writes (store/branch-store.ts), so two runs
// cannot both claim the same announcement: a run records its claim before sending the dispatch, and the
// run whose write lost re-reads the ledger, sees the claim, and sends nothing. A claim becomes the
// announced state once the dispatch went out; a claim whose run failed or died lapses, and the next
// run announces again (at least once). Pure, apart from the codec's parse.
import type { DocumentCodec } from '../../store/document-store.js'

export const LEDGER_FORMAT = 'build-gate-announcements'
export const LEDGER_VERSION = 1
export const LEDGER_PATH = 'build-gate/announced.json'
/** A claim older than this belongs to a run that died between claiming and confirming. */
export const CLAIM_LAPSES_MS = 10 * 60_000

export type Announced = 'ready' | 'blocked'

export interface LedgerEntry {
  state: Announced
  /** The workstream's branch, once an announcement reported it created. */
  branch: string | null
}

export interface Claim {
  id: string
  /** ISO time the claim was recorded. */
  at: string
  runUrl: string | null
  workstreams: Record<string, LedgerEntry>
}

export interface Ledger {
  format: typeof LEDGER_FORMAT
  version: typeof LEDGER_VERSION
  workstreams: Record<string, LedgerEntry>
  claims: Claim[]
}

export class LedgerError extends Error {
  constructor(
    readonly location: string,
    message: string
  ) {
    super(`Roadmap announcements ${location}: ${message}`)
    this.name = 'LedgerError'
  }
}

export const emptyLedger = (): Ledger => ({
  format: LEDGER_FORMAT,
  version: LEDGER_VERSION,
  workstreams: {},
  claims: []
})

/** What counts as announced: the confirmed states, then every claim still in time, oldest first. */
export function lastAnnounced(ledger: Ledger, now: Date): Map<string, LedgerEntry> {
  const out = new Map(Object.entries(ledger.workstreams))
  for (const c of liveClaims(ledger, now)) for (const [w, e] of Object.entries(c.workstreams)) out.set(w, e)
  return out
}

export function withClaim(ledger: Ledger, claim: Claim, now: Date): Ledger {
  return { ...ledger, claims: [...liveClaims(ledger, now), claim] }
}

/** The dispatch went out: the claim is what was announced. */
export function confirmed(ledger: Ledger, id: string): Ledger {
  const claim = ledger.claims.find(c => c.id === id)
  if (!claim) return ledger
  return {
    ...ledger,
    workstreams: { ...ledger.workstreams, ...claim.workstreams },
    claims: ledger.claims.filter(c => c !== claim)
  }
}

/** The dispatch failed: the claim goes, so the next run announces the same changes. */
export function released(ledger: Ledger, id: string): Ledger {
  return ledger.claims.some(c => c.id === id)
    ? { ...ledger, claims: ledger.claims.filter(c => c.id !== id) }
    : ledger
}

function liveClaims(ledger: Ledger, now: Date): Claim[] {
  return ledger.claims.filter(c => now.getTime() - Date.parse(c.at) < CLAIM_LAPSES_MS)
}

export const ledgerCodec: DocumentCodec<Ledger> = {
  what: 'the record of roadmap announcements',
  parse: parseLedger,
  serialize: l => `${JSON.stringify(l, null, 2)}\n`,
  error: (location, message) => new LedgerError(location, message),
  commitMessage: 'Record build-gate roadmap announcements',
  pathHint: `delete it: build-gate keeps its roadmap announcements in ${LEDGER_PATH}`,
  tooLargeHint: 'delete the file: the next run announces every workstream again',
  forbiddenHint:
    'give the workflow `permissions: contents: write` (the roadmap needs it for its branches and its repository_dispatch too)'
}

export function parseLedger(text: string, location: string): Ledger {
  const fail = (why: string): never => {
    throw new LedgerError(
      location,
      `${why}; fix or delete it (deleted, the next run announces every workstream's state again).`
    )
  }
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`)
  }
  const l = v as Partial<Ledger> | null
  if (!isObject(l) || l.format !== LEDGER_FORMAT) fail(`no "format": "${LEDGER_FORMAT}"`)
  if (l!.version !== LEDGER_VERSION)
    fail(`schema version ${String(l!.version)} is not supported (this build-gate reads ${LEDGER_VERSION})`)
  checkEntries(l!.workstreams, 'workstreams', fail)
  if (!Array.isArray(l!.claims)) fail('"claims" must be a list')
  l!.claims!.forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string' || Number.isNaN(Date.parse(String(c.at))))
      fail(`claims[${i}] needs an "id" and an ISO time "at"`)
    checkEntries(c.workstreams, `claims[${i}].workstreams`, fail)
  })
  return l as Ledger
}

function checkEntries(v: unknown, where: string, fail: (why: string) => never): void {
  if (!isObject(v)) fail(`"${where}" must be an object`)
  for (const [name, e] of Object.entries(v as Record<string, unknown>))
    if (
      !isObject(e) ||
      (e.state !== 'ready' && e.state !== 'blocked') ||
      (e.branch !== null && typeof e.branch !== 'string')
    )
      fail(`${where}["${name}"] must be {"state": "ready" | "blocked", "branch": string | null}`)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
