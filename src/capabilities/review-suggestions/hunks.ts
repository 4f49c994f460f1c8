// The lines of a pull request's diff that can carry a review comment: the right side (the head's
// version) of each hunk of GitHub's `patch`, added lines and context lines alike, with their text.
export interface RightLine {
  text: string
  /** The pull request added (or changed) this line; false for a context line. */
  added: boolean
  /** Which hunk of the file's patch it is in: a comment's lines must all be in one. */
  hunk: number
}

const HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/** Right-side lines by line number. A patch it cannot read gives no lines (nothing is commented). */
export function rightLines(patch: string): Map<number, RightLine> {
  const lines = new Map<number, RightLine>()
  let hunk = -1
  let next = 0
  for (const raw of patch.split('\n')) {
    const header = HEADER.exec(raw)
    if (header) {
      hunk++
      next = Number(header[1])
      continue
    }
    if (hunk < 0) continue
    const mark = raw[0]
    if (mark === '+' || mark === ' ') lines.set(next++, { text: raw.slice(1), added: mark === '+', hunk })
    // '-' is the left side only; '\' is "\ No newline at end of file".
  }
  return lines
}
