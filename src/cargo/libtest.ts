// libtest's JSON events (`-Z unstable-options --format json`, enabled on stable by RUSTC_BOOTSTRAP=1
// for the test run only). cargo runs the test binaries one after another; each prints one suite on
// stdout and is announced on stderr (`Running …` / `Doc-tests …`), so suites pair with binaries by order.
//
// A test's own output is not libtest's: captured output travels inside an event's `stdout` field, and
// anything that leaks to fd 1 (--nocapture, a child process, a raw write) is at most a stray line.
// Human-readable lines (`test result: ok. 999 passed`) are never read. A stray line that looks like an
// event breaks the suite's own bookkeeping (a test finished twice or never started, counts that do not
// add up to `test_count`), which makes the suite untrusted instead of changing its tally.

export type TestOutcome = 'ok' | 'failed' | 'ignored'

export interface SuiteTest {
  name: string
  outcome: TestOutcome | null
  /** Captured output of a failing test (libtest keeps it only for failures). */
  stdout: string | null
}

export interface Suite {
  testCount: number
  tests: SuiteTest[]
  /** libtest's closing event; null when the binary stopped before it (crashed, killed). */
  summary: {
    ok: boolean
    passed: number
    failed: number
    ignored: number
    measured: number
    seconds: number | null
  } | null
  /** Events that contradict the suite's own bookkeeping. */
  anomalies: string[]
}

export type BinaryIdentity =
  { kind: 'running'; source: string; executable: string } | { kind: 'doc'; crateName: string }

type Event = Record<string, unknown> & { type: string; event: string }

const OUTCOMES: Record<string, TestOutcome> = { ok: 'ok', failed: 'failed', ignored: 'ignored' }

/** Reads libtest's JSON suites from the test run's stdout, line by line. */
export class LibtestJsonReader {
  readonly suites: Suite[] = []
  /** Events that arrived outside any suite (a test printing libtest-like JSON between binaries). */
  readonly orphans: string[] = []
  private current: Suite | null = null

  push(line: string): void {
    const event = parseEvent(line)
    if (!event) return
    if (event.type === 'suite' && event.event === 'started') {
      if (this.current) this.current.anomalies.push('a new suite started before this one finished')
      const count = event.test_count
      this.current = {
        testCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : -1,
        tests: [],
        summary: null,
        anomalies: []
      }
      this.suites.push(this.current)
      return
    }
    const suite = this.current
    if (!suite) {
      if (event.type === 'suite' || event.type === 'test') this.orphans.push(line.slice(0, 200))
      return
    }
    if (event.type === 'suite') this.finishSuite(suite, event)
    else if (event.type === 'test') this.testEvent(suite, event)
  }

  private finishSuite(suite: Suite, event: Event): void {
    const n = (k: string) => (typeof event[k] === 'number' ? (event[k] as number) : NaN)
    if (event.event !== 'ok' && event.event !== 'failed') {
      suite.anomalies.push(`unknown suite event ${JSON.stringify(event.event)}`)
      return
    }
    const seconds = n('exec_time')
    suite.summary = {
      ok: event.event === 'ok',
      passed: n('passed'),
      failed: n('failed'),
      ignored: n('ignored'),
      measured: n('measured'),
      seconds: Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : null
    }
    this.current = null
  }

  private testEvent(suite: Suite, event: Event): void {
    const name = typeof event.name === 'string' ? event.name : null
    if (name === null) {
      suite.anomalies.push('a test event without a name')
      return
    }
    const test = suite.tests.find(t => t.name === name)
    if (event.event === 'started') {
      if (test) suite.anomalies.push(`test ${name} started twice`)
      else suite.tests.push({ name, outcome: null, stdout: null })
      return
    }
    // `timeout` warns that a test runs for over 60 s; it is not an outcome.
    if (event.event === 'timeout') return
    const outcome = OUTCOMES[event.event]
    if (!outcome) {
      suite.anomalies.push(`test ${name}: unknown event ${JSON.stringify(event.event)}`)
      return
    }
    if (!test) suite.anomalies.push(`test ${name} finished without having started`)
    else if (test.outcome) {
      suite.anomalies.push(`test ${name} finished twice`)
      // One of the two is not libtest's; which, cannot be told: keep the failure (fail closed).
      if (outcome === 'failed') Object.assign(test, { outcome, stdout: stdoutOf(event) })
    } else {
      test.outcome = outcome
      test.stdout = stdoutOf(event)
    }
  }
}

function stdoutOf(event: Event): string | null {
  return typeof event.stdout === 'string' ? event.stdout : null
}

/** An object with libtest's `type` and `event` keys, else null (a test's own output). */
function parseEvent(line: string): Event | null {
  const text = line.trim()
  if (!text.startsWith('{') || !text.includes('"type"')) return null
  try {
    const v = JSON.parse(text) as unknown
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null
    const e = v as Event
    return typeof e.type === 'string' && typeof e.event === 'string' ? e : null
  } catch {
    return null
  }
}

/**
 * What is wrong with a finished suite's bookkeeping, or null: every started test finished once, the
 * tally of the test events is the one libtest closed with, and it adds up to the announced test count.
 */
export function suiteInconsistency(suite: Suite): string | null {
  if (suite.anomalies.length > 0) return suite.anomalies[0]
  const s = suite.summary
  if (!s) return null
  const count = (o: TestOutcome) => suite.tests.filter(t => t.outcome === o).length
  const unfinished = suite.tests.find(t => t.outcome === null)
  if (unfinished) return `test ${unfinished.name} never finished`
  const own = { passed: count('ok'), failed: count('failed'), ignored: count('ignored') }
  if (own.passed !== s.passed || own.failed !== s.failed || own.ignored !== s.ignored)
    return `the suite reported ${s.passed} passed, ${s.failed} failed, ${s.ignored} ignored, but its tests ${own.passed}, ${own.failed}, ${own.ignored}`
  if (s.passed + s.failed + s.ignored + s.measured !== suite.testCount)
    return `the suite announced ${suite.testCount} tests and reported ${s.passed + s.failed + s.ignored + s.measured}`
  if (s.ok !== (s.failed === 0))
    return `the suite reported ${s.ok ? 'ok' : 'failed'} with ${s.failed} failures`
  return null
}

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

const RERUN = /^error: (?:test|doctest) failed, to rerun pass `(.+)`\s*$/

/**
 * cargo's own word that a test target failed (`error: test failed, to rerun pass \`-p app --lib\``),
 * printed on stderr after the binary exits, as `-p <package> --lib|--doc|--<kind> <name>`.
 */
export function failedTarget(line: string): string | null {
  const m = RERUN.exec(line)
  return m ? m[1].trim() : null
}

/**
 * What one `cargo test` run says, read as it comes: libtest's events on stdout; on stderr, which binary
 * runs next and the targets cargo says failed. The test run and each retry read it the same way.
 */
export function testRunReader() {
  const libtest = new LibtestJsonReader()
  const identities: BinaryIdentity[] = []
  const failedTargets: string[] = []
  return {
    onOtherStdout: (line: string) => libtest.push(line),
    onStderr: (line: string) => {
      const id = binaryIdentity(line)
      if (id) identities.push(id)
      const failed = failedTarget(line)
      if (failed) failedTargets.push(failed)
    },
    read: () => ({ suites: libtest.suites, orphans: libtest.orphans, identities, failedTargets })
  }
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
