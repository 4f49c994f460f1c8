// Reads what GitHub shows: default branch, labels, each workstream's tracking issue, branches. Reads only.
import { listAll } from '../../github/paginate.js'
import type { Workstream } from './model.js'
import type { TrackedIssue } from './readiness.js'
import { hasTrackingMarker } from './markers.js'
import { status, type GitHubClient, type Repo } from '../../github/writes.js'

interface IssueData {
  number: number
  state: string
  body?: string | null
  pull_request?: unknown
  labels: (string | { name?: string })[]
}

export async function observeRepository(
  client: GitHubClient,
  repo: Repo,
  workstreams: Workstream[],
  prefix: string,
  log?: (line: string) => void
): Promise<{
  defaultBranch: string
  labels: string[]
  issues: Map<string, TrackedIssue | null>
  duplicates: Map<string, number[]>
}> {
  const { data } = await client.rest.repos.get({ ...repo })
  const labels = await listAll<{ name: string }>(client, 'GET /repos/{owner}/{repo}/labels', { ...repo }, log)
  const issues = new Map<string, TrackedIssue | null>()
  const duplicates = new Map<string, number[]>()
  for (const ws of workstreams) {
    const all = await listTracking(client, repo, prefix + ws.name, 'all', log)
    const kept = pickTracking(all)
    issues.set(ws.name, kept)
    // Left by runs that raced (when GitHub listed late): close them, never a human's issue.
    const extra = all.filter(
      i => i.state === 'open' && i.number !== kept?.number && hasTrackingMarker(i.body, ws.name)
    )
    if (extra.length)
      duplicates.set(
        ws.name,
        extra.map(i => i.number)
      )
  }
  return { defaultBranch: data.default_branch, labels: labels.map(l => l.name), issues, duplicates }
}

/** Issues (not pull requests) carrying the label, oldest first. */
export async function listTracking(
  client: GitHubClient,
  repo: Repo,
  label: string,
  state: 'all' | 'open',
  log?: (line: string) => void
): Promise<TrackedIssue[]> {
  const found = await listAll<IssueData>(
    client,
    'GET /repos/{owner}/{repo}/issues',
    { ...repo, labels: label, state, direction: 'asc' },
    log
  )
  return found
    .filter(i => !i.pull_request)
    .map(i => ({
      number: i.number,
      state: i.state === 'closed' ? ('closed' as const) : ('open' as const),
      labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))),
      body: i.body ?? null
    }))
    .sort((a, b) => a.number - b.number)
}

// Several issues with the label: an open one wins (the workstream is not finished), then the oldest.
function pickTracking(issues: TrackedIssue[]): TrackedIssue | null {
  return issues.find(i => i.state === 'open') ?? issues[0] ?? null
}

export async function branchExists(client: GitHubClient, repo: Repo, branch: string): Promise<boolean> {
  try {
    const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` })
    // GitHub answers a ref that is a prefix of others with a list of them: only an exact match counts.
    return !Array.isArray(data) && typeof data.object?.sha === 'string'
  } catch (e) {
    if (status(e) === 404) return false
    throw e
  }
}

export async function observeBranches(
  client: GitHubClient,
  repo: Repo,
  branches: string[]
): Promise<Set<string>> {
  const existing = new Set<string>()
  for (const b of branches) if (await branchExists(client, repo, b)) existing.add(b)
  return existing
}
