// The one GitHub client: Octokit from @actions/github with retry and throttling, base URL from
// GITHUB_API_URL (so tests talk to a local API over real HTTP). Every request that fails ends as a
// GitHubRequestError naming it; a 2xx without a JSON body is a failure; rate-limit waits are capped.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck'
import { GitHubRequestError, namedError, rateLimitTooLong, unreadableAnswer } from './errors.js'
import type { RequestOptions } from './requests.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  baseUrl?: string
  /** Retries after a rate limit (primary or secondary) before giving up. */
  rateLimitRetries?: number
  /** Longest rate-limit wait accepted, in seconds; a longer one fails the request at once. */
  maxRateLimitWaitSeconds?: number
  /** Longest wait for one HTTP answer, in seconds; then the attempt fails (and may be retried). */
  requestTimeoutSeconds?: number
  log?: (message: string) => void
}

export const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 120
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60

export { NO_RETRY } from './no-retry.js'

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => undefined)
  const limit = options.rateLimitRetries ?? 3
  const cap = options.maxRateLimitWaitSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  const timeout = options.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS
  // Requests whose rate-limit wait was refused, with the wait GitHub asked for.
  const refused = new WeakMap<object, number>()
  const onLimit =
    (kind: string) =>
    (retryAfter: number, opts: RequestOptions, _o: unknown, retryCount: number): boolean => {
      if (retryAfter > cap) {
        refused.set(opts, retryAfter)
        return false
      }
      log(`GitHub ${kind} on ${opts.method} ${opts.url}; retrying after ${retryAfter}s`)
      return retryCount < limit
    }
  const client = getOctokit(
    token,
    {
      baseUrl,
      request: { fetch: timedFetch(timeout) },
      retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 429] },
      throttle: {
        // GitHub asks for ≥1 s between writes (3 s for issues/comments) to avoid secondary rate
        // limits; an API on this machine has none, so its writes are not spaced.
        ...(isLoopback(baseUrl) ? unspacedWrites() : {}),
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      }
    },
    retry,
    throttling
  )
  // Registered last, so it wraps retry and throttling: it sees each request's final outcome.
  client.hook.wrap('request', async (request, opts) => {
    const o = opts as unknown as RequestOptions
    let response: Awaited<ReturnType<typeof request>>
    try {
      response = await request(opts)
    } catch (e) {
      if (e instanceof GitHubRequestError) throw e
      const wait = refused.get(opts)
      if (wait !== undefined) throw rateLimitTooLong(o, wait, cap)
      throw namedError(o, e, baseUrl, timeout)
    }
    if (response.status !== 204 && (typeof response.data !== 'object' || response.data === null))
      throw unreadableAnswer(o, response.status, response.data)
    return response
  })
  return client
}

/** fetch with a deadline on each attempt (headers and body), so no answer is waited for forever. */
function timedFetch(seconds: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(seconds * 1000)
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline
    return fetch(input, { ...init, signal })
  }
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
