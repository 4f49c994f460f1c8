// The one way the gate writes to GitHub, for every capability that does (the roadmap, the checklist):
// writes go in order; HTTP 403 stops them (the run then reports instead of writing); a write GitHub
// cannot deduplicate (a dispatch) that failed in a way that may hide its success is never sent again.
import type { GitHubClient } from './client.js'
import { GitHubRequestError } from './errors.js'

export type { GitHubClient }
export interface Repo {
  owner: string
  repo: string
}

export function status(e: unknown): number | null {
  const s = (e as { status?: unknown } | null)?.status
  return typeof s === 'number' ? s : null
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** A failure GitHub may have applied anyway (5xx, dropped connection): re-read before writing again. */
export function ambiguous(e: unknown): boolean {
  return e instanceof GitHubRequestError && e.ambiguous
}

/** An error that says which request failed; the client's own errors already do. */
export function requestFailed(what: string, e: unknown): Error {
  if (e instanceof GitHubRequestError) return e
  const code = status(e)
  return new Error(`GitHub ${what} failed${code ? ` (HTTP ${code})` : ''}: ${errorText(e)}`, { cause: e })
}

export const pause = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

export interface WritesApplied {
  /** Writes that changed something on GitHub. */
  applied: number
  /** Set when the token may not write (HTTP 403): what was refused. Writes stop there. */
  forbidden: string | null
}

export interface WritePolicy<W> {
  /** The write in words, for the log and errors. */
  what(write: W): string
  /** Makes the write; false when it changed nothing (already done). */
  apply(write: W): Promise<boolean>
  /** For a write GitHub cannot take twice (a dispatch): what to add when it may have been applied. */
  unrepeatable?(write: W): string | null
  /** Said after a write that changed nothing. */
  unchanged?: string
  log: (line: string) => void
}

/** Applies `writes` in order under the one policy (see the top of this file). */
export async function applyInOrder<W>(writes: readonly W[], policy: WritePolicy<W>): Promise<WritesApplied> {
  const result: WritesApplied = { applied: 0, forbidden: null }
  for (const w of writes) {
    const what = policy.what(w)
    try {
      const changed = await policy.apply(w)
      if (changed) result.applied++
      policy.log(`${changed ? '✓' : '='} ${what}${changed ? '' : (policy.unchanged ?? '')}`)
    } catch (e) {
      if (status(e) === 403) {
        result.forbidden = `${what}: ${errorText(e)}`
        policy.log(`✗ ${what}: forbidden (HTTP 403); no further writes`)
        return result
      }
      const once = ambiguous(e) ? policy.unrepeatable?.(w) : null
      if (once) throw new Error(`${errorText(e)}. ${once}`, { cause: e })
      throw requestFailed(what, e)
    }
  }
  return result
}

/** Labels are idempotent writes: adding twice is harmless, removing one already gone is no change. */
export async function addLabel(
  client: GitHubClient,
  repo: Repo,
  issue: number,
  label: string
): Promise<true> {
  await client.rest.issues.addLabels({ ...repo, issue_number: issue, labels: [label] })
  return true
}

export async function removeLabel(
  client: GitHubClient,
  repo: Repo,
  issue: number,
  label: string
): Promise<boolean> {
  try {
    await client.rest.issues.removeLabel({ ...repo, issue_number: issue, name: label })
    return true
  } catch (e) {
    if (status(e) === 404) return false
    throw e
  }
}
