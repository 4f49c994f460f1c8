// JSON bodies in GitHub's shapes (snake_case, the fields Octokit users read), with URLs on this server.
import type { Comment, Issue, Label, RepoState } from './state.js'

const BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
  site_admin: false
}

const nodeId = (kind: string, id: number | string): string => Buffer.from(`${kind}:${id}`).toString('base64')

export function repoUrl(origin: string, s: RepoState): string {
  return `${origin}/repos/${s.owner}/${s.repo}`
}

export function renderRepo(origin: string, s: RepoState, permission: 'write' | 'read'): unknown {
  const push = permission === 'write'
  return {
    id: s.id,
    node_id: nodeId('Repository', s.id),
    name: s.repo,
    full_name: s.fullName,
    owner: { login: s.owner, id: 1, type: 'Organization' },
    private: false,
    fork: false,
    html_url: `https://github.com/${s.fullName}`,
    url: repoUrl(origin, s),
    default_branch: s.defaultBranch,
    has_issues: true,
    archived: false,
    disabled: false,
    visibility: 'public',
    permissions: { admin: false, maintain: false, push, triage: push, pull: true }
  }
}

export function renderLabel(origin: string, s: RepoState, l: Label): unknown {
  return {
    id: l.id,
    node_id: nodeId('Label', l.id),
    url: `${repoUrl(origin, s)}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    default: l.default,
    description: l.description
  }
}

export function renderIssue(origin: string, s: RepoState, i: Issue): unknown {
  const url = `${repoUrl(origin, s)}/issues/${i.number}`
  return {
    id: i.id,
    node_id: nodeId('Issue', i.id),
    url,
    repository_url: repoUrl(origin, s),
    comments_url: `${url}/comments`,
    html_url: `https://github.com/${s.fullName}/${i.pullRequest ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: BOT,
    labels: i.labelIds.map(id =>
      renderLabel(
        origin,
        s,
        s.labels.find(l => l.id === id)!
      )
    ),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: s.comments.filter(c => c.issueNumber === i.number).length,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    author_association: 'NONE',
    ...(i.pullRequest
      ? {
          pull_request: {
            url: `${repoUrl(origin, s)}/pulls/${i.number}`,
            html_url: `https://github.com/${s.fullName}/pull/${i.number}`
          }
        }
      : {})
  }
}

export function renderComment(origin: string, s: RepoState, c: Comment): unknown {
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${repoUrl(origin, s)}/issues/comments/${c.id}`,
    html_url: `https://github.com/${s.fullName}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${repoUrl(origin, s)}/issues/${c.issueNumber}`,
    body: c.body,
    user: BOT,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'NONE'
  }
}

export function renderRef(origin: string, s: RepoState, ref: string, sha: string): unknown {
  return {
    ref,
    node_id: nodeId('Ref', ref),
    url: `${repoUrl(origin, s)}/git/${ref}`,
    object: { sha, type: 'commit', url: `${repoUrl(origin, s)}/git/commits/${sha}` }
  }
}

export function renderCommit(origin: string, s: RepoState, sha: string, message: string, parents: string[]) {
  const person = {
    name: BOT.login,
    email: '41898282+github-actions[bot]@users.noreply.github.com',
    date: s.now()
  }
  return {
    sha,
    node_id: nodeId('Commit', sha),
    url: `${repoUrl(origin, s)}/git/commits/${sha}`,
    html_url: `https://github.com/${s.fullName}/commit/${sha}`,
    message,
    author: person,
    committer: person,
    tree: { sha: sha.split('').reverse().join(''), url: `${repoUrl(origin, s)}/git/trees/${sha}` },
    parents: parents.map(p => ({ sha: p, url: `${repoUrl(origin, s)}/git/commits/${p}` }))
  }
}
