// Plain text for the terminal: aligned tables, and markdown's marks taken off shared wording.

/** Rows (the first one the header) with the first column left-aligned and the others right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)))
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

/** Markdown that shared wording carries (`code`, **bold**), as plain text. */
export function plainText(s: string): string {
  return s.replace(/\*\*([^*]*)\*\*/g, '$1').replace(/`([^`\n]*)`/g, '$1')
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Seconds with two decimals; '–' when unknown. */
export function seconds(n: number, unknown: boolean): string {
  return unknown ? '–' : n.toFixed(2)
}
