// The failing tests where people look: a table and, for the first ones, where each panicked and what it
// printed (job summary, PR comment); a list in the terminal; an annotation at each panic.
import { annotationPath, type Annotation } from '../../report/annotations.js'
import {
  inlineHtml,
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
import { withoutStdFrames } from './backtrace.js'
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
    out.push(`<details><summary>${inlineHtml(title)}</summary>`, '')
    out.push(...lineLink(links, where, at?.line))
    const text = withoutStdFrames(trimEnd(f.output ?? f.message ?? ''))
    if (text) out.push(...fenced(text), '')
    out.push('</details>', '')
  }
  if (failures.length > max) out.push(`${failures.length - max} more in the report.`, '')
  return out.join('\n').trimEnd()
}

/** Lines of a failing test's output the terminal shows: its end, where the panic and its values are. */
const TAIL_LINES = 30

/**
 * The terminal's lead, as libtest prints a failure: each failing test's captured output (the panic, the
 * assertion's `left`/`right`, the test's own frames), its last lines, for the first failing tests.
 */
export function failureOutputs(report: Report): string[] {
  const failures = report.tests.failures
  const out: string[] = []
  for (const f of failures.slice(0, SUMMARY_DETAILS)) {
    const text = withoutStdFrames(trimEnd(f.output ?? f.message ?? '').replace(/^\n+/, ''))
    if (!text) continue
    const lines = text.split('\n')
    const cut = lines.length - TAIL_LINES
    out.push(`---- ${f.crate} [${f.target}] ${f.name} ----`)
    if (cut > 0) out.push(`[… ${cut} earlier line${cut === 1 ? '' : 's'}]`)
    out.push(...lines.slice(Math.max(0, cut)), '')
  }
  if (failures.length > SUMMARY_DETAILS)
    out.push(`The output of ${failures.length - SUMMARY_DETAILS} more failing test(s) is in the report.`, '')
  return out
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
