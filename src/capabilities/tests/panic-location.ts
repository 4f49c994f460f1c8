// Where a failing test panicked, read from the text libtest printed for it:
// `thread 'x' panicked at src/lib.rs:42:5:` (Rust ≥ 1.73) or `panicked at 'msg', src/lib.rs:42:5` (older).
// A doc-test's panic points into the generated test, so its location is the doc-test's own line.
import type { TestFailure } from './section.js'

export interface PanicLocation {
  file: string
  line: number
  column: number | null
}

const CURRENT = /panicked at (.+?):(\d+):(\d+):?\s*$/m
const OLD = /panicked at '.*', (.+?):(\d+):(\d+)\s*$/m
const DOC_TEST = /^(.+?) - .* \(line (\d+)\)$/

export function panicLocation(
  failure: Pick<TestFailure, 'target' | 'name' | 'message' | 'output'>
): PanicLocation | null {
  if (failure.target === 'doc') {
    const doc = DOC_TEST.exec(failure.name)
    return doc ? { file: doc[1], line: Number(doc[2]), column: null } : null
  }
  for (const text of [failure.output, failure.message]) {
    if (!text) continue
    const m = OLD.exec(text) ?? CURRENT.exec(text)
    if (m) return { file: m[1], line: Number(m[2]), column: Number(m[3]) }
  }
  return null
}
