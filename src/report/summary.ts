// The job summary (and the PR comment): built with @actions/core's summary builder.
import type * as core from '@actions/core'
import { CRATE_HEADER, crateRows, PHASE_HEADER, phaseRows, totalRow, verdictLine } from './tables.js'
import type { GateReport } from './schema.js'

type Summary = typeof core.summary
type Cell = { data: string; header: true }

const header = (cells: string[]): Cell[] => cells.map(data => ({ data, header: true }))

/** Extra sections rendered by their own modules (conflicts, timing, workstreams), as markdown. */
export type SectionRenderer = (report: GateReport) => string | null

export function buildSummary(
  summary: Summary,
  report: GateReport,
  sections: SectionRenderer[] = []
): Summary {
  summary.addHeading(`${report.verdict.stable ? '✅' : '❌'} ${verdictLine(report)}`, 2)
  if (report.verdict.reasons.length) summary.addList(report.verdict.reasons.map(r => escape(r.message)))
  if (report.verdict.warnings.length) {
    summary.addRaw('<p><strong>Warnings</strong></p>', true)
    summary.addList(report.verdict.warnings.map(r => escape(r.message)))
  }
  // core.summary puts cells into HTML as they are: everything cargo or a test printed is escaped.
  const rows = (r: string[][]) => r.map(cells => cells.map(escape))
  if (report.crates.length)
    summary.addTable([header(CRATE_HEADER), ...rows([...crateRows(report), totalRow(report)])])
  if (report.tests.failures.length) {
    summary.addHeading('Failing tests', 3)
    summary.addTable([
      header(['crate', 'target', 'test', 'message']),
      ...rows(report.tests.failures.slice(0, 50).map(f => [f.crate, f.target, f.name, f.message ?? '']))
    ])
  }
  for (const render of sections) {
    const md = render(report)
    if (md) summary.addRaw(`\n${md}\n`, true)
  }
  if (report.diagnostics.omitted)
    summary.addRaw(
      `<p>${report.diagnostics.omitted} more diagnostic(s) were counted but not kept in the report (it keeps the first ${report.diagnostics.items.length}).</p>`,
      true
    )
  if (report.diagnostics.dependencyWarnings)
    summary.addRaw(
      `<p>${report.diagnostics.dependencyWarnings} warning(s) from dependencies were not counted.</p>`,
      true
    )
  summary.addDetails('Phases', tableHtml(PHASE_HEADER, phaseRows(report)))
  return summary
}

function tableHtml(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: string) =>
    `<tr>${cells.map(c => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>`
  return `<table>${tr(head, 'th')}${rows.map(r => tr(r, 'td')).join('')}</table>`
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
