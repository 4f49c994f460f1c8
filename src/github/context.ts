// Who is running us, decided once: the event, the repository and whether the run is trusted to write
// (roadmap, baseline). push to the default branch, schedule and workflow_dispatch on the default branch
// are trusted; pull_request and merge_group never are, and a fork PR has a read-only token.
import { readFileSync } from 'node:fs'

export interface RunContext {
  eventName: string
  owner: string | null
  repo: string | null
  ref: string | null
  sha: string | null
  defaultBranch: string | null
  /**
   * `baseSha`: the base commit the pull request is compared with; `headSha`: its head commit when the run
   * started (each absent when the payload has none).
   */
  pullRequest: {
    number: number
    fork: boolean
    headRef: string
    baseRef: string
    baseSha?: string
    headSha?: string
  } | null
  trusted: boolean
  /** Why the run is (not) trusted, for logs and the summary. */
  trustReason: string
  /** Set when the event payload could not be read: the run is then never trusted to write. */
  payloadProblem: string | null
  apiUrl: string
  serverUrl: string
  runUrl: string | null
}

type Env = Record<string, string | undefined>

export function readRunContext(env: Env = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const read = readPayload(env.GITHUB_EVENT_PATH)
  const payload = read.payload
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const repository = payload.repository as { default_branch?: unknown } | undefined
  const defaultBranch = typeof repository?.default_branch === 'string' ? repository.default_branch : null
  const pr = (isObject(payload.pull_request) ? payload.pull_request : null) as {
    number: number
    head?: { ref?: string; sha?: unknown; repo?: { full_name?: string; fork?: boolean } | null }
    base?: { ref?: string; sha?: unknown; repo?: { full_name?: string } }
  } | null
  const payloadProblem =
    read.problem ??
    (pr && !(Number.isInteger(pr.number) && pr.number > 0)
      ? `GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): \`pull_request.number\` is not a number`
      : null)
  const pullRequest =
    pr && !payloadProblem
      ? {
          number: pr.number,
          // A PR whose head lives in another repository is a fork PR: its token is read-only.
          fork:
            !!pr.head?.repo?.fork ||
            (!!pr.head?.repo?.full_name && pr.head.repo.full_name !== env.GITHUB_REPOSITORY),
          headRef: pr.head?.ref ?? '',
          baseRef: pr.base?.ref ?? '',
          ...(typeof pr.base?.sha === 'string' && /^[0-9a-f]{7,64}$/.test(pr.base.sha)
            ? { baseSha: pr.base.sha }
            : {}),
          ...(typeof pr.head?.sha === 'string' && /^[0-9a-f]{7,64}$/.test(pr.head.sha)
            ? { headSha: pr.head.sha }
            : {})
        }
      : null
  const ref = env.GITHUB_REF ?? null
  const onDefault = !!defaultBranch && ref === `refs/heads/${defaultBranch}`
  let trusted = false
  let trustReason: string
  if (payloadProblem) {
    trustReason = `${payloadProblem}; nothing is written to GitHub`
  } else if (eventName === 'schedule') {
    trusted = true
    trustReason = 'scheduled run'
  } else if (eventName === 'push' || eventName === 'workflow_dispatch') {
    trusted = onDefault
    trustReason = onDefault
      ? `${eventName} on the default branch`
      : `${eventName} on ${ref ?? 'an unknown ref'}, not the default branch${defaultBranch ? ` (${defaultBranch})` : ''}`
  } else if (eventName.startsWith('pull_request')) {
    trustReason = 'pull request runs never write the roadmap or the baseline'
  } else if (eventName === 'merge_group') {
    // The group is not on the default branch yet, and leaves the queue if any required check fails.
    trustReason =
      'merge queue runs never write the roadmap or the baseline: the push that lands the group does'
  } else if (eventName === '') {
    trustReason = 'not running in GitHub Actions'
  } else {
    trustReason = `event ${eventName} is not trusted`
  }
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return {
    eventName,
    owner: owner || null,
    repo: repo || null,
    ref,
    sha: env.GITHUB_SHA ?? null,
    defaultBranch,
    pullRequest,
    trusted,
    trustReason,
    payloadProblem,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl,
    runUrl:
      env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null
  }
}

function readPayload(file: string | undefined): { payload: Record<string, unknown>; problem: string | null } {
  if (!file) return { payload: {}, problem: null }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code ?? (e instanceof SyntaxError ? 'not valid JSON' : 'unreadable')
    return {
      payload: {},
      problem: `GITHUB_EVENT_PATH (${file}) could not be read as JSON (${why})`
    }
  }
  if (!isObject(parsed))
    return { payload: {}, problem: `GITHUB_EVENT_PATH (${file}): the event payload is not a JSON object` }
  const { repository, pull_request: pr } = parsed
  if (repository != null && !isObject(repository))
    return { payload: {}, problem: `GITHUB_EVENT_PATH (${file}): \`repository\` is not an object` }
  if (pr != null && !isObject(pr))
    return { payload: {}, problem: `GITHUB_EVENT_PATH (${file}): \`pull_request\` is not an object` }
  return { payload: parsed, problem: null }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A token GitHub would refuse or an HTTP header cannot carry; the message never shows the value. */
export function tokenProblem(token: string | null): { input: string; message: string } | null {
  // eslint-disable-next-line no-control-regex
  const bad = token ? /[\r\n]|[\x00-\x20\x7f]/.exec(token) : null
  if (!bad) return null
  return {
    input: 'github-token',
    message: `contains ${/[\r\n]/.test(bad[0]) ? 'a line break' : 'a space or control character'} (the value is not shown); store the secret without it.`
  }
}
