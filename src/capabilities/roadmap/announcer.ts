// Sending an announcement once across runs: claimed in the ledger (a sha-checked write) before the
// dispatch, confirmed after it, released when it failed. A run that loses the race for the claim
// re-reads the ledger, finds the other run's claim and sends nothing (ledger.ts).
import { randomUUID } from 'node:crypto'
import type { DocumentStore } from '../../store/document-store.js'
import { ambiguous, errorText } from '../../github/writes.js'
import { isEmpty, type Announcement } from './announce.js'
import {
  CLAIM_LAPSES_MS,
  confirmed,
  emptyLedger,
  lastAnnounced,
  released,
  withClaim,
  type Ledger,
  type LedgerEntry
} from './ledger.js'

export interface AnnounceOnce {
  store: DocumentStore<Ledger>
  /** What to announce against what was last announced. */
  derive: (last: ReadonlyMap<string, LedgerEntry>) => Announcement
  /** What counts as announced while there is no ledger yet (markers of earlier releases). */
  before: ReadonlyMap<string, LedgerEntry>
  /** Sends the dispatch; `forbidden` when the token may not (HTTP 403). Throws when it failed. */
  send: (a: Announcement) => Promise<{ applied: number; forbidden: string | null }>
  now: () => Date
  runUrl: string | null
  log: (line: string) => void
}

export interface Announced {
  /** What this run announced; null when nothing was due, or another run holds the claim. */
  announcement: Announcement | null
  /** Writes made: the ledger's and the dispatch. */
  writes: number
  forbidden: string | null
}

export async function announceOnce(o: AnnounceOnce): Promise<Announced> {
  const before = o.store.writes ?? 0
  const ledgerWrites = () => (o.store.writes ?? 0) - before
  const seed = (): Ledger => ({ ...emptyLedger(), workstreams: Object.fromEntries(o.before) })
  const current = await o.store.read()
  if (isEmpty(o.derive(lastAnnounced(current ?? seed(), o.now())))) return none(0)
  const id = randomUUID()
  let mine: Announcement | null = null
  await o.store.update(doc => {
    const base = doc ?? seed()
    const now = o.now()
    const a = o.derive(lastAnnounced(base, now))
    mine = isEmpty(a) ? null : a
    return mine
      ? withClaim(base, { id, at: now.toISOString(), runUrl: o.runUrl, workstreams: a.record }, now)
      : base
  })
  const claimed = mine as Announcement | null
  if (!claimed) {
    o.log(`another run is announcing the same changes (${o.store.location}); not sent again`)
    return none(ledgerWrites())
  }
  let sent: { applied: number; forbidden: string | null }
  try {
    sent = await o.send(claimed)
  } catch (e) {
    await release(o, id)
    // A failure that may hide a delivery says so itself (the write policy, github/writes.ts).
    if (ambiguous(e) || ambiguous((e as { cause?: unknown }).cause)) throw e
    throw new Error(`${errorText(e)}. Nothing was announced; the next run announces these changes again`, {
      cause: e
    })
  }
  if (sent.forbidden) {
    await release(o, id)
    return { announcement: null, writes: ledgerWrites(), forbidden: sent.forbidden }
  }
  try {
    await o.store.update(doc => confirmed(doc ?? seed(), id))
  } catch (e) {
    throw new Error(
      `The dispatch went out, but recording it failed: ${errorText(e)}. The next run may announce the same changes again`,
      { cause: e }
    )
  }
  return { announcement: claimed, writes: ledgerWrites() + sent.applied, forbidden: null }
}

// Best effort: a claim that stays lapses (ledger.ts), and the next run announces again.
async function release(o: AnnounceOnce, id: string): Promise<void> {
  try {
    await o.store.update(doc => (doc ? released(doc, id) : emptyLedger()))
  } catch (e) {
    o.log(
      `could not withdraw this run's claim in ${o.store.location} (${errorText(e)}); it lapses in ${CLAIM_LAPSES_MS / 60_000} minutes`
    )
  }
}

const none = (writes: number): Announced => ({ announcement: null, writes, forbidden: null })
