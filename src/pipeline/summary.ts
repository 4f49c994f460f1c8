// The job summary (and the PR comment) as one string: the verdict, its reasons and warnings, the crate
// table, every capability's markdown section and the phases. The job summary, the PR comment and any
// other surface each take the string; nothing renders into a shared buffer.
import type { AnyCapability } from '../capabilities/capability.js'
import { htmlList, htmlTable } from '../report/markdown.js'
import { CAPABILITIES, type GateReport } from './registry.js'
import { markdownSections, type SectionRenderer } from './render.js'
import { crateTable, PHASE_HEADER, phaseRows, verdictLine } from './tables.js'

export type { SectionRenderer }

export function renderSummary(
  report: GateReport,
  sections: SectionRenderer[] = markdownSections(),
  capabilities: readonly AnyCapability[] = CAPABILITIES
): string {
  const out: string[] = []
  out.push(`<h2>${report.verdict.stable ? '✅' : '❌'} ${verdictLine(report)}</h2>`)
  if (report.verdict.reasons.length) out.push(htmlList(report.verdict.reasons.map(r => r.message)))
  if (report.verdict.warnings.length)
    // Not "Warnings": the crate table right below has a warnings column of its own.
    out.push('<p><strong>Not blocking</strong></p>', htmlList(report.verdict.warnings.map(r => r.message)))
  if (report.crates.length) {
    const t = crateTable(report, capabilities)
    out.push(htmlTable(t.header, [...t.rows, t.total]))
  }
  for (const render of sections) {
    const md = render(report)
    if (md) out.push(`\n${md}\n`)
  }
  out.push(`<details><summary>Phases</summary>${htmlTable(PHASE_HEADER, phaseRows(report))}</details>`)
  return `${out.join('\n')}\n`
}
