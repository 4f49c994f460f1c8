// GitHub's pagination: per_page (default 30, capped at 100), page (1-based) and a Link header whose
// absolute URLs keep every other query parameter, so Octokit's paginate can follow rel="next".
import type { Ctx, Reply } from './http.js'

export function paginate<T>(ctx: Ctx, items: T[], render: (item: T) => unknown): Reply {
  const perPage = Math.min(100, positive(ctx.query.get('per_page')) ?? ctx.perPage)
  const page = positive(ctx.query.get('page')) ?? 1
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  const link = (p: number, rel: string): string => {
    const url = new URL(ctx.url.pathname + ctx.url.search, ctx.origin)
    url.searchParams.set('page', String(p))
    return `<${url.href}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return {
    status: 200,
    body: slice.map(render),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}

function positive(value: string | null): number | undefined {
  const n = Number(value)
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined
}
