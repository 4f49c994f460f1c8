// GitHub refuses a job summary over 1 MiB (and a comment over 65 536 characters). A summary that
// would be larger is cut at a line, with every open code fence and <details> block closed, the
// verdict (at the top) kept, and a note saying where the rest is.

export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** `limit` counts UTF-8 bytes; pass `chars` for limits counted in characters (comments). */
export function fitToLimit(
  text: string,
  limit: number,
  note: (shownBytes: number, totalBytes: number) => string,
  measure: (s: string) => number = s => Buffer.byteLength(s, 'utf8')
): string {
  const total = measure(text)
  if (total <= limit) return text
  // Room for the note and the closing tags, whatever the numbers printed in it.
  const budget = limit - measure(note(total, total)) - 4096
  const kept: string[] = []
  let size = 0
  let fence: string | null = null
  let details = 0
  for (const line of text.split('\n')) {
    const next = measure(line) + 1
    if (size + next > budget) {
      // One huge HTML table (thousands of crates) keeps the rows that fit.
      const rows = cutTable(line, budget - size - 1, measure)
      if (rows) {
        kept.push(rows)
        size += measure(rows) + 1
      }
      break
    }
    kept.push(line)
    size += next
    const f = /^\s*(`{3,}|~{3,})/.exec(line)
    if (f && fence === null) fence = f[1]
    else if (fence !== null && line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '')
      fence = null
    else if (fence === null) {
      details += (line.match(/<details[\s>]/g) ?? []).length
      details -= (line.match(/<\/details>/g) ?? []).length
    }
  }
  const closing = [...(fence ? [fence] : []), ...new Array<string>(Math.max(0, details)).fill('</details>')]
  return [...kept, ...closing, '', note(size, total), ''].join('\n')
}

/** The table's opening and the whole rows that fit in `room`, closed again; null when none fits. */
function cutTable(line: string, room: number, measure: (s: string) => number): string | null {
  const close = '</table>'
  const first = line.indexOf('</tr>')
  if (!line.startsWith('<table>') || first === -1) return null
  let end = -1
  let size = measure(close)
  for (let at = first; at !== -1; at = line.indexOf('</tr>', at + 5)) {
    size += measure(line.slice(end === -1 ? 0 : end, at + 5))
    if (size > room) break
    end = at + 5
  }
  return end === -1 ? null : `${line.slice(0, end)}${close}`
}

export function summaryTruncationNote(reportName: string): (shown: number, total: number) => string {
  return (shown, total) =>
    `> [!WARNING]\n> This summary was cut at GitHub's 1 MiB limit: ${kib(shown)} of ${kib(total)} shown. ` +
    `Everything is in the JSON report (\`${reportName}\`).`
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`
}
