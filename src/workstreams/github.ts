// Small helpers shared by the GitHub adapters.
import type { GitHubClient } from '../github/client.js'

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

/** An error that says which request failed, for logs a user can act on. */
export function requestFailed(what: string, e: unknown): Error {
  const code = status(e)
  return new Error(`GitHub ${what} failed${code ? ` (HTTP ${code})` : ''}: ${errorText(e)}`, { cause: e })
}
