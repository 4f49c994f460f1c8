// What a request is, in words a user can act on: "listing labels of acme/ledger", and which permission
// of the workflow's token it needs. Keyed by Octokit's route template (method + url with {params}).

export interface RequestOptions {
  method: string
  url: string
  [param: string]: unknown
}

type Describe = (p: Record<string, unknown>, repo: string) => string

const R = '/repos/{owner}/{repo}'
const DESCRIBE: Record<string, Describe> = {
  [`GET ${R}`]: (_p, repo) => `reading repository ${repo}`,
  [`GET ${R}/labels`]: (_p, repo) => `listing labels of ${repo}`,
  [`GET ${R}/labels/{name}`]: (p, repo) => `reading label '${str(p.name)}' of ${repo}`,
  [`POST ${R}/labels`]: (p, repo) => `creating label '${str(p.name)}' in ${repo}`,
  [`GET ${R}/issues`]: (p, repo) =>
    p.labels ? `listing issues labelled '${str(p.labels)}' in ${repo}` : `listing issues of ${repo}`,
  [`POST ${R}/issues`]: (p, repo) => `creating issue "${str(p.title)}" in ${repo}`,
  [`PATCH ${R}/issues/{issue_number}`]: (p, repo) => `editing issue #${str(p.issue_number)} of ${repo}`,
  [`POST ${R}/issues/{issue_number}/labels`]: (p, repo) =>
    `adding label '${list(p.labels)}' to #${str(p.issue_number)} of ${repo}`,
  [`DELETE ${R}/issues/{issue_number}/labels/{name}`]: (p, repo) =>
    `removing label '${str(p.name)}' from #${str(p.issue_number)} of ${repo}`,
  [`GET ${R}/issues/{issue_number}/comments`]: (p, repo) =>
    `listing comments of #${str(p.issue_number)} of ${repo}`,
  [`POST ${R}/issues/{issue_number}/comments`]: (p, repo) =>
    `commenting on #${str(p.issue_number)} of ${repo}`,
  [`PATCH ${R}/issues/comments/{comment_id}`]: (p, repo) => `editing comment ${str(p.comment_id)} in ${repo}`,
  [`DELETE ${R}/issues/comments/{comment_id}`]: (p, repo) =>
    `deleting comment ${str(p.comment_id)} in ${repo}`,
  [`GET ${R}/git/ref/{ref}`]: (p, repo) => `reading ${refName(p.ref)} of ${repo}`,
  [`POST ${R}/git/refs`]: (p, repo) => `creating ${refName(p.ref)} in ${repo}`,
  [`POST ${R}/dispatches`]: (p, repo) => `sending repository_dispatch '${str(p.event_type)}' to ${repo}`,
  [`GET ${R}/contents/{path}`]: (p, repo) =>
    `reading ${str(p.path)}${p.ref ? ` on branch ${str(p.ref)}` : ''} of ${repo}`,
  [`PUT ${R}/contents/{path}`]: (p, repo) =>
    `writing ${str(p.path)}${p.branch ? ` on branch ${str(p.branch)}` : ''} of ${repo}`
}

/** The permission (`permissions:` key of the workflow) a request needs, by the kind of resource. */
export function permissionFor(o: RequestOptions): string {
  const write = o.method !== 'GET'
  const level = write ? 'write' : 'read'
  if (/\/(contents|git)\//.test(o.url) || o.url.endsWith('/dispatches')) return `contents: ${level}`
  if (/\/issues\/\{issue_number\}\/comments$/.test(o.url) || /\/issues\/comments\//.test(o.url))
    return `issues: ${level} (pull-requests: ${level} for a pull request)`
  if (/\/(issues|labels)/.test(o.url)) return `issues: ${level}`
  return `contents: ${level}`
}

export function describeRequest(o: RequestOptions): string {
  const repo = o.owner && o.repo ? `${str(o.owner)}/${str(o.repo)}` : 'the repository'
  const key = `${o.method} ${o.url}`
  const describe = DESCRIBE[key]
  if (describe) return describe(o, repo)
  const m = matchRoute(o, Object.keys(DESCRIBE))
  if (!m) return `${o.method} ${pathOf(o.url)}`
  const page = m.params.page
  return `${DESCRIBE[m.route](m.params, `${str(m.params.owner)}/${str(m.params.repo)}`)}${page && page !== '1' ? ` (page ${page})` : ''}`
}

/**
 * Which of `routes` (Octokit route templates, "GET /repos/{owner}/{repo}/labels") a request is, with
 * its parameters: given as a template, or as the absolute URL of a followed pagination link.
 */
export function matchRoute(
  o: RequestOptions,
  routes: readonly string[]
): { route: string; params: Record<string, unknown> } | null {
  const key = `${o.method} ${o.url}`
  if (routes.includes(key)) return { route: key, params: o }
  const url = pathOf(o.url)
  for (const route of routes) {
    const [method, template] = route.split(' ')
    const m = method === o.method ? matchTemplate(template, url) : null
    if (!m) continue
    const query = new URL(o.url, 'http://x').searchParams
    return { route, params: { ...Object.fromEntries(query), ...m } }
  }
  return null
}

function matchTemplate(template: string, path: string): Record<string, string> | null {
  const names: string[] = []
  const source = template.replace(/\{(\w+)\}/g, (_m, n: string) => {
    names.push(n)
    return n === 'path' || n === 'ref' ? '(.+)' : '([^/]+)'
  })
  const m = new RegExp(`^${source}$`).exec(path)
  if (!m) return null
  return Object.fromEntries(names.map((n, i) => [n, safeDecode(m[i + 1])]))
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://x').pathname.replace(/^\/api\/v3/, '')
  } catch {
    return url
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function refName(ref: unknown): string {
  const r = str(ref)
  return r.replace(/^refs\//, '').startsWith('heads/')
    ? `branch '${r.replace(/^(refs\/)?heads\//, '')}'`
    : `ref '${r}'`
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?')
const list = (v: unknown): string => (Array.isArray(v) ? v.map(str).join("', '") : str(v))
