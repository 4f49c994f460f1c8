// Who is running us, decided once: the event, the repository and whether the run is trusted to write
// (roadmap, baseline). push to the default branch, schedule and workflow_dispatch on the default branch
// are trusted; pull_request never is, and a fork PR has a read-only token.
import { readFileSync } from 'node:fs'
import { GateError } from '../errors.js'

export interface RunContext {
  eventName: string
  owner: string | null
  repo: string | null
  ref: string | null
  sha: string | null
  defaultBranch: string | null
  pullRequest: { number: number; fork: boolean; headRef: string; baseRef: string } | null
  trusted: boolean
  /** Why the run is (not) trusted, for logs and the summary. */
  trustReason: string
  apiUrl: string
  serverUrl: string
  runUrl: string | null
}

type Env = Record<string, string | undefined>

export function readRunContext(env: Env = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const repository = payload.repository as { default_branch?: string } | undefined
  const defaultBranch = repository?.default_branch ?? null
  const pr = (payload.pull_request ?? null) as {
    number: number
    head?: { ref?: string; repo?: { full_name?: string; fork?: boolean } | null }
    base?: { ref?: string; repo?: { full_name?: string } }
  } | null
  const pullRequest = pr
    ? {
        number: pr.number,
        // A PR whose head lives in another repository is a fork PR: its token is read-only.
        fork:
          !!pr.head?.repo?.fork ||
          (!!pr.head?.repo?.full_name && pr.head.repo.full_name !== env.GITHUB_REPOSITORY),
        headRef: pr.head?.ref ?? '',
        baseRef: pr.base?.ref ?? ''
      }
    : null
  const ref = env.GITHUB_REF ?? null
  const onDefault = !!defaultBranch && ref === `refs/heads/${defaultBranch}`
  let trusted = false
  let trustReason: string
  if (eventName === 'schedule') {
    trusted = true
    trustReason = 'scheduled run'
  } else if (eventName === 'push' || eventName === 'workflow_dispatch') {
    trusted = onDefault
    trustReason = onDefault
      ? `${eventName} on the default branch`
      : `${eventName} on ${ref ?? 'an unknown ref'}, not the default branch${defaultBranch ? ` (${defaultBranch})` : ''}`
  } else if (eventName.startsWith('pull_request')) {
    trustReason = 'pull request runs never write the roadmap or the baseline'
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
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl,
    runUrl:
      env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null
  }
}

function readPayload(file: string | undefined): Record<string, unknown> {
  if (!file) return {}
  let payload: unknown
  try {
    payload = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new GateError(
      'environment',
      `GITHUB_EVENT_PATH (${file}) could not be read as JSON: ${(e as Error).message}`
    )
  }
  const problem = payloadProblem(payload)
  if (problem) throw new GateError('environment', `GITHUB_EVENT_PATH (${file}): ${problem}`)
  return payload as Record<string, unknown>
}

// The fields the gate reads, checked at the edge.
function payloadProblem(p: unknown): string | null {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'the event payload is not a JSON object'
  const { pull_request: pr, repository } = p as Record<string, unknown>
  if (repository != null && typeof repository !== 'object') return '`repository` is not an object'
  if (pr == null) return null
  if (typeof pr !== 'object') return '`pull_request` is not an object'
  if (typeof (pr as { number?: unknown }).number !== 'number') return '`pull_request.number` is not a number'
  return null
}
