// The failing tests where people look: a table and, for the first ones, where each panicked and what it
// printed (job summary, PR comment); a list in the terminal; an annotation at each panic.
import { annotationPath, type Annotation } from '../../report/annotations.js'
import {
  escapeHtml,
  fenced,
  firstLine,
  htmlTable,
  lineLink,
  repositoryPath,
  SUMMARY_DETAILS,
  trimEnd,
  type BlobLinks
} from '../../report/markdown.js'
import type { CoreReport } from '../../report/schema.js'
import { panicLocation } from './panic-location.js'
import type { TestsSection } from './section.js'

type Report = Pick<CoreReport, 'workspace'> & { tests: TestsSection }

export function testsMarkdown(report: Report, links: BlobLinks): string | null {
  const failures = report.tests.failures
  if (failures.length === 0) return null
  const table = htmlTable(
    ['crate', 'target', 'test', 'message'],
    failures.slice(0, 50).map(f => [f.crate, f.target, f.name, f.message ?? ''])
  )
  return ['<h3>Failing tests</h3>', table, '', failuresMarkdown(report, links)].join('\n')
}

/** The first failing tests, each with a link to where it panicked and what it printed. */
export function failuresMarkdown(report: Report, links: BlobLinks, max = SUMMARY_DETAILS): string {
  const failures = report.tests.failures
  const out = ['### Where the tests failed', '']
  for (const f of failures.slice(0, max)) {
    const at = panicLocation(f)
    const where = at ? repositoryPath(report.workspace.root, at.file, links.repoRoot) : null
    const title = `${f.crate}: ${f.name}${f.message ? ` — ${firstLine(f.message)}` : ''}`
    out.push(`<details><summary>${escapeHtml(title)}</summary>`, '')
    out.push(...lineLink(links, where, at?.line))
    const text = trimEnd(f.output ?? f.message ?? '')
    if (text) out.push(...fenced(text), '')
    out.push('</details>', '')
  }
  if (failures.length > max) out.push(`${failures.length - max} more in the report.`, '')
  return out.join('\n').trimEnd()
}

export function testsText(report: Report): string[] {
  if (report.tests.failures.length === 0) return []
  const out = ['Failing tests:']
  for (const f of report.tests.failures) {
    const at = panicLocation(f)
    const where = at ? ` (at ${at.file}:${at.line}${at.column ? `:${at.column}` : ''})` : ''
    out.push(
      `  ${f.crate} [${f.target}] ${f.name}${f.message ? `: ${f.message.split('\n')[0]}` : ''}${where}`
    )
  }
  return out
}

/** One error at each failing test's panic location (where it is known). */
export function panicAnnotations(report: Report, repoRoot: string): Annotation[] {
  const out: Annotation[] = []
  for (const f of report.tests.failures) {
    const at = panicLocation(f)
    if (!at) continue
    out.push({
      level: 'error',
      title: `${f.crate}: test ${f.name} failed`,
      message: f.message ?? 'the test failed',
      file: annotationPath(repoRoot, report.workspace.root, at.file),
      startLine: at.line,
      endLine: at.line,
      ...(at.column ? { startColumn: at.column, endColumn: at.column } : {})
    })
  }
  return out
}
