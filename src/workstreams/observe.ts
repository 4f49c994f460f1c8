// Reads what GitHub shows: default branch, labels, each workstream's tracking issue, branches. Reads only.
import type { Workstream } from './model.js'
import type { TrackedIssue } from './readiness.js'
import { status, type GitHubClient, type Repo } from './github.js'

export async function observeRepository(
  client: GitHubClient,
  repo: Repo,
  workstreams: Workstream[],
  prefix: string
): Promise<{ defaultBranch: string; labels: string[]; issues: Map<string, TrackedIssue | null> }> {
  const { data } = await client.rest.repos.get({ ...repo })
  const labels = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 })
  const issues = new Map<string, TrackedIssue | null>()
  for (const ws of workstreams) issues.set(ws.name, await trackingIssue(client, repo, prefix + ws.name))
  return { defaultBranch: data.default_branch, labels: labels.map(l => l.name), issues }
}

// Any state; several issues with the label: an open one wins (the workstream is not finished), then the oldest.
async function trackingIssue(client: GitHubClient, repo: Repo, label: string): Promise<TrackedIssue | null> {
  const found = await client.paginate(client.rest.issues.listForRepo, {
    ...repo,
    labels: label,
    state: 'all',
    per_page: 100
  })
  const issues = found
    .filter(i => !i.pull_request)
    .map(i => ({
      number: i.number,
      state: i.state === 'closed' ? ('closed' as const) : ('open' as const),
      labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? '')))
    }))
    .sort((a, b) => (a.state === b.state ? a.number - b.number : a.state === 'open' ? -1 : 1))
  return issues[0] ?? null
}

export async function branchExists(client: GitHubClient, repo: Repo, branch: string): Promise<boolean> {
  try {
    await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` })
    return true
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
