// The whole route table, as data: the server dispatches on it and the conformance test checks it
// against GitHub's OpenAPI description.
import type { Route } from '../http.js'
import { contentRoutes } from './contents.js'
import { gitRoutes } from './git.js'
import { issueRoutes } from './issues.js'
import { labelRoutes } from './labels.js'
import { pullRoutes } from './pulls.js'
import { repoRoutes } from './repo.js'
import { reviewRoutes } from './reviews.js'

export const routes: Route[] = [
  ...repoRoutes,
  ...labelRoutes,
  ...issueRoutes,
  ...contentRoutes,
  ...gitRoutes,
  ...pullRoutes,
  ...reviewRoutes
]

// Parameters that may contain '/' (file paths, refs, branch names) swallow the rest of the path;
// numeric ones only match digits so /issues/comments/{id} never reads as /issues/{number}.
const GREEDY = new Set(['path', 'ref', 'branch'])
const NUMERIC = new Set(['issue_number', 'comment_id', 'pull_number', 'review_id'])

export interface CompiledRoute {
  route: Route
  pattern: RegExp
  names: string[]
}

export function compile(route: Route): CompiledRoute {
  const names: string[] = []
  const source = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name)
    return GREEDY.has(name) ? '(.+)' : NUMERIC.has(name) ? '(\\d+)' : '([^/]+)'
  })
  return { route, pattern: new RegExp(`^${source}$`), names }
}
