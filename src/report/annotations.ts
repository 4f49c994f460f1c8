// Workspace diagnostics as GitHub annotations at file:line:column, errors first.
import * as path from 'node:path'
import type { GateReport } from './schema.js'

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

/** GitHub shows at most 10 of each level per step and 50 per job; more is noise. */
export const MAX_ANNOTATIONS = 50

/**
 * `repoRoot` is where annotation paths must be relative to (GITHUB_WORKSPACE); rustc's file names
 * are relative to the workspace root, or absolute for path dependencies.
 */
export function diagnosticAnnotations(report: GateReport, repoRoot: string): Annotation[] {
  return report.diagnostics.items.slice(0, MAX_ANNOTATIONS).map(d => {
    const title = `${d.crate}: ${d.severity}${d.code ? `[${d.code}]` : ''}`
    if (!d.span) return { level: d.severity, title, message: d.message }
    const absolute = path.resolve(report.workspace.root, d.span.file)
    const sameLine = d.span.line === d.span.endLine
    return {
      level: d.severity,
      title,
      message: d.message,
      file: toPosix(path.relative(repoRoot, absolute)),
      startLine: d.span.line,
      endLine: d.span.endLine,
      // GitHub accepts columns only for single-line annotations.
      ...(sameLine ? { startColumn: d.span.column, endColumn: d.span.endColumn } : {})
    }
  })
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}
