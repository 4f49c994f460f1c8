// Reads what GitHub shows: default branch, labels, each workstream's tracking issue, branches. Reads only.
import { listIssues } from '../../github/create-once.js'
import { listAll } from '../../github/paginate.js'
import type { Workstream } from './model.js'
import type { TrackedIssue } from './readiness.js'
import { hasTrackingMarker } from './markers.js'
import { status, type GitHubClient, type Repo } from '../../github/writes.js'

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
export function listTracking(
  client: GitHubClient,
  repo: Repo,
  label: string,
  state: 'all' | 'open',
  log?: (line: string) => void
): Promise<TrackedIssue[]> {
  return listIssues(client, repo, label, state, log)
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
