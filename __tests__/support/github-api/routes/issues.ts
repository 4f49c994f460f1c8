// Issues (pull requests included, as on GitHub), their labels and comments.
import { fail, notFound, requireString, validationFailed, type Ctx, type Route } from '../http.js'
import { paginate } from '../paginate.js'
import { renderComment, renderIssue, renderLabel } from '../shapes.js'
import type { Issue } from '../state.js'

const R = '/repos/{owner}/{repo}'

const issue = (c: Ctx): Issue => c.state.issue(Number(c.params.issue_number)) ?? notFound()

/** Label names from `["a", {name: "b"}]`; anything else is GitHub's 422. */
function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return validationFailed('Issue', 'labels', 'invalid')
  return value.map((v: unknown) => {
    const name = typeof v === 'string' ? v : (v as { name?: unknown } | null)?.name
    if (typeof name !== 'string' || name.trim() === '') return validationFailed('Label', 'name', 'invalid')
    return name
  })
}

function touch(c: Ctx, i: Issue): void {
  i.updatedAt = c.state.now()
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: `${R}/issues`,
    success: [200],
    handle: c => {
      const state = c.query.get('state') ?? 'open'
      if (!['open', 'closed', 'all'].includes(state)) validationFailed('Issue', 'state', 'invalid')
      const wanted = (c.query.get('labels') ?? '')
        .split(',')
        .map(l => l.trim().toLowerCase())
        .filter(l => l !== '')
      const items = c.state.issues
        .filter(i => state === 'all' || i.state === state)
        .filter(i => {
          const names = c.state.labelNames(i).map(n => n.toLowerCase())
          return wanted.every(w => names.includes(w))
        })
        .sort((a, b) => (c.query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number))
      return paginate(c, items, i => renderIssue(c.origin, c.state, i))
    }
  },
  {
    method: 'GET',
    path: `${R}/issues/{issue_number}`,
    success: [200],
    handle: c => ({ status: 200, body: renderIssue(c.origin, c.state, issue(c)) })
  },
  {
    method: 'POST',
    path: `${R}/issues`,
    success: [201],
    reads: ['title', 'body', 'labels'],
    handle: c => {
      const title = c.body.title
      if (typeof title !== 'string' || title.trim() === '')
        return validationFailed('Issue', 'title', 'missing_field')
      const labels = c.body.labels === undefined ? [] : labelNames(c.body.labels)
      const body = typeof c.body.body === 'string' ? c.body.body : undefined
      const created = c.state.addIssue({ title, body, labels })
      return { status: 201, body: renderIssue(c.origin, c.state, created) }
    }
  },
  {
    method: 'PATCH',
    path: `${R}/issues/{issue_number}`,
    success: [200],
    reads: ['title', 'body', 'state', 'state_reason', 'labels'],
    handle: c => {
      const i = issue(c)
      const { title, body, state, state_reason: reason } = c.body
      if (title !== undefined) {
        if (typeof title !== 'string' || title.trim() === '')
          validationFailed('Issue', 'title', 'missing_field')
        i.title = title as string
      }
      if (body !== undefined) i.body = (body as string | null) ?? null
      if (state !== undefined) {
        if (state !== 'open' && state !== 'closed') validationFailed('Issue', 'state', 'invalid')
        if (state !== i.state) {
          i.state = state as 'open' | 'closed'
          i.closedAt = state === 'closed' ? c.state.now() : null
          i.stateReason = state === 'closed' ? ((reason as Issue['stateReason']) ?? 'completed') : 'reopened'
        }
      }
      if (c.body.labels !== undefined) i.labelIds = c.state.labelIdsFor(labelNames(c.body.labels))
      touch(c, i)
      return { status: 200, body: renderIssue(c.origin, c.state, i) }
    }
  },
  {
    method: 'POST',
    path: `${R}/issues/{issue_number}/labels`,
    success: [200],
    reads: ['labels'],
    handle: c => {
      const i = issue(c)
      // GitHub also accepts a bare array body; the server parses that into { labels }.
      const added = c.state.labelIdsFor(labelNames(c.body.labels))
      i.labelIds = [...new Set([...i.labelIds, ...added])]
      touch(c, i)
      return {
        status: 200,
        body: c.state.labelNames(i).map(n => renderLabel(c.origin, c.state, c.state.findLabel(n)!))
      }
    }
  },
  {
    method: 'DELETE',
    path: `${R}/issues/{issue_number}/labels/{name}`,
    success: [200],
    handle: c => {
      const i = issue(c)
      const l = c.state.findLabel(c.params.name)
      if (!l || !i.labelIds.includes(l.id)) fail(404, 'Label does not exist')
      i.labelIds = i.labelIds.filter(id => id !== l!.id)
      touch(c, i)
      return {
        status: 200,
        body: c.state.labelNames(i).map(n => renderLabel(c.origin, c.state, c.state.findLabel(n)!))
      }
    }
  },
  {
    method: 'GET',
    path: `${R}/issues/{issue_number}/comments`,
    success: [200],
    handle: c => {
      const i = issue(c)
      const comments = c.state.comments.filter(x => x.issueNumber === i.number)
      return paginate(c, comments, x => renderComment(c.origin, c.state, x))
    }
  },
  {
    method: 'POST',
    path: `${R}/issues/{issue_number}/comments`,
    success: [201],
    reads: ['body'],
    handle: c => {
      const i = issue(c)
      const comment = c.state.addComment(i.number, requireString(c.body, 'body'))
      touch(c, i)
      return { status: 201, body: renderComment(c.origin, c.state, comment) }
    }
  },
  {
    method: 'PATCH',
    path: `${R}/issues/comments/{comment_id}`,
    success: [200],
    reads: ['body'],
    handle: c => {
      const comment = c.state.comments.find(x => x.id === Number(c.params.comment_id)) ?? notFound()
      comment.body = requireString(c.body, 'body')
      comment.updatedAt = c.state.now()
      return { status: 200, body: renderComment(c.origin, c.state, comment) }
    }
  },
  {
    method: 'DELETE',
    path: `${R}/issues/comments/{comment_id}`,
    success: [204],
    handle: c => {
      const comment = c.state.comments.find(x => x.id === Number(c.params.comment_id)) ?? notFound()
      c.state.comments.splice(c.state.comments.indexOf(comment), 1)
      return { status: 204 }
    }
  }
]
