// Repository contents: files read and committed per branch, guarded by the blob sha like GitHub's.
import { fail, notFound, requireString, type Ctx, type Route } from '../http.js'
import { renderCommit, repoUrl } from '../shapes.js'
import { blobSha } from '../state.js'

const R = '/repos/{owner}/{repo}'

function fileMeta(c: Ctx, path: string, content: Buffer, branch: string) {
  const sha = blobSha(content)
  const base = repoUrl(c.origin, c.state)
  const self = `${base}/contents/${path}?ref=${encodeURIComponent(branch)}`
  const html = `https://github.com/${c.state.fullName}/blob/${branch}/${path}`
  const git = `${base}/git/blobs/${sha}`
  return {
    type: 'file',
    name: path.split('/').pop()!,
    path,
    sha,
    size: content.length,
    url: self,
    html_url: html,
    git_url: git,
    download_url: `${c.origin}/raw/${c.state.fullName}/${branch}/${path}`,
    _links: { self, git, html }
  }
}

/** GitHub wraps base64 content at 60 characters per line. */
const wrap = (b64: string): string => (b64.match(/.{1,60}/g) ?? []).join('\n') + '\n'

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    path: `${R}/contents/{path}`,
    success: [200],
    handle: c => {
      const ref = c.query.get('ref') ?? c.state.defaultBranch
      const commit = c.state.resolve(ref) ?? notFound(`No commit found for the ref ${ref}`)
      const content = commit.files.get(c.params.path) ?? notFound()
      return {
        status: 200,
        body: {
          ...fileMeta(c, c.params.path, content, ref),
          encoding: 'base64',
          content: wrap(content.toString('base64'))
        }
      }
    }
  },
  {
    method: 'PUT',
    path: `${R}/contents/{path}`,
    success: [200, 201],
    reads: ['message', 'content', 'sha', 'branch'],
    handle: c => {
      const message = requireString(c.body, 'message')
      const encoded = c.body.content
      if (typeof encoded !== 'string') fail(422, 'Invalid request.\n\n"content" wasn\'t supplied.')
      if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(encoded as string)) fail(422, 'content is not valid Base64')
      const branch = typeof c.body.branch === 'string' ? c.body.branch : c.state.defaultBranch
      const head = c.state.branch(branch)
      if (!head) return notFound(`Branch ${branch} not found`)
      const path = c.params.path
      const existing = c.state.commits.get(head)!.files.get(path)
      const given = c.body.sha
      if (existing) {
        if (given === undefined) fail(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
        if (given !== blobSha(existing)) fail(409, `${path} does not match ${String(given)}`)
      }
      const content = Buffer.from(encoded as string, 'base64')
      const commit = c.state.writeFile(path, content, branch, message)
      return {
        status: existing ? 200 : 201,
        body: {
          content: fileMeta(c, path, content, branch),
          commit: renderCommit(c.origin, c.state, commit.sha, message, commit.parents)
        }
      }
    }
  }
]
