// A flaky test's issue as GitHub shows it: title, body and comments, with hidden markers naming the test
// (crate, target and name: stable across runs) and the run that saw it (so a rerun adds nothing). Pure.
import { codeSpan, fenced, trimEnd } from '../../report/markdown.js'
import { outputTail, passedOn, type FlakyTest } from '../tests/index.js'
import { flakyMemoryLine, type FlakyMemory } from '../tracker/index.js'

export const FLAKY_LABEL = {
  name: 'flaky-test',
  color: 'fbca04',
  description: 'A test that failed, then passed when run again (kept by build-gate)'
}

/** Characters of the first failure's output an issue keeps (GitHub takes 65 536 per body). */
export const ISSUE_OUTPUT_LIMIT = 8 * 1024
/** GitHub refuses a title over 256 characters. */
const TITLE_LIMIT = 256

// Test names may hold any character (doc-tests: `src/lib.rs - f (line 3)`); encoded, none ends the comment.
const part = (s: string) => encodeURIComponent(s)

export function testMarker(t: Pick<FlakyTest, 'crate' | 'target' | 'name'>): string {
  return `<!-- build-gate:flaky-test=${part(t.crate)}/${part(t.target)}/${part(t.name)} -->`
}

export interface RunSeen {
  /** The run's page; its id stays the same when the run is re-run. */
  runUrl: string | null
  sha: string | null
  /** How often each test flaked in the last trusted runs (the tracker's run history), when kept. */
  memory?: readonly FlakyMemory[]
}

/** The marker of this run's occurrence: its run id and head commit; null when neither is known. */
export function seenMarker(run: RunSeen): string | null {
  const id = /\/actions\/runs\/(\d+)/.exec(run.runUrl ?? '')?.[1]
  const key = id ? `run/${id}${run.sha ? `@${run.sha}` : ''}` : run.sha ? `commit/${run.sha}` : null
  return key ? `<!-- build-gate:flaky-seen=${part(key)} -->` : null
}

export function issueTitle(t: Pick<FlakyTest, 'crate' | 'name'>): string {
  const title = `Flaky test: ${t.crate} ${t.name}`
  return title.length <= TITLE_LIMIT ? title : `${title.slice(0, TITLE_LIMIT - 1)}…`
}

export function issueBody(t: FlakyTest, run: RunSeen): string {
  return [
    `The test ${codeSpan(t.name)} of ${codeSpan(t.crate)} (${codeSpan(t.target)}) failed, then passed when run again alone.`,
    '',
    ...occurrence(t, run),
    '',
    'build-gate keeps this issue while the test is flaky: a later run where it flakes again adds a comment.',
    'Close it once the test is fixed; if it flakes again after that, the issue is reopened.',
    '',
    testMarker(t),
    seenMarker(run) ?? ''
  ]
    .join('\n')
    .trimEnd()
}

export function occurrenceComment(t: FlakyTest, run: RunSeen, reopened: boolean): string {
  return [
    reopened ? 'Flaky again after this issue was closed, so it is reopened.' : 'Flaky again.',
    '',
    ...occurrence(t, run),
    '',
    seenMarker(run) ?? ''
  ]
    .join('\n')
    .trimEnd()
}

/** Where it was seen, its attempts and its first failure's output, folded and bounded. */
function occurrence(t: FlakyTest, run: RunSeen): string[] {
  const where = [
    run.runUrl ? `[this run](${run.runUrl})` : 'a run',
    run.sha ? `on commit ${codeSpan(run.sha)}` : ''
  ]
    .filter(Boolean)
    .join(' ')
  const text = trimEnd(outputTail(t.firstFailure.output ?? t.firstFailure.message ?? '', ISSUE_OUTPUT_LIMIT))
  const message = t.firstFailure.message ? `: ${codeSpan(t.firstFailure.message.split('\n')[0])}` : ''
  const memory = run.memory?.find(m => m.test === `${t.crate} ${t.name}`)
  return [
    `Seen in ${where}: ${t.attempts} attempts, failed first${message}, then passed on ${passedOn(t)}.`,
    ...(memory ? ['', `Run history: ${flakyMemoryLine(memory)}.`] : []),
    ...(text
      ? ['', '<details><summary>The first failure’s output</summary>', '', ...fenced(text), '', '</details>']
      : [])
  ]
}
