// GitHub annotations: a message at a file's line, relative to the repository's checkout.
import * as path from 'node:path'

export interface Annotation {
  level: 'error' | 'warning'
  message: string
  title: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** GitHub shows at most 10 annotations of each level per step: more is noise that hides the rest. */
export const MAX_PER_LEVEL = 10

/**
 * `repoRoot` is where annotation paths must be relative to (GITHUB_WORKSPACE); rustc's file names are
 * relative to the workspace root, or absolute for path dependencies.
 */
export function annotationPath(repoRoot: string, workspaceRoot: string, file: string): string {
  return path.relative(repoRoot, path.resolve(workspaceRoot, file)).split(path.sep).join('/')
}
