// The CLI's rendering of the report: the compiler's words as cargo prints them, the per-crate table,
// the failing tests and the verdict. Plain text: no markdown; colour only when the caller asks.
import { panicLocation } from '../capabilities/tests/panic-location.js'
import { terminalDiagnostics } from './rendered.js'
import { CRATE_HEADER, crateRows, totalRow, verdictLine } from './tables.js'
import type { GateReport } from './schema.js'

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)))
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

export type TextSection = (report: GateReport) => string | null

/** Markdown that shared wording carries (`code`, **bold**), as plain text. */
export function plainText(s: string): string {
  return s.replace(/\*\*([^*]*)\*\*/g, '$1').replace(/`([^`\n]*)`/g, '$1')
}

export function terminalReport(
  report: GateReport,
  sections: TextSection[] = [],
  /** `words`: how hints name the inputs (the CLI spells them as flags). */
  options: { colour?: boolean; words?: (text: string) => string } = {}
): string {
  const words = options.words ?? ((t: string) => t)
  const out: string[] = [...terminalDiagnostics(report, options.colour ?? false)]
  if (report.crates.length) out.push(table([CRATE_HEADER, ...crateRows(report), totalRow(report)]))
  if (report.tests.failures.length) {
    out.push('', 'Failing tests:')
    for (const f of report.tests.failures) {
      const at = panicLocation(f)
      const where = at ? ` (at ${at.file}:${at.line}${at.column ? `:${at.column}` : ''})` : ''
      out.push(
        `  ${f.crate} [${f.target}] ${f.name}${f.message ? `: ${f.message.split('\n')[0]}` : ''}${where}`
      )
    }
  }
  if (report.diagnostics.omitted)
    out.push('', `${report.diagnostics.omitted} more diagnostic(s) were counted but not kept in the report.`)
  for (const s of sections) {
    const text = s(report)
    if (text) out.push('', plainText(words(text)))
  }
  out.push('', verdictLine(report))
  for (const r of report.verdict.reasons) out.push(`  ✗ ${plainText(words(r.message))}`)
  for (const w of report.verdict.warnings) out.push(`  ! ${plainText(words(w.message))}`)
  return out.join('\n').replace(/^\n+/, '')
}
