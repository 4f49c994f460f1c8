// The failing tests where people look: a table and, for the first ones, where each panicked and what it
// printed (job summary, PR comment); a list in the terminal; an annotation at each panic.
import { annotationPath, type Annotation } from '../../report/annotations.js'
import {
  inlineHtml,
  fenced,
  firstLine,
  htmlList,
  htmlTable,
  lineLink,
  repositoryPath,
  SUMMARY_DETAILS,
  trimEnd,
  type BlobLinks
} from '../../report/markdown.js'
import type { CoreReport } from '../../report/schema.js'
import { withoutStdFrames } from './backtrace.js'
import { passedOn } from './findings.js'
import { panicLocation } from './panic-location.js'
import type { TestFailure, TestsSection } from './section.js'

type Report = Pick<CoreReport, 'workspace'> & { tests: TestsSection }

export function testsMarkdown(report: Report, links: BlobLinks): string | null {
  const parts = [failingMarkdown(report, links), flakyMarkdown(report, links), retriesMarkdown(report)]
  const shown = parts.filter((p): p is string => p !== null)
  return shown.length > 0 ? shown.join('\n\n') : null
}

function failingMarkdown(report: Report, links: BlobLinks): string | null {
  const failures = report.tests.failures
  if (failures.length === 0) return null
  const table = htmlTable(
    ['crate', 'target', 'test', 'message'],
    failures.slice(0, 50).map(f => [f.crate, f.target, f.name + runs(f), f.message ?? ''])
  )
  return ['<h3>Failing tests</h3>', table, '', failuresMarkdown(report, links)].join('\n')
}

/** " (failed all 3 runs)" for a failure that was retried. */
function runs(f: TestFailure): string {
  return f.attempts ? ` (failed all ${f.attempts} runs)` : ''
}

/** Each flaky test, with its first failure's output folded and a link to where it panicked. */
function flakyMarkdown(report: Report, links: BlobLinks, max = SUMMARY_DETAILS): string | null {
  const flaky = report.tests.flaky ?? []
  if (flaky.length === 0) return null
  const out = [
    `<h3>Flaky tests</h3>`,
    '',
    `${flakyCount(flaky.length)} (failed, then passed when run again):`,
    ''
  ]
  for (const t of flaky.slice(0, max)) {
    const first = { ...t, ...t.firstFailure }
    const at = panicLocation(first)
    const where = at ? repositoryPath(report.workspace.root, at.file, links.repoRoot) : null
    const title = `${t.crate} ${t.name} — failed, then passed on ${passedOn(t)}${t.firstFailure.message ? `: ${firstLine(t.firstFailure.message)}` : ''}`
    out.push(`<details><summary>${inlineHtml(title)}</summary>`, '')
    out.push(...lineLink(links, where, at?.line))
    const text = trimEnd(t.firstFailure.output ?? t.firstFailure.message ?? '')
    if (text) out.push(...fenced(text), '')
    out.push('</details>', '')
  }
  if (flaky.length > max) out.push(`${flaky.length - max} more in the report.`, '')
  return out.join('\n').trimEnd()
}

function retriesMarkdown(report: Report): string | null {
  const r = report.tests.retries
  if (!r || (!r.skipped && r.notes.length === 0)) return null
  const lines = r.skipped ? [r.skipped] : r.notes
  return ['<p><strong>Retries</strong></p>', htmlList(lines)].join('\n')
}

function flakyCount(n: number): string {
  return n === 1 ? '1 flaky test' : `${n} flaky tests`
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
  const out: string[] = []
  if (report.tests.failures.length > 0) out.push('Failing tests:')
  for (const f of report.tests.failures) {
    out.push(
      `  ${f.crate} [${f.target}] ${f.name}${runs(f)}${f.message ? `: ${f.message.split('\n')[0]}` : ''}${at(f)}`
    )
  }
  const flaky = report.tests.flaky ?? []
  if (flaky.length > 0) out.push(`${flakyCount(flaky.length)} (failed, then passed when run again):`)
  for (const t of flaky) {
    const m = t.firstFailure.message
    out.push(
      `  ${t.crate} [${t.target}] ${t.name}: passed on ${passedOn(t)}${m ? `; first failure: ${m.split('\n')[0]}` : ''}${at({ ...t, ...t.firstFailure })}`
    )
  }
  if (report.tests.retries?.skipped) out.push(`Not retried: ${report.tests.retries.skipped}`)
  for (const note of report.tests.retries?.notes ?? []) out.push(`Retry: ${note}`)
  return out
}

function at(f: Parameters<typeof panicLocation>[0]): string {
  const p = panicLocation(f)
  return p ? ` (at ${p.file}:${p.line}${p.column ? `:${p.column}` : ''})` : ''
}

/** One error at each failing test's panic location, one warning at each flaky test's first (where known). */
export function panicAnnotations(report: Report, repoRoot: string): Annotation[] {
  const out: Annotation[] = []
  for (const t of report.tests.flaky ?? []) {
    const p = panicLocation({ ...t, ...t.firstFailure })
    if (!p) continue
    out.push({
      level: 'warning',
      title: `${t.crate}: test ${t.name} is flaky (failed, then passed on ${passedOn(t)})`,
      message: t.firstFailure.message ?? 'the test failed, then passed when run again',
      file: annotationPath(repoRoot, report.workspace.root, p.file),
      startLine: p.line,
      endLine: p.line,
      ...(p.column ? { startColumn: p.column, endColumn: p.column } : {})
    })
  }
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
