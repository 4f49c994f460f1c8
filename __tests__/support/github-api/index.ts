// A local, stateful GitHub REST API on 127.0.0.1 for tests: point GITHUB_API_URL (or Octokit's baseUrl) at `url`.
export { startGitHubApi, type GitHubApi, type LoggedRequest, type StartOptions } from './server.js'
export {
  RepoState,
  blobSha,
  type Comment,
  type Issue,
  type Label,
  type PullFile,
  type Review,
  type ReviewComment
} from './state.js'
export type { Fault } from './faults.js'
export { routes } from './routes/index.js'
export type { Route } from './http.js'
