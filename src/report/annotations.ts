// Workspace diagnostics as GitHub annotations at file:line:column (the build capability's), and one
// at each failing test's panic (the tests capability's).
import * as path from 'node:path'
import { panicLocation } from '../capabilities/tests/panic-location.js'
import type { Diagnostic, GateReport } from './schema.js'

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
 * Up to `max` diagnostics of one severity, taken round-robin over crates (each crate's first, then
 * each crate's second, …) so that one noisy crate does not hide the others.
 */
export function spreadOverCrates(items: Diagnostic[], max: number): Diagnostic[] {
  const queues = new Map<string, Diagnostic[]>()
  for (const d of items) queues.set(d.crate, [...(queues.get(d.crate) ?? []), d])
  const picked: Diagnostic[] = []
  for (let round = 0; picked.length < max; round++) {
    const before = picked.length
    for (const q of queues.values()) if (round < q.length && picked.length < max) picked.push(q[round])
    if (picked.length === before) break
  }
  return picked
}

/**
 * `repoRoot` is where annotation paths must be relative to (GITHUB_WORKSPACE); rustc's file names
 * are relative to the workspace root, or absolute for path dependencies.
 */
export function diagnosticAnnotations(report: GateReport, repoRoot: string): Annotation[] {
  const items = report.diagnostics.items
  const chosen = [
    ...spreadOverCrates(
      items.filter(d => d.severity === 'error'),
      MAX_PER_LEVEL
    ),
    ...spreadOverCrates(
      items.filter(d => d.severity === 'warning'),
      MAX_PER_LEVEL
    )
  ]
  return chosen.map(d => {
    const title = `${d.crate}: ${d.severity}${d.code ? `[${d.code}]` : ''}`
    if (!d.span) return { level: d.severity, title, message: d.message }
    const sameLine = d.span.line === d.span.endLine
    return {
      level: d.severity,
      title,
      message: d.message,
      file: relativeTo(repoRoot, report.workspace.root, d.span.file),
      startLine: d.span.line,
      endLine: d.span.endLine,
      // GitHub accepts columns only for single-line annotations.
      ...(sameLine ? { startColumn: d.span.column, endColumn: d.span.endColumn } : {})
    }
  })
}

/** One error at each failing test's panic location (where it is known). */
export function panicAnnotations(report: GateReport, repoRoot: string): Annotation[] {
  const out: Annotation[] = []
  for (const f of report.tests.failures) {
    const at = panicLocation(f)
    if (!at) continue
    out.push({
      level: 'error',
      title: `${f.crate}: test ${f.name} failed`,
      message: f.message ?? 'the test failed',
      file: relativeTo(repoRoot, report.workspace.root, at.file),
      startLine: at.line,
      endLine: at.line,
      ...(at.column ? { startColumn: at.column, endColumn: at.column } : {})
    })
  }
  return out
}

function relativeTo(repoRoot: string, workspaceRoot: string, file: string): string {
  return path.relative(repoRoot, path.resolve(workspaceRoot, file)).split(path.sep).join('/')
}
