// Pull requests: list (filtered by state, head and base), create, read and update. A pull request is an
// issue with head and base (see RepoState.addPullRequest), as on GitHub.
import { fail, notFound, requireString, validationFailed, type Ctx, type Route } from '../http.js'
import { paginate } from '../paginate.js'
import { repoUrl } from '../shapes.js'
import type { Issue } from '../state.js'

const R = '/repos/{owner}/{repo}'

function renderPull(c: Ctx, i: Issue) {
  const base = repoUrl(c.origin, c.state)
  const side = (ref: string) => ({
    label: `${c.state.owner}:${ref}`,
    ref,
    sha: c.state.branch(ref) ?? '',
    repo: { id: c.state.id, name: c.state.repo, full_name: c.state.fullName }
  })
  return {
    id: i.id,
    node_id: Buffer.from(`PullRequest:${i.id}`).toString('base64'),
    url: `${base}/pulls/${i.number}`,
    html_url: `https://github.com/${c.state.fullName}/pull/${i.number}`,
    issue_url: `${base}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    locked: false,
    title: i.title,
    body: i.body,
    user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
    labels: [],
    draft: false,
    merged: false,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: null,
    head: side(i.pullRequest!.head),
    base: side(i.pullRequest!.base)
  }
}

const pulls = (c: Ctx) => c.state.issues.filter(i => i.pullRequest)

function pull(c: Ctx): Issue {
  return pulls(c).find(i => String(i.number) === c.params.pull_number) ?? notFound()
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: `${R}/pulls`,
    success: [200],
    handle: c => {
      const state = c.query.get('state') ?? 'open'
      const head = c.query.get('head')
      const base = c.query.get('base')
      const found = pulls(c)
        .filter(i => state === 'all' || i.state === state)
        // head is `owner:branch`; GitHub ignores a head filter without the owner.
        .filter(i => !head || !head.includes(':') || head === `${c.state.owner}:${i.pullRequest!.head}`)
        .filter(i => !base || i.pullRequest!.base === base)
        .sort((a, b) => b.number - a.number)
      return paginate(c, found, i => renderPull(c, i))
    }
  },
  {
    method: 'POST',
    path: `${R}/pulls`,
    success: [201],
    reads: ['title', 'head', 'base', 'body'],
    handle: c => {
      const title = requireString(c.body, 'title')
      const head = requireString(c.body, 'head').replace(new RegExp(`^${c.state.owner}:`), '')
      const base = requireString(c.body, 'base')
      const headSha = c.state.branch(head) ?? validationFailed('PullRequest', 'head', 'invalid')
      const baseSha = c.state.branch(base) ?? validationFailed('PullRequest', 'base', 'invalid')
      if (
        pulls(c).some(i => i.state === 'open' && i.pullRequest!.head === head && i.pullRequest!.base === base)
      )
        fail(422, 'Validation Failed', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${c.state.owner}:${head}.`
            }
          ]
        })
      if (c.state.isAncestor(headSha, baseSha))
        fail(422, 'Validation Failed', {
          errors: [
            { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` }
          ]
        })
      const body = typeof c.body.body === 'string' ? c.body.body : undefined
      const issue = c.state.addPullRequest({ title, body, head, base })
      return { status: 201, body: renderPull(c, issue) }
    }
  },
  {
    method: 'GET',
    path: `${R}/pulls/{pull_number}`,
    success: [200],
    handle: c => ({ status: 200, body: renderPull(c, pull(c)) })
  },
  {
    method: 'PATCH',
    path: `${R}/pulls/{pull_number}`,
    success: [200],
    reads: ['title', 'body', 'state'],
    handle: c => {
      const i = pull(c)
      if (typeof c.body.title === 'string') i.title = c.body.title
      if (typeof c.body.body === 'string') i.body = c.body.body
      if (c.body.state === 'open' || c.body.state === 'closed') {
        i.state = c.body.state
        i.closedAt = i.state === 'closed' ? c.state.now() : null
      }
      i.updatedAt = c.state.now()
      return { status: 200, body: renderPull(c, i) }
    }
  }
]
