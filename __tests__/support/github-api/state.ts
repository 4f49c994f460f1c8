// The repository the local API serves: a small git model (commits are file snapshots, refs point at
// commits) plus labels, issues (pull requests are issues), comments and repository_dispatch events.
// Tests seed and inspect it directly.
import { createHash } from 'node:crypto'

export interface Label {
  id: number
  name: string
  color: string
  description: string | null
  default: boolean
}

export interface Issue {
  id: number
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  stateReason: 'completed' | 'not_planned' | 'reopened' | null
  labelIds: number[]
  /** Set for pull requests, which GitHub also lists as issues. */
  pullRequest: { head: string; base: string } | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

export interface Comment {
  id: number
  issueNumber: number
  body: string
  createdAt: string
  updatedAt: string
}

export interface Commit {
  sha: string
  message: string
  parents: string[]
  files: Map<string, Buffer>
}

/** A file a pull request changed, as GET /pulls/{n}/files lists it; `patch` is the file's diff hunks. */
export interface PullFile {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed'
  patch?: string
}

/** A review comment as the review that made it placed it (right side: the head's lines). */
export interface ReviewComment {
  id: number
  path: string
  line: number
  startLine: number | null
  side: 'LEFT' | 'RIGHT'
  body: string
}

export interface Review {
  id: number
  pullNumber: number
  body: string
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING'
  commitId: string
  submittedAt: string | null
  comments: ReviewComment[]
}

export interface Dispatch {
  event_type: string
  client_payload: unknown
}

export function blobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

export class RepoState {
  readonly id = 1296269
  readonly refs = new Map<string, string>()
  readonly commits = new Map<string, Commit>()
  readonly labels: Label[] = []
  readonly issues: Issue[] = []
  readonly comments: Comment[] = []
  readonly dispatches: Dispatch[] = []
  /** The files each pull request changed (by number), seeded by tests from a real diff. */
  readonly pullFiles = new Map<number, PullFile[]>()
  readonly reviews: Review[] = []
  /** Git data: blobs created through the API, and trees by sha (a tree is a flat path → content map). */
  readonly blobs = new Map<string, Buffer>()
  readonly trees = new Map<string, Map<string, Buffer>>()
  private nextId = 1000
  private nextNumber = 1
  // Timestamps advance one second per object so "newest first" ordering is deterministic.
  private clock = Date.parse('2024-01-01T00:00:00Z')

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly defaultBranch: string
  ) {
    const root = this.commit('Initial commit', [], new Map())
    this.refs.set(`refs/heads/${defaultBranch}`, root.sha)
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`
  }

  now(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace('.000Z', 'Z')
  }

  newId(): number {
    return this.nextId++
  }

  /** Records a commit; its sha is derived from its content and parents, like git's. */
  commit(message: string, parents: string[], files: Map<string, Buffer>): Commit {
    const hash = createHash('sha1').update(`${message}\0${parents.join(',')}\0${this.commits.size}`)
    for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      hash.update(`${path}\0${blobSha(content)}\0`)
    }
    const commit: Commit = { sha: hash.digest('hex'), message, parents, files }
    this.commits.set(commit.sha, commit)
    return commit
  }

  /** The commit a branch name, full ref or commit sha points at. */
  resolve(ref: string): Commit | undefined {
    const sha =
      this.refs.get(ref) ?? this.refs.get(`refs/${ref}`) ?? this.refs.get(`refs/heads/${ref}`) ?? ref
    return this.commits.get(sha)
  }

  branch(name: string): string | undefined {
    return this.refs.get(`refs/heads/${name}`)
  }

  branches(): { name: string; sha: string }[] {
    return [...this.refs]
      .filter(([ref]) => ref.startsWith('refs/heads/'))
      .map(([ref, sha]) => ({ name: ref.slice('refs/heads/'.length), sha }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Seeds a branch at `sha` (an unknown sha becomes an empty commit) or at the default branch's head. */
  addBranch(name: string, sha?: string): string {
    const target = sha ?? this.branch(this.defaultBranch)!
    if (!this.commits.has(target))
      this.commits.set(target, { sha: target, message: '', parents: [], files: new Map() })
    this.refs.set(`refs/heads/${name}`, target)
    return target
  }

  /** Commits one file on a branch (default branch unless given) and moves the branch. */
  writeFile(
    path: string,
    content: string | Buffer,
    branch = this.defaultBranch,
    message = `Update ${path}`
  ): Commit {
    const head = this.resolve(branch)
    if (!head) throw new Error(`writeFile: branch ${branch} does not exist; seed it with addBranch first`)
    const files = new Map(head.files)
    files.set(path, Buffer.isBuffer(content) ? content : Buffer.from(content))
    const commit = this.commit(message, [head.sha], files)
    this.refs.set(`refs/heads/${branch}`, commit.sha)
    return commit
  }

  readFile(path: string, ref = this.defaultBranch): string | undefined {
    return this.resolve(ref)?.files.get(path)?.toString('utf8')
  }

  /** The sha of a tree holding exactly `files`, recorded so it can be read back. */
  treeSha(files: Map<string, Buffer>): string {
    const hash = createHash('sha1').update('tree\0')
    for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b)))
      hash.update(`${path}\0${blobSha(content)}\0`)
    const sha = hash.digest('hex')
    if (!this.trees.has(sha)) this.trees.set(sha, new Map(files))
    return sha
  }

  /** A blob by sha: created through the API or part of any commit. */
  blob(sha: string): Buffer | undefined {
    const made = this.blobs.get(sha)
    if (made) return made
    for (const commit of this.commits.values())
      for (const content of commit.files.values()) if (blobSha(content) === sha) return content
    return undefined
  }

  /** Whether `ancestor` is `sha` or reachable from it through parents. */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>()
    const queue = [sha]
    while (queue.length) {
      const at = queue.pop()!
      if (at === ancestor) return true
      if (seen.has(at)) continue
      seen.add(at)
      queue.push(...(this.commits.get(at)?.parents ?? []))
    }
    return false
  }

  findLabel(name: string): Label | undefined {
    const key = name.toLowerCase()
    return this.labels.find(l => l.name.toLowerCase() === key)
  }

  addLabel(input: { name: string; color?: string; description?: string | null }): Label {
    if (this.findLabel(input.name)) throw new Error(`addLabel: label "${input.name}" already exists`)
    const label: Label = {
      id: this.newId(),
      name: input.name,
      color: input.color ?? 'ededed',
      description: input.description ?? null,
      default: false
    }
    this.labels.push(label)
    return label
  }

  /** Label ids for names, creating missing labels as GitHub does for issue labels. */
  labelIdsFor(names: string[]): number[] {
    const ids = names.map(name => (this.findLabel(name) ?? this.addLabel({ name })).id)
    return [...new Set(ids)]
  }

  labelNames(issue: Issue): string[] {
    return issue.labelIds.map(id => this.labels.find(l => l.id === id)!.name)
  }

  issue(number: number): Issue | undefined {
    return this.issues.find(i => i.number === number)
  }

  addIssue(input: { title: string; body?: string; labels?: string[]; state?: 'open' | 'closed' }): Issue {
    const at = this.now()
    const closed = input.state === 'closed'
    const issue: Issue = {
      id: this.newId(),
      number: this.nextNumber++,
      title: input.title,
      body: input.body ?? null,
      state: closed ? 'closed' : 'open',
      stateReason: closed ? 'completed' : null,
      labelIds: this.labelIdsFor(input.labels ?? []),
      pullRequest: null,
      createdAt: at,
      updatedAt: at,
      closedAt: closed ? at : null
    }
    this.issues.push(issue)
    return issue
  }

  /** A pull request shares the issue number sequence, so comments and labels work on it. */
  addPullRequest(input: {
    title: string
    body?: string
    labels?: string[]
    head?: string
    base?: string
  }): Issue {
    const issue = this.addIssue(input)
    issue.pullRequest = { head: input.head ?? 'feature', base: input.base ?? this.defaultBranch }
    return issue
  }

  addComment(issueNumber: number, body: string): Comment {
    if (!this.issue(issueNumber)) throw new Error(`addComment: issue #${issueNumber} does not exist`)
    const at = this.now()
    const comment: Comment = { id: this.newId(), issueNumber, body, createdAt: at, updatedAt: at }
    this.comments.push(comment)
    return comment
  }
}
