// What the gate reads from GitHub's answers, checked once for every request (client.ts): a 2xx whose body
// is not the list GitHub sends, or lacks a field GitHub always sends (its OpenAPI description marks it
// required), is unreadable, and stops the work that depends on it before anything is written from it.
import { matchRoute, type RequestOptions } from './requests.js'

type Kind = 'string' | 'integer' | 'array'

interface Answer {
  /** The body is a JSON array of items with these fields; otherwise one object with them. */
  list: boolean
  /** By name; `a.b` is field b of the object in field a. */
  fields: Record<string, Kind>
}

const R = '/repos/{owner}/{repo}'
export const ANSWERS: Record<string, Answer> = {
  [`GET ${R}`]: { list: false, fields: { default_branch: 'string' } },
  [`GET ${R}/labels`]: { list: true, fields: { name: 'string' } },
  // A branch's head: the commit new branches start from.
  [`GET ${R}/git/ref/{ref}`]: { list: false, fields: { 'object.sha': 'string' } },
  [`GET ${R}/issues`]: { list: true, fields: { number: 'integer', state: 'string', labels: 'array' } },
  [`GET ${R}/issues/{issue_number}/comments`]: { list: true, fields: { id: 'integer' } },
  [`POST ${R}/issues`]: { list: false, fields: { number: 'integer' } },
  [`POST ${R}/issues/{issue_number}/comments`]: { list: false, fields: { id: 'integer' } },
  [`GET ${R}/pulls/{pull_number}`]: { list: false, fields: { 'head.sha': 'string' } },
  [`GET ${R}/pulls/{pull_number}/files`]: { list: true, fields: { filename: 'string' } },
  [`GET ${R}/pulls/{pull_number}/reviews`]: { list: true, fields: { id: 'integer' } },
  [`POST ${R}/pulls/{pull_number}/reviews`]: { list: false, fields: { id: 'integer' } },
  [`GET ${R}/pulls/{pull_number}/reviews/{review_id}/comments`]: { list: true, fields: { id: 'integer' } }
}
const ROUTES = Object.keys(ANSWERS)

/**
 * What is wrong with a 2xx answer's body, to follow "HTTP 200 " ("with a JSON object instead of a list",
 * "without `default_branch`, which GitHub always sends"); null when it is readable.
 */
export function answerProblem(o: RequestOptions, data: unknown): string | null {
  const match = matchRoute(o, ROUTES)
  if (!match) return null
  const { list, fields } = ANSWERS[match.route]
  if (!list)
    return isObject(data)
      ? fieldProblem(data, fields, ['without', 'with a'])
      : `with ${kindOf(data)} instead of an object`
  if (!Array.isArray(data)) return `with ${kindOf(data)} instead of a list`
  for (const [i, item] of data.entries()) {
    const which = `item ${i + 1} of the list`
    if (!isObject(item)) return `with ${which} being ${kindOf(item)}, not an object`
    const why = fieldProblem(item, fields, [`with ${which} lacking`, `with ${which} having a`])
    if (why) return why
  }
  return null
}

function fieldProblem(
  data: Record<string, unknown>,
  fields: Record<string, Kind>,
  [absent, wrong]: [string, string]
): string | null {
  for (const [name, kind] of Object.entries(fields)) {
    const v = name.split('.').reduce<unknown>((o, key) => (isObject(o) ? o[key] : undefined), data)
    const ok =
      kind === 'array' ? Array.isArray(v) : kind === 'integer' ? Number.isInteger(v) : typeof v === kind
    if (ok) continue
    return v === undefined || v === null
      ? `${absent} \`${name}\`, which GitHub always sends`
      : `${wrong} \`${name}\` that is not ${article(kind)}`
  }
  return null
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'a JSON list'
  if (v === null) return 'JSON null'
  // "a JSON object", "a JSON string", ...
  return `a JSON ${typeof v}`
}

const article = (kind: Kind) => (kind === 'integer' ? 'an integer' : kind === 'array' ? 'a list' : 'a string')
