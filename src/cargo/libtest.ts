// libtest's human output (stable Rust has no JSON test output). cargo runs test binaries one after
// another: each announces itself on stderr (`Running …` / `Doc-tests …`) and prints one block on
// stdout (`running N tests` … `test result:`). The two streams are read separately, so blocks are
// paired with binaries by order, which both streams preserve.

export interface TestBlock {
  tests: { name: string; outcome: 'ok' | 'failed' | 'ignored' }[]
  /** Output captured for each failing test (`---- name stdout ----`). */
  output: Map<string, string[]>
  summary: { passed: number; failed: number; ignored: number; seconds: number | null } | null
}

export type BinaryIdentity =
  { kind: 'running'; source: string; executable: string } | { kind: 'doc'; crateName: string }

const RUNNING = /^running (\d+) tests?$/
const RESULT = /^test (.+?) \.\.\. (ok|FAILED|ignored)(?:,.*)?$/
const HEADER = /^---- (.+) stdout ----$/
const SUMMARY =
  /^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored; \d+ measured; \d+ filtered out(?:; finished in ([\d.]+)s)?/

/** Reads libtest blocks from cargo test's stdout, line by line. */
export class LibtestReader {
  readonly blocks: TestBlock[] = []
  private current: TestBlock | null = null
  private capturing: string | null = null

  push(line: string): void {
    const text = line.replace(/\r$/, '')
    const running = RUNNING.exec(text)
    if (running) {
      this.current = { tests: [], output: new Map(), summary: null }
      this.blocks.push(this.current)
      this.capturing = null
      return
    }
    const block = this.current
    if (!block) return
    const summary = SUMMARY.exec(text)
    if (summary) {
      block.summary = {
        passed: Number(summary[1]),
        failed: Number(summary[2]),
        ignored: Number(summary[3]),
        seconds: summary[4] ? Number(summary[4]) : null
      }
      this.current = null
      this.capturing = null
      return
    }
    const header = HEADER.exec(text)
    if (header) {
      this.capturing = header[1]
      block.output.set(this.capturing, [])
      return
    }
    if (text === 'failures:') {
      this.capturing = null
      return
    }
    if (this.capturing !== null) {
      const lines = block.output.get(this.capturing)!
      if (lines.length < MAX_CAPTURED_LINES) lines.push(text)
      return
    }
    const result = RESULT.exec(text)
    if (result) {
      const outcome = result[2] === 'FAILED' ? 'failed' : result[2] === 'ok' ? 'ok' : 'ignored'
      // `- should panic` / `- compile fail` decorate the name here but not in the failure output.
      block.tests.push({ name: result[1].replace(/ - (should panic|compile fail)$/, ''), outcome })
    }
  }
}

// A failing test's output is kept only to find its panic message.
const MAX_CAPTURED_LINES = 200

const RUNNING_BINARY = /^\s*Running (?:unittests )?(.+?) \((.+)\)\s*$/
const DOC_TESTS = /^\s*Doc-tests (\S+)\s*$/

/** Reads which binary runs next from cargo test's stderr. */
export function binaryIdentity(line: string): BinaryIdentity | null {
  const running = RUNNING_BINARY.exec(line)
  if (running) return { kind: 'running', source: running[1], executable: running[2] }
  const doc = DOC_TESTS.exec(line)
  if (doc) return { kind: 'doc', crateName: doc[1] }
  return null
}

/**
 * The panic message of a failing test, as a user reads it: the lines after `panicked at file:l:c:`
 * (or the quoted message of the pre-1.73 format), else the first meaningful line of its output.
 */
export function panicMessage(output: string[]): string | null {
  for (let i = 0; i < output.length; i++) {
    const line = output[i]
    const old = /panicked at '(.*)', \S+:\d+:\d+$/.exec(line)
    if (old) return old[1]
    if (/panicked at .+:\d+:\d+:$/.test(line)) {
      const message: string[] = []
      for (const next of output.slice(i + 1)) {
        if (next === '' || next.startsWith('note: ') || next.startsWith('stack backtrace:')) break
        message.push(next)
      }
      return message.join('\n') || null
    }
  }
  const first = output.map(l => l.trim()).find(l => l !== '' && !l.startsWith('stack backtrace'))
  return first ?? null
}
