// Repository, refs, branches and repository_dispatch.
import { fail, notFound, requireString, type Route } from '../http.js'
import { paginate } from '../paginate.js'
import { renderRef, renderRepo, repoUrl } from '../shapes.js'

const R = '/repos/{owner}/{repo}'

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: R,
    success: [200],
    handle: c => ({ status: 200, body: renderRepo(c.origin, c.state, c.permission) })
  },
  {
    method: 'GET',
    path: `${R}/git/ref/{ref}`,
    success: [200],
    handle: c => {
      const ref = `refs/${c.params.ref}`
      const sha = c.state.refs.get(ref) ?? notFound()
      return { status: 200, body: renderRef(c.origin, c.state, ref, sha) }
    }
  },
  {
    method: 'POST',
    path: `${R}/git/refs`,
    success: [201],
    reads: ['ref', 'sha'],
    handle: c => {
      const ref = requireString(c.body, 'ref')
      const sha = requireString(c.body, 'sha')
      // GitHub wants a fully qualified ref with at least two slashes: refs/heads/<name>.
      if (!/^refs\/[^/]+\/.+/.test(ref)) fail(422, 'Reference name is invalid')
      if (c.state.refs.has(ref)) fail(422, 'Reference already exists')
      if (!c.state.commits.has(sha)) fail(422, 'Object does not exist')
      c.state.refs.set(ref, sha)
      return { status: 201, body: renderRef(c.origin, c.state, ref, sha) }
    }
  },
  {
    method: 'GET',
    path: `${R}/branches`,
    success: [200],
    handle: c =>
      paginate(c, c.state.branches(), b => ({
        name: b.name,
        commit: { sha: b.sha, url: `${repoUrl(c.origin, c.state)}/commits/${b.sha}` },
        protected: false
      }))
  },
  {
    method: 'GET',
    path: `${R}/branches/{branch}`,
    success: [200],
    handle: c => {
      const sha = c.state.branch(c.params.branch) ?? notFound('Branch not found')
      const base = repoUrl(c.origin, c.state)
      return {
        status: 200,
        body: {
          name: c.params.branch,
          commit: {
            sha,
            url: `${base}/commits/${sha}`,
            commit: { message: c.state.commits.get(sha)?.message ?? '' }
          },
          _links: { self: `${base}/branches/${encodeURIComponent(c.params.branch)}`, html: '' },
          protected: false
        }
      }
    }
  },
  {
    method: 'POST',
    path: `${R}/dispatches`,
    success: [204],
    reads: ['event_type', 'client_payload'],
    handle: c => {
      const eventType = requireString(c.body, 'event_type')
      if (eventType.length > 100) fail(422, 'event_type is too long (maximum is 100 characters)')
      c.state.dispatches.push({ event_type: eventType, client_payload: c.body.client_payload ?? {} })
      return { status: 204 }
    }
  }
]
