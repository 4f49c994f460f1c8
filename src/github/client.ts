// The one GitHub client: Octokit with the REST methods, pagination, retry and throttling, base URL from
// GITHUB_API_URL (so tests talk to a local API over real HTTP). Every request that fails ends as a
// GitHubRequestError naming it; a 2xx that is not the JSON the gate reads is a failure (answers.ts);
// rate-limit waits are capped. Not @actions/github: loading it parses the event payload, and an
// unreadable one would throw before the gate could say so (context.ts reads it instead).
import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck'
import { answerProblem } from './answers.js'
import { GitHubRequestError, namedError, rateLimitTooLong, unreadableAnswer } from './errors.js'
import { describeRequest, type RequestOptions } from './requests.js'

/** Octokit with the REST methods and pagination: what the gate's code is written against. */
export const RestOctokit = Octokit.plugin(restEndpointMethods, paginateRest)
export type GitHubClient = InstanceType<typeof RestOctokit>

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
  const client = new (RestOctokit.plugin(retry, throttling))({
    auth: token,
    baseUrl,
    request: { fetch: timedFetch(timeout) },
    retry: {
      doNotRetry: [400, 401, 403, 404, 409, 422, 429],
      retryAfterBaseValue: retrySpacingMs(baseUrl)
    },
    throttle: {
      // GitHub asks for ≥1 s between writes (3 s for issues/comments) to avoid secondary rate
      // limits; an API on this machine has none, so its writes are not spaced.
      ...(isLoopback(baseUrl) ? unspacedWrites() : {}),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  })
  // Registered last, so it wraps retry and throttling: it sees each request's final outcome.
  client.hook.wrap('request', async (request, opts) => {
    const o = opts as unknown as RequestOptions
    let response: Awaited<ReturnType<typeof request>>
    for (let waited = 0; ; waited++) {
      try {
        response = await request(opts)
        break
      } catch (e) {
        if (e instanceof GitHubRequestError) throw e
        const wait = refused.get(opts)
        if (wait !== undefined) throw rateLimitTooLong(o, wait, cap)
        const asked = otherRateLimit(e)
        if (asked === null || waited >= limit) throw namedError(o, e, baseUrl, timeout)
        if (asked > cap) throw rateLimitTooLong(o, asked, cap)
        log(
          `GitHub rate limit (HTTP ${(e as { status: number }).status}) on ${describeRequest(o)}; retrying after ${asked}s`
        )
        await new Promise(r => setTimeout(r, asked * 1000))
      }
    }
    const data: unknown = response.data
    if (response.status !== 204 && (typeof data !== 'object' || data === null))
      throw unreadableAnswer(o, response.status, data)
    const problem = response.status === 204 ? null : answerProblem(o, data)
    if (problem) throw unreadableAnswer(o, response.status, data, problem)
    return response
  })
  return client
}

/**
 * The seconds to wait for a rate limit the throttling plugin does not recognise: GitHub (or a proxy in
 * front of it) may answer 429, or 403 with Retry-After, in other words than "secondary rate limit".
 * GitHub: wait Retry-After seconds, or a minute without it. null: not such a limit.
 */
function otherRateLimit(e: unknown): number | null {
  const err = e as { status?: number; message?: string; response?: { headers?: Record<string, unknown> } }
  const headers = err.response?.headers
  if (!headers) return null
  const after = headers['retry-after']
  if (err.status !== 429 && !(err.status === 403 && after !== undefined)) return null
  // The throttling plugin's own: it waited and retried already.
  if (/\bsecondary rate\b/i.test(err.message ?? '') || headers['x-ratelimit-remaining'] === '0') return null
  return retryAfterSeconds(after) ?? 60
}

/** Retry-After as seconds, or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterSeconds(value: unknown, now = Date.now()): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  if (/^\s*\d+\s*$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
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

/**
 * The unit of the retry plugin's spacing after a 5xx or a lost answer (1, 4, 9 units): a second, so a
 * struggling GitHub gets time to recover; an API on this machine answers at once, and its retries
 * follow the same steps in 50 ms units.
 */
export function retrySpacingMs(baseUrl: string): number {
  return isLoopback(baseUrl) ? 50 : 1000
}

function unspacedWrites(): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  }
}
