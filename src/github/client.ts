// The one GitHub client: Octokit from @actions/github with retry and throttling, base URL from
// GITHUB_API_URL (so tests talk to a local API over real HTTP).
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  baseUrl?: string
  /** Retries after a rate limit (primary or secondary) before giving up. */
  rateLimitRetries?: number
  log?: (message: string) => void
}

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => undefined)
  const limit = options.rateLimitRetries ?? 3
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 429] },
      throttle: {
        // GitHub asks for ≥1 s between writes (3 s for issues/comments) to avoid secondary rate
        // limits; an API on this machine has none, so its writes are not spaced.
        ...(isLoopback(baseUrl) ? unspacedWrites() : {}),
        onRateLimit: (
          retryAfter: number,
          opts: { method: string; url: string },
          _o: unknown,
          retryCount: number
        ) => {
          log(`GitHub rate limit on ${opts.method} ${opts.url}; retrying after ${retryAfter}s`)
          return retryCount < limit
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          opts: { method: string; url: string },
          _o: unknown,
          retryCount: number
        ) => {
          log(`GitHub secondary rate limit on ${opts.method} ${opts.url}; retrying after ${retryAfter}s`)
          return retryCount < limit
        }
      }
    },
    retry,
    throttling
  )
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
  } catch {
    return false
  }
}

function unspacedWrites(): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  }
}
