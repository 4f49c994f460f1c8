// The job summary (and the PR comment) as one string: the verdict, its reasons and warnings, the crate
// table, failing tests, every capability's markdown section and the phases. The job summary, the PR
// comment and any other surface each take the string; nothing renders into a shared buffer.
import type * as core from '@actions/core'
import { CRATE_HEADER, crateRows, PHASE_HEADER, phaseRows, totalRow, verdictLine } from './tables.js'
import type { GateReport } from './schema.js'

type Summary = typeof core.summary

/** Extra sections rendered by their capabilities (conflicts, timing, workstreams…), as markdown. */
export type SectionRenderer = (report: GateReport) => string | null

export function renderSummary(report: GateReport, sections: SectionRenderer[] = []): string {
  const out: string[] = []
  out.push(`<h2>${report.verdict.stable ? '✅' : '❌'} ${verdictLine(report)}</h2>`)
  if (report.verdict.reasons.length) out.push(list(report.verdict.reasons.map(r => r.message)))
  if (report.verdict.warnings.length)
    out.push('<p><strong>Warnings</strong></p>', list(report.verdict.warnings.map(r => r.message)))
  if (report.crates.length) out.push(table(CRATE_HEADER, [...crateRows(report), totalRow(report)]))
  if (report.tests.failures.length)
    out.push(
      '<h3>Failing tests</h3>',
      table(
        ['crate', 'target', 'test', 'message'],
        report.tests.failures.slice(0, 50).map(f => [f.crate, f.target, f.name, f.message ?? ''])
      )
    )
  for (const render of sections) {
    const md = render(report)
    if (md) out.push(`\n${md}\n`)
  }
  if (report.diagnostics.omitted)
    out.push(
      `<p>${report.diagnostics.omitted} more diagnostic(s) were counted but not kept in the report (it keeps the first ${report.diagnostics.items.length}).</p>`
    )
  if (report.diagnostics.dependencyWarnings)
    out.push(`<p>${report.diagnostics.dependencyWarnings} warning(s) from dependencies were not counted.</p>`)
  out.push(`<details><summary>Phases</summary>${table(PHASE_HEADER, phaseRows(report))}</details>`)
  return `${out.join('\n')}\n`
}

/** The same string, added to @actions/core's summary builder (the caller writes it). */
export function buildSummary(
  summary: Summary,
  report: GateReport,
  sections: SectionRenderer[] = []
): Summary {
  return summary.addRaw(renderSummary(report, sections), true)
}

// Everything cargo or a test printed is escaped: HTML cells are put into the page as they are.
function table(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: string) =>
    `<tr>${cells.map(c => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>`
  return `<table>${tr(head, 'th')}${rows.map(r => tr(r, 'td')).join('')}</table>`
}

function list(items: string[]): string {
  return `<ul>${items.map(i => `<li>${escape(i)}</li>`).join('')}</ul>`
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
