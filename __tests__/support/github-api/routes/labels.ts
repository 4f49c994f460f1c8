// Repository labels: names are unique case-insensitively, colours are 6 hex digits without '#'.
import { fail, notFound, validationFailed, type Ctx, type Route } from '../http.js'
import { paginate } from '../paginate.js'
import { renderLabel } from '../shapes.js'
import type { Label } from '../state.js'

const R = '/repos/{owner}/{repo}'

function color(value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{6}$/.test(value))
    validationFailed('Label', 'color', 'invalid')
  return (value as string).toLowerCase()
}

const label = (c: Ctx): Label => c.state.findLabel(c.params.name) ?? notFound()

export const labelRoutes: Route[] = [
  {
    method: 'GET',
    path: `${R}/labels`,
    success: [200],
    handle: c => paginate(c, c.state.labels, l => renderLabel(c.origin, c.state, l))
  },
  {
    method: 'GET',
    path: `${R}/labels/{name}`,
    success: [200],
    handle: c => ({ status: 200, body: renderLabel(c.origin, c.state, label(c)) })
  },
  {
    method: 'POST',
    path: `${R}/labels`,
    success: [201],
    reads: ['name', 'color', 'description'],
    handle: c => {
      const name = c.body.name
      if (typeof name !== 'string' || name.trim() === '')
        return validationFailed('Label', 'name', 'missing_field')
      const col = color(c.body.color)
      if (c.state.findLabel(name)) validationFailed('Label', 'name', 'already_exists')
      const description = typeof c.body.description === 'string' ? c.body.description : null
      const created = c.state.addLabel({ name, color: col, description })
      return { status: 201, body: renderLabel(c.origin, c.state, created) }
    }
  },
  {
    method: 'PATCH',
    path: `${R}/labels/{name}`,
    success: [200],
    reads: ['new_name', 'color', 'description'],
    handle: c => {
      const l = label(c)
      const newName = c.body.new_name
      if (newName !== undefined) {
        if (typeof newName !== 'string' || newName.trim() === '') fail(422, 'Validation Failed')
        const clash = c.state.findLabel(newName as string)
        if (clash && clash.id !== l.id) validationFailed('Label', 'name', 'already_exists')
        l.name = newName as string
      }
      l.color = color(c.body.color) ?? l.color
      if (c.body.description !== undefined) l.description = (c.body.description as string | null) ?? null
      return { status: 200, body: renderLabel(c.origin, c.state, l) }
    }
  },
  {
    method: 'DELETE',
    path: `${R}/labels/{name}`,
    success: [204],
    handle: c => {
      const l = label(c)
      c.state.labels.splice(c.state.labels.indexOf(l), 1)
      for (const issue of c.state.issues) issue.labelIds = issue.labelIds.filter(id => id !== l.id)
      return { status: 204 }
    }
  }
]
