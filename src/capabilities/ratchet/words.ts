// The ratchet in words, shared by its findings and its renderings.
import type { NewWarning, RatchetBase, RatchetGroup } from './section.js'

const HOW: Record<RatchetBase['how'], string> = {
  'base-commit': 'the base commit',
  'before-base': 'the latest recorded run before the base commit, which has no record',
  latest: 'the latest recorded run: git cannot tell which runs precede the base commit',
  'previous-run': 'the latest recorded run of another commit'
}

/** "1a2b3c4, 2 Dec". */
export function baseName(b: RatchetBase): string {
  const day = new Date(b.at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
  return b.sha ? `${b.sha.slice(0, 7)}, ${day}` : day
}

/** "run of 1a2b3c4, 2 Dec: the base commit". */
export function baseLine(b: RatchetBase): string {
  return `run of ${baseName(b)}: ${HOW[b.how]}`
}

export function lintName(lint: string): string {
  return lint || 'warning without a lint name'
}

/** "unused variable: `y` (src/lib.rs:7)"; `quote` marks the message up (markdown). */
export function warningText(w: NewWarning, quote: (s: string) => string = s => s): string {
  const at = w.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : ''
  return `${quote(w.message)}${at}`
}

/** "unused_variables 3 → 4: unused variable: `y` (src/lib.rs:7)". */
export function groupText(g: RatchetGroup): string {
  const named = g.added.slice(0, 3).map(w => warningText(w))
  const rest = g.added.length - named.length + g.unnamed
  const tail = rest > 0 ? `${named.length ? ' and ' : ''}${`${rest} more`}` : ''
  return `${lintName(g.lint)} ${g.base} → ${g.now}${named.length || tail ? ': ' : ''}${named.join(', ')}${tail}`
}
