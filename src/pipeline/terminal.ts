// The CLI's rendering of the report: the compiler's words as cargo prints them, the per-crate table,
// every capability's lines and the verdict. Plain text: no markdown; colour only when the caller asks.
import type { AnyCapability } from '../capabilities/capability.js'
import { plainText, table } from '../report/text.js'
import { CAPABILITIES, type GateReport } from './registry.js'
import { leadLines, textSections, type SectionRenderer } from './render.js'
import { crateTable, verdictLine } from './tables.js'

export function terminalReport(
  report: GateReport,
  sections: SectionRenderer[] = textSections(),
  /** `words`: how hints name the inputs (the CLI spells them as flags). */
  options: {
    colour?: boolean
    capabilities?: readonly AnyCapability[]
    words?: (text: string) => string
  } = {}
): string {
  const words = options.words ?? ((t: string) => t)
  const capabilities = options.capabilities ?? CAPABILITIES
  const out: string[] = [...leadLines(report, options.colour ?? false, capabilities)]
  if (report.crates.length) {
    const t = crateTable(report, capabilities)
    out.push(table([t.header, ...t.rows, t.total]))
  }
  for (const s of sections) {
    const text = s(report)
    if (text) out.push('', plainText(words(text)))
  }
  out.push('', verdictLine(report))
  for (const r of report.verdict.reasons) out.push(`  ✗ ${plainText(words(r.message))}`)
  for (const w of report.verdict.warnings) out.push(`  ! ${plainText(words(w.message))}`)
  return out.join('\n').replace(/^\n+/, '')
}
