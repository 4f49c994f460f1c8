// What a route handler sees and returns, and GitHub's error bodies.
import type { RepoState } from './state.js'

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface Ctx {
  state: RepoState
  params: Record<string, string>
  query: URLSearchParams
  body: Record<string, unknown>
  /** Absolute URL of this request, for pagination links. */
  url: URL
  origin: string
  perPage: number
  permission: 'write' | 'read'
}

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** A non-JSON answer (a proxy's error page), sent as text/html. */
  html?: string
  /** A body sent as is, labelled application/json (it need not be valid JSON). */
  text?: string
}

export interface Route {
  method: Method
  /** The path template exactly as GitHub's OpenAPI description spells it. */
  path: string
  /** Success statuses this route can answer with. */
  success: number[]
  /** Request body fields the handler reads. */
  reads?: string[]
  handle(ctx: Ctx): Reply
}

const DOCS = 'https://docs.github.com/rest'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>
  ) {
    super(String(body.message))
  }
}

export function fail(status: number, message: string, extra: Record<string, unknown> = {}): never {
  throw new ApiError(status, { message, ...extra, documentation_url: DOCS, status: String(status) })
}

export const notFound = (message = 'Not Found'): never => fail(404, message)

/** GitHub's 422 for a field-level problem, e.g. code already_exists / missing_field / invalid. */
export function validationFailed(resource: string, field: string, code: string): never {
  return fail(422, 'Validation Failed', { errors: [{ resource, code, field }] })
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field]
  if (typeof value !== 'string' || value === '') fail(422, `Invalid request.\n\n"${field}" wasn't supplied.`)
  return value
}
