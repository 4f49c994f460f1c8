// A failing test's captured output can be megabytes (a chatty test, a dumped fixture): the report,
// the summary and the annotations need its end, where the panic is, not all of it.

/** Characters of a failure's output kept in the report. */
export const FAILURE_OUTPUT_LIMIT = 64 * 1024

/** The end of `text` within `limit` characters, from a line start, after a note of what was left out. */
export function outputTail(text: string, limit = FAILURE_OUTPUT_LIMIT): string {
  if (text.length <= limit) return text
  const cut = text.length - limit
  const lineStart = text.indexOf('\n', cut)
  const from = lineStart === -1 || lineStart - cut > limit / 2 ? cut : lineStart + 1
  return `[… ${from} earlier characters of output left out]\n${text.slice(from)}`
}
