// Git data: blobs, trees, commits and ref updates, as GitHub's Git Data API answers them. A tree is
// flat (path → content); GitHub's nested trees read the same through `recursive=1`.
import { fail, notFound, requireString, validationFailed, type Ctx, type Route } from '../http.js'
import { renderRef, repoUrl } from '../shapes.js'
import { blobSha, type Commit } from '../state.js'

const R = '/repos/{owner}/{repo}'
const wrap = (b64: string): string => (b64.match(/.{1,60}/g) ?? []).join('\n') + '\n'

function renderGitCommit(c: Ctx, commit: Commit) {
  const base = repoUrl(c.origin, c.state)
  const tree = c.state.treeSha(commit.files)
  const person = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
    date: '2024-01-01T00:00:00Z'
  }
  return {
    sha: commit.sha,
    node_id: Buffer.from(`Commit:${commit.sha}`).toString('base64'),
    url: `${base}/git/commits/${commit.sha}`,
    html_url: `https://github.com/${c.state.fullName}/commit/${commit.sha}`,
    message: commit.message,
    author: person,
    committer: person,
    tree: { sha: tree, url: `${base}/git/trees/${tree}` },
    parents: commit.parents.map(p => ({
      sha: p,
      url: `${base}/git/commits/${p}`,
      html_url: `https://github.com/${c.state.fullName}/commit/${p}`
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
  }
}

function renderTree(c: Ctx, sha: string, files: Map<string, Buffer>) {
  const base = repoUrl(c.origin, c.state)
  return {
    sha,
    url: `${base}/git/trees/${sha}`,
    tree: [...files]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, content]) => {
        const blob = blobSha(content)
        return {
          path,
          mode: '100644',
          type: 'blob',
          sha: blob,
          size: content.length,
          url: `${base}/git/blobs/${blob}`
        }
      }),
    truncated: false
  }
}

export const gitRoutes: Route[] = [
  {
    method: 'POST',
    path: `${R}/git/blobs`,
    success: [201],
    reads: ['content', 'encoding'],
    handle: c => {
      const content = c.body.content
      if (typeof content !== 'string') fail(422, 'Invalid request.\n\n"content" wasn\'t supplied.')
      const encoding = c.body.encoding ?? 'utf-8'
      if (encoding !== 'utf-8' && encoding !== 'base64') fail(422, `encoding must be utf-8 or base64`)
      const data = Buffer.from(content as string, encoding === 'base64' ? 'base64' : 'utf8')
      const sha = blobSha(data)
      c.state.blobs.set(sha, data)
      return { status: 201, body: { sha, url: `${repoUrl(c.origin, c.state)}/git/blobs/${sha}` } }
    }
  },
  {
    method: 'GET',
    path: `${R}/git/blobs/{file_sha}`,
    success: [200],
    handle: c => {
      const data = c.state.blob(c.params.file_sha) ?? notFound()
      return {
        status: 200,
        body: {
          sha: c.params.file_sha,
          node_id: Buffer.from(`Blob:${c.params.file_sha}`).toString('base64'),
          size: data.length,
          url: `${repoUrl(c.origin, c.state)}/git/blobs/${c.params.file_sha}`,
          content: wrap(data.toString('base64')),
          encoding: 'base64'
        }
      }
    }
  },
  {
    method: 'GET',
    path: `${R}/git/trees/{tree_sha}`,
    success: [200],
    handle: c => {
      // A commit sha (or branch) names its tree too, as on GitHub.
      const files =
        c.state.trees.get(c.params.tree_sha) ?? c.state.resolve(c.params.tree_sha)?.files ?? notFound()
      return { status: 200, body: renderTree(c, c.state.treeSha(files), files) }
    }
  },
  {
    method: 'POST',
    path: `${R}/git/trees`,
    success: [201],
    reads: ['tree', 'base_tree'],
    handle: c => {
      const entries = c.body.tree
      if (!Array.isArray(entries)) fail(422, 'Invalid request.\n\n"tree" wasn\'t supplied.')
      const baseSha = c.body.base_tree
      const base =
        typeof baseSha === 'string'
          ? (c.state.trees.get(baseSha) ?? validationFailed('Tree', 'base_tree', 'invalid'))
          : new Map<string, Buffer>()
      const files = new Map(base)
      for (const e of entries as Record<string, unknown>[]) {
        if (typeof e.path !== 'string' || e.path === '') validationFailed('Tree', 'path', 'missing_field')
        if (e.type !== undefined && e.type !== 'blob') fail(422, 'Only blobs are supported in this tree')
        if (e.sha === null) files.delete(e.path as string)
        else if (typeof e.content === 'string') files.set(e.path as string, Buffer.from(e.content))
        else if (typeof e.sha === 'string')
          files.set(e.path as string, c.state.blob(e.sha) ?? fail(422, 'tree.sha is not a valid blob'))
        else fail(422, 'Must supply either tree.sha or tree.content')
      }
      const sha = c.state.treeSha(files)
      return { status: 201, body: renderTree(c, sha, files) }
    }
  },
  {
    method: 'GET',
    path: `${R}/git/commits/{commit_sha}`,
    success: [200],
    handle: c => ({
      status: 200,
      body: renderGitCommit(c, c.state.commits.get(c.params.commit_sha) ?? notFound())
    })
  },
  {
    method: 'POST',
    path: `${R}/git/commits`,
    success: [201],
    reads: ['message', 'tree', 'parents'],
    handle: c => {
      const message = requireString(c.body, 'message')
      const files =
        c.state.trees.get(requireString(c.body, 'tree')) ?? validationFailed('Commit', 'tree', 'invalid')
      const parents = Array.isArray(c.body.parents) ? (c.body.parents as unknown[]) : []
      for (const p of parents)
        if (typeof p !== 'string' || !c.state.commits.has(p)) validationFailed('Commit', 'parents', 'invalid')
      const commit = c.state.commit(message, parents as string[], new Map(files))
      return { status: 201, body: renderGitCommit(c, commit) }
    }
  },
  {
    method: 'PATCH',
    path: `${R}/git/refs/{ref}`,
    success: [200],
    reads: ['sha', 'force'],
    handle: c => {
      const ref = `refs/${c.params.ref}`
      const current = c.state.refs.get(ref) ?? fail(422, 'Reference does not exist')
      const sha = requireString(c.body, 'sha')
      if (!c.state.commits.has(sha)) fail(422, 'Object does not exist')
      if (c.body.force !== true && !c.state.isAncestor(current, sha))
        fail(422, 'Update is not a fast forward')
      c.state.refs.set(ref, sha)
      return { status: 200, body: renderRef(c.origin, c.state, ref, sha) }
    }
  }
]
