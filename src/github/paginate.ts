// Every page of a list, bounded: stops when GitHub links back to a page already read (a loop would
// never end) and after a fixed number of pages.
import type { GitHubClient } from './client.js'

export const MAX_PAGES = 100

export async function listAll<T>(
  client: GitHubClient,
  /** Octokit route, e.g. 'GET /repos/{owner}/{repo}/labels'. */
  route: string,
  params: Record<string, unknown>,
  log?: (line: string) => void
): Promise<T[]> {
  const seen = new Set<string>()
  const items: T[] = []
  const pages = client.paginate.iterator(route, { per_page: 100, ...params }) as AsyncIterable<{
    url: string
    data: T[]
  }>
  for await (const page of pages) {
    const url = pageKey(page.url)
    if (seen.has(url)) {
      log?.(`GitHub linked back to a page already read (${url}); stopping the list there`)
      break
    }
    seen.add(url)
    items.push(...page.data)
    if (seen.size >= MAX_PAGES) {
      log?.(`GitHub list longer than ${MAX_PAGES} pages; reading stopped at ${items.length} items`)
      break
    }
  }
  return items
}

/** The same page whatever the order of its query and whether `page=1` is spelled out. */
function pageKey(url: string): string {
  try {
    const u = new URL(url)
    if (!u.searchParams.has('page')) u.searchParams.set('page', '1')
    u.searchParams.sort()
    return u.href
  } catch {
    return url
  }
}
