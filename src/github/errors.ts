// Every failed GitHub request becomes one sentence: what was asked, what GitHub answered (status and
// its short message, never an HTML page or a raw JSON body) and what to check.
import { describeRequest, permissionFor, type RequestOptions } from './requests.js'

export class GitHubRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when GitHub could not be reached or its answer could not be read. */
    readonly status: number,
    /** Whether the request may have been applied although it failed (a 5xx or a dropped connection). */
    readonly ambiguous: boolean,
    readonly gitHubMessage: string | null,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'GitHubRequestError'
  }
}

interface OctokitError {
  status?: number
  message?: string
  response?: { data?: unknown; headers?: Record<string, string | undefined> }
  cause?: unknown
}

export function namedError(
  options: RequestOptions,
  e: unknown,
  apiUrl: string,
  timeoutSeconds: number
): GitHubRequestError {
  const what = describeRequest(options)
  const err = (e ?? {}) as OctokitError
  // @octokit/request reports a network failure as status 500 without a response.
  const reached = !!err.response
  const status = reached && typeof err.status === 'number' ? err.status : 0
  const said = reached ? gitHubMessage(err.response?.data) : null
  if (!reached) {
    const cause = networkCause(err, timeoutSeconds)
    return new GitHubRequestError(
      `GitHub ${what} failed: could not reach ${apiUrl} (${cause}); check GITHUB_API_URL and the runner's network, or retry later`,
      0,
      true,
      null,
      { cause: e }
    )
  }
  return new GitHubRequestError(
    `GitHub ${what} failed: HTTP ${status}${said ? ` (${said})` : ''}; ${hint(status, options)}`,
    status,
    status >= 500,
    said,
    { cause: e }
  )
}

/**
 * A 2xx whose body is not the JSON the route returns (a proxy's page, a truncated answer), or lacks what
 * GitHub always sends (answers.ts). A write answered so may have been applied.
 */
export function unreadableAnswer(
  options: RequestOptions,
  status: number,
  data: unknown,
  problem?: string
): GitHubRequestError {
  const kind =
    data === null
      ? 'JSON null'
      : typeof data === 'string' && data.trim() !== ''
        ? /^\s*</.test(data)
          ? 'an HTML page'
          : 'text that is not JSON'
        : 'no body'
  return new GitHubRequestError(
    `GitHub ${describeRequest(options)} failed: HTTP ${status} ${problem ?? `with ${kind} instead of JSON`}; check GITHUB_API_URL points at the GitHub API (not a web page or a proxy)`,
    0,
    options.method !== 'GET',
    null
  )
}

export function rateLimitTooLong(
  options: RequestOptions,
  waitSeconds: number,
  capSeconds: number
): GitHubRequestError {
  return new GitHubRequestError(
    `GitHub asked to wait ${waitSeconds} s (rate limit) on ${describeRequest(options)}; more than the ${capSeconds} s allowed. Rerun later, or lower the number of runs sharing this token`,
    429,
    false,
    null
  )
}

function hint(status: number, o: RequestOptions): string {
  if (status === 401) return 'the github-token is missing, expired or invalid'
  if (status === 403)
    return `check that the token may do this: the workflow needs \`permissions: ${permissionFor(o)}\` (a fork's pull request gets a read-only token)`
  if (status === 404)
    return `check the repository and names; a token that cannot see the repository also gets 404 (\`permissions: ${permissionFor({ ...o, method: 'GET' })}\`)`
  if (status === 409 || status === 422) return 'GitHub refused the change as it stands; see its message'
  if (status === 429) return 'rate limited; rerun later'
  if (status >= 500) return 'GitHub failed; retry later (https://www.githubstatus.com)'
  return 'see GitHub’s message'
}

/** GitHub's own `message`, when it is a short line of text; never a page or a JSON dump. */
function gitHubMessage(data: unknown): string | null {
  const m = (data as { message?: unknown } | null)?.message
  if (typeof m !== 'string') return null
  const line = m.replace(/\s+/g, ' ').trim()
  if (!line || line.length > 300 || /[<>{}]/.test(line)) return null
  return line
}

function networkCause(err: OctokitError, timeoutSeconds: number): string {
  const codes: string[] = []
  for (
    let c: unknown = err.cause ?? err, depth = 0;
    c && depth < 5;
    c = (c as { cause?: unknown }).cause, depth++
  ) {
    if ((c as { name?: unknown }).name === 'TimeoutError') return `no answer within ${timeoutSeconds} s`
    const code = (c as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
  }
  return codes[0] ?? (err.message && !/[<{]/.test(err.message) ? err.message.slice(0, 200) : 'no answer')
}
