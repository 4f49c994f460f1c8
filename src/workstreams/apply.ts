// The only place that writes to GitHub. Creates tolerate a concurrent writer (422 "already exists" is
// success once a re-read confirms it); removing a label that is already gone is a no-op.
import { describeWrite, type Write } from './plan.js'
import { branchExists } from './observe.js'
import { requestFailed, status, errorText, type GitHubClient, type Repo } from './github.js'

export interface ApplyResult {
  /** Writes that changed something on GitHub. */
  applied: number
  createdBranches: string[]
  /** Set when the token may not write (HTTP 403): what was refused. Writes stop there. */
  forbidden: string | null
}

export async function applyWrites(
  client: GitHubClient,
  repo: Repo,
  writes: Write[],
  log: (line: string) => void
): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, createdBranches: [], forbidden: null }
  const heads = new Map<string, string>()
  for (const w of writes) {
    const d = describeWrite(w)
    const what = `${d.kind} ${d.target}`
    try {
      const changed = await applyOne(client, repo, w, heads)
      if (changed) {
        result.applied++
        if (w.kind === 'create-branch') result.createdBranches.push(w.branch)
      }
      log(`${changed ? '✓' : '='} ${what}${changed ? '' : ' (already done by someone else)'}`)
    } catch (e) {
      if (status(e) === 403) {
        result.forbidden = `${what}: ${errorText(e)}`
        log(`✗ ${what}: forbidden (HTTP 403); no further writes`)
        return result
      }
      throw requestFailed(what, e)
    }
  }
  return result
}

async function applyOne(
  client: GitHubClient,
  repo: Repo,
  w: Write,
  heads: Map<string, string>
): Promise<boolean> {
  switch (w.kind) {
    case 'create-label':
      return alreadyExists(
        () =>
          client.rest.issues.createLabel({
            ...repo,
            name: w.name,
            color: w.color,
            description: w.description
          }),
        async () => !!(await client.rest.issues.getLabel({ ...repo, name: w.name })).data
      )
    case 'create-issue':
      await client.rest.issues.create({ ...repo, title: w.title, body: w.body, labels: w.labels })
      return true
    case 'create-branch': {
      if (!heads.has(w.from)) {
        const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${w.from}` })
        heads.set(w.from, data.object.sha)
      }
      const sha = heads.get(w.from)!
      return alreadyExists(
        () => client.rest.git.createRef({ ...repo, ref: `refs/heads/${w.branch}`, sha }),
        () => branchExists(client, repo, w.branch)
      )
    }
    case 'add-label':
      await client.rest.issues.addLabels({ ...repo, issue_number: w.issue, labels: [w.label] })
      return true
    case 'remove-label':
      try {
        await client.rest.issues.removeLabel({ ...repo, issue_number: w.issue, name: w.label })
        return true
      } catch (e) {
        if (status(e) === 404) return false
        throw e
      }
    case 'dispatch':
      await client.rest.repos.createDispatchEvent({
        ...repo,
        event_type: w.eventType,
        client_payload: w.payload
      })
      return true
  }
}

// true: created now; false: a 422 and the thing exists (someone else made it). Anything else propagates.
async function alreadyExists(
  create: () => Promise<unknown>,
  exists: () => Promise<boolean>
): Promise<boolean> {
  try {
    await create()
    return true
  } catch (e) {
    if (status(e) === 422 && (await exists().catch(() => false))) return false
    throw e
  }
}
