// Octokit, undici and their plugins are most of the bundle: a run that never talks to GitHub (a laptop
// without a token, a pull request from a fork) should not pay for loading them.
import type { ClientOptions, GitHubClient } from './client.js'

/** The client of client.ts, its modules loaded on first use. */
export async function connect(token: string, options: ClientOptions = {}): Promise<GitHubClient> {
  const { createClient } = await import('./client.js')
  return createClient(token, options)
}
