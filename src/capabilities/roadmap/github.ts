// Small helpers shared by the GitHub adapters.
import type { GitHubClient } from '../../github/client.js'
import { GitHubRequestError } from '../../github/errors.js'

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
