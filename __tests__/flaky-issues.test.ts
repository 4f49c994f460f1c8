// Issues for flaky tests against the local GitHub API over real HTTP, through the project's client: one
// open issue per test with its attempts and first failure, one comment per later run, nothing on a rerun
// of the same run, a closed issue reopened (not one closed as not planned), no duplicate after a write
// GitHub applied but answered with an error, racing runs converge, untrusted runs write nothing. The
// oracle is the repository's state as the API holds it (issues, comments, labels) and its request log.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createClient, type ClientOptions } from '../src/github/client.js'
import type { RunContext } from '../src/github/context.js'
import { keepFlakyIssues } from '../src/capabilities/flaky-issues/sync.js'
import { flakyIssuesMarkdown, flakyIssuesText } from '../src/capabilities/flaky-issues/render.js'
import { ISSUE_OUTPUT_LIMIT } from '../src/capabilities/flaky-issues/issue.js'
import type { FlakyTest } from '../src/capabilities/tests/index.js'
import { parseCommandLine } from '../src/cli/flags.js'
import { parseConfig } from '../src/pipeline/config.js'
import { startGitHubApi, type Fault, type GitHubApi } from './support/github-api/index.js'
import { runContext } from './support/roadmap-harness.js'

const OUTPUT = [
  "thread 'tests::test_registry_cleanup_functionality' panicked at crates/toka-kernel/src/lib.rs:41:9:",
  'assertion `left == right` failed: registry not empty after cleanup',
  '  left: 1',
  ' right: 0'
].join('\n')

const registry: FlakyTest = {
  crate: 'toka-kernel',
  target: 'lib',
  name: 'tests::test_registry_cleanup_functionality',
  attempts: 2,
  retries: 2,
  firstFailure: {
    message: 'assertion `left == right` failed: registry not empty after cleanup',
    output: OUTPUT
  }
}
const doc: FlakyTest = {
  crate: 'toka-store',
  target: 'doc',
  name: 'src/lib.rs - Store::open (line 12)',
  attempts: 3,
  retries: 2,
  firstFailure: { message: null, output: 'error: test failed, to rerun pass `--doc`' }
}

let api: GitHubApi
let logs: string[]
beforeEach(async () => {
  api = await startGitHubApi({ owner: 'toka', repo: 'toka', tokens: { t: 'write', ro: 'read' } })
  logs = []
})
afterEach(async () => api.close())

interface RunOptions {
  runId?: string
  sha?: string
  event?: string
  pr?: { number: number; fork: boolean }
  token?: string | null
  client?: ClientOptions
  shard?: { index: number; total: number }
  dryRun?: boolean
  memory?: { test: string; flaky: number; of: number }[]
  ref?: string
}

const context = (o: RunOptions): RunContext =>
  runContext(api, o.pr ? 'pull_request' : (o.event ?? 'schedule'), o.pr ?? null, {
    GITHUB_SHA: o.sha ?? 'c0ffee1',
    GITHUB_RUN_ID: o.runId ?? '1001',
    GITHUB_SERVER_URL: 'https://github.com',
    ...(o.ref ? { GITHUB_REF: o.ref } : {})
  })

function keep(flaky: FlakyTest[], o: RunOptions = {}) {
  const token = o.token === undefined ? 't' : o.token
  return keepFlakyIssues({
    flaky,
    memory: o.memory,
    ctx: context(o),
    client: token ? createClient(token, { baseUrl: api.url, log: l => logs.push(l), ...o.client }) : null,
    dryRun: o.dryRun ?? false,
    shard: o.shard ?? null,
    log: l => logs.push(l)
  })
}

const MARKER = '<!-- build-gate:flaky-test=toka-kernel/lib/tests%3A%3Atest_registry_cleanup_functionality -->'
const flakyLabelled = () =>
  api.state.issues.filter(i => api.state.labelNames(i).includes('flaky-test') && i.body?.includes(MARKER))
const openIssues = () => flakyLabelled().filter(i => i.state === 'open')
const commentsOn = (n: number) => api.state.comments.filter(c => c.issueNumber === n)
const posts = (suffix: string) =>
  api.requests.filter(r => r.method === 'POST' && r.path.split('?')[0].endsWith(suffix))
const ISSUES = '/repos/toka/toka/issues'

describe('a trusted run with a flaky test', () => {
  it('opens one issue: the label made, a title naming crate and test, the attempts and the first failure folded', async () => {
    const kept = await keep([registry])
    expect(api.state.findLabel('flaky-test')).toMatchObject({ color: 'fbca04' })
    expect(api.state.issues).toHaveLength(1)
    const [issue] = api.state.issues
    expect(issue.title).toBe('Flaky test: toka-kernel tests::test_registry_cleanup_functionality')
    expect(api.state.labelNames(issue)).toEqual(['flaky-test'])
    expect(issue.body).toContain('2 attempts')
    expect(issue.body).toContain('passed on retry 1 of 2')
    expect(issue.body).toContain('https://github.com/toka/toka/actions/runs/1001')
    expect(issue.body).toMatch(/<details><summary>The first failure’s output<\/summary>\n\n```text\n/)
    expect(issue.body).toContain(OUTPUT)
    expect(issue.body).toContain(MARKER)
    expect(kept.section).toMatchObject({ mode: 'apply', appliedWrites: 2 })
    expect(kept.section.issues).toEqual([
      {
        test: 'toka-kernel tests::test_registry_cleanup_functionality',
        action: 'opened',
        number: issue.number,
        url: `https://github.com/toka/toka/issues/${issue.number}`
      }
    ])
    expect(kept.warnings).toEqual([])
    expect(flakyIssuesMarkdown(kept.section)).toContain(
      `toka-kernel tests::test_registry_cleanup_functionality: opened <a href="https://github.com/toka/toka/issues/${issue.number}">#${issue.number}</a>`
    )
    expect(flakyIssuesText(kept.section)[1]).toBe(
      `  toka-kernel tests::test_registry_cleanup_functionality: opened #${issue.number} (https://github.com/toka/toka/issues/${issue.number})`
    )
  })

  it('a rerun of the same run adds nothing; a later run adds one comment, and its rerun nothing', async () => {
    await keep([registry])
    api.resetLog()
    const rerun = await keep([registry])
    expect(api.writes()).toBe(0)
    expect(rerun.section.issues[0].action).toBe('recorded')

    const later = await keep([registry], { runId: '1002', sha: 'beef002' })
    expect(api.writes()).toBe(1)
    const [issue] = api.state.issues
    expect(later.section.issues[0]).toMatchObject({ action: 'commented', number: issue.number })
    expect(later.section.appliedWrites).toBe(1)
    expect(commentsOn(issue.number)[0].body.split('\n')[0]).toBe('Flaky again.')
    expect(commentsOn(issue.number)).toHaveLength(1)
    expect(commentsOn(issue.number)[0].body).toContain('actions/runs/1002')
    expect(commentsOn(issue.number)[0].body).toContain(OUTPUT)

    api.resetLog()
    await keep([registry], { runId: '1002', sha: 'beef002' })
    expect(api.writes()).toBe(0)
    expect(commentsOn(issue.number)).toHaveLength(1)
    expect(api.state.issues).toHaveLength(1)
  })

  it('says how often the test flaked lately when the run history counts it', async () => {
    const test = 'toka-kernel tests::test_registry_cleanup_functionality'
    await keep([registry], { memory: [{ test, flaky: 3, of: 20 }] })
    expect(api.state.issues[0].body).toContain(
      `Run history: ${test}: flaky in 3 of the last 20 trusted runs.`
    )
    await keep([registry], { runId: '1002', memory: [{ test, flaky: 4, of: 20 }] })
    expect(api.state.comments[0].body).toContain('flaky in 4 of the last 20 trusted runs')
  })

  it('one issue per test: a doc-test gets its own, told apart from the other by its marker', async () => {
    await keep([registry, doc])
    expect(api.state.issues.map(i => i.title).sort()).toEqual([
      'Flaky test: toka-kernel tests::test_registry_cleanup_functionality',
      'Flaky test: toka-store src/lib.rs - Store::open (line 12)'
    ])
    api.resetLog()
    await keep([doc, registry], { runId: '1002' })
    // One comment on each, none crossed.
    for (const i of api.state.issues) expect(commentsOn(i.number)).toHaveLength(1)
    expect(posts('/comments')).toHaveLength(2)
  })

  it('keeps the end of a huge first failure, within the bound', async () => {
    const chatty = {
      ...registry,
      firstFailure: { message: 'boom', output: `${'noise line\n'.repeat(20_000)}${OUTPUT}` }
    }
    await keep([chatty])
    const body = api.state.issues[0].body!
    expect(body.length).toBeLessThan(ISSUE_OUTPUT_LIMIT + 2_000)
    expect(body).toContain(OUTPUT)
    expect(body).toMatch(/\[… \d+ earlier characters of output left out\]/)
  })
})

describe('a closed issue for the same test', () => {
  it('closed as completed: reopened with one comment saying so; a rerun adds nothing', async () => {
    await keep([registry])
    const issue = api.state.issues[0]
    issue.state = 'closed'
    issue.stateReason = 'completed'
    const kept = await keep([registry], { runId: '1002' })
    expect(issue.state).toBe('open')
    expect(kept.section.issues[0]).toMatchObject({ action: 'reopened', number: issue.number })
    expect(kept.section.appliedWrites).toBe(2)
    expect(commentsOn(issue.number).map(c => c.body.split('\n')[0])).toEqual([
      'Flaky again after this issue was closed, so it is reopened.'
    ])
    expect(api.state.issues).toHaveLength(1)
    api.resetLog()
    const rerun = await keep([registry], { runId: '1002' })
    expect(api.writes()).toBe(0)
    expect(rerun.section.issues[0].action).toBe('recorded')
  })

  it('closed, then the run that opened it is re-run: reopened, without a comment (its occurrence is in the body)', async () => {
    await keep([registry])
    const issue = api.state.issues[0]
    issue.state = 'closed'
    issue.stateReason = 'completed'
    const rerun = await keep([registry])
    expect(issue.state).toBe('open')
    expect(commentsOn(issue.number)).toEqual([])
    expect(rerun.section).toMatchObject({
      appliedWrites: 1,
      issues: [{ action: 'reopened', number: issue.number }]
    })
  })

  it('closed as not planned: left closed, nothing written', async () => {
    await keep([registry])
    const issue = api.state.issues[0]
    issue.state = 'closed'
    issue.stateReason = 'not_planned'
    api.resetLog()
    const kept = await keep([registry], { runId: '1002' })
    expect(api.writes()).toBe(0)
    expect(issue.state).toBe('closed')
    expect(kept.section.issues[0]).toMatchObject({ action: 'left-closed', number: issue.number })
    expect(flakyIssuesText(kept.section)[1]).toContain('left closed (closed as not planned)')
    expect(logs).toContain(
      '= flaky-test issue of toka-kernel tests::test_registry_cleanup_functionality (nothing to add)'
    )
  })
})

describe('a write GitHub applied but answered with an error', () => {
  it.each<[string, Fault, ClientOptions?]>([
    ['a 502', { status: 502 }],
    ['a dropped connection', { reset: true }]
  ])('creating the issue, then %s: found by its marker, not created twice', async (_n, fault) => {
    api.fault({ method: 'POST', path: ISSUES, afterApply: true, ...fault })
    const kept = await keep([registry])
    expect(api.state.issues).toHaveLength(1)
    expect(posts('/issues')).toHaveLength(1)
    expect(kept.section.issues[0].action).toBe('opened')
    expect(logs.some(l => /may have failed; looking for it before trying again/.test(l))).toBe(true)
  })

  it('creating the issue times out and GitHub applies it late: one issue stays open, the other closed and unlabelled', async () => {
    api.fault({ method: 'POST', path: ISSUES, afterApply: true, delayMs: 1_300 })
    const kept = await keep([registry], { client: { requestTimeoutSeconds: 1 } })
    expect(openIssues()).toHaveLength(1)
    expect(kept.section.issues[0]).toMatchObject({ number: openIssues()[0].number })
    for (const i of api.state.issues.filter(x => x.state === 'closed')) {
      expect(i.stateReason).toBe('not_planned')
      expect(i.labelIds).toEqual([])
    }
  })

  it('a comment applied but answered 502 is not posted twice', async () => {
    await keep([registry])
    api.fault({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 502, afterApply: true })
    const kept = await keep([registry], { runId: '1002' })
    expect(commentsOn(api.state.issues[0].number)).toHaveLength(1)
    expect(posts('/comments')).toHaveLength(1)
    expect(kept.section.issues[0].action).toBe('commented')
  })

  it('creating the label answered 502 after it was made: the label is there once, the issue made', async () => {
    api.fault({ method: 'POST', path: '/repos/toka/toka/labels', status: 502, afterApply: true })
    await keep([registry])
    expect(api.state.labels.filter(l => l.name === 'flaky-test')).toHaveLength(1)
    expect(posts('/labels')).toHaveLength(1)
    expect(api.state.issues).toHaveLength(1)
  })
})

describe('a write GitHub refused', () => {
  it.each([409, 422])(
    'HTTP %i on the issue: not sent again, said as a warning with the request; the next run opens one',
    async code => {
      api.fault({ method: 'POST', path: ISSUES, status: code })
      const kept = await keep([registry, doc])
      expect(posts('/issues')).toHaveLength(1)
      expect(api.state.issues).toHaveLength(0)
      expect(kept.section.error).toMatch(new RegExp(`HTTP ${code}`))
      expect(kept.section.issues.map(i => i.action)).toEqual(['not-written', 'not-written'])
      expect(kept.warnings).toHaveLength(1)
      expect(kept.warnings[0]).toMatch(/^Flaky-test issues: GitHub .*creat.*issue/i)
      await keep([registry, doc])
      expect(api.state.issues).toHaveLength(2)
    }
  )

  it('a read-only token: report only, the permission named, nothing written, no warning', async () => {
    const kept = await keep([registry], { token: 'ro' })
    expect(api.writes()).toBe(0)
    expect(kept.section.mode).toBe('report-only')
    expect(kept.section.note).toMatch(/token may not write .*issues: write/)
    expect(kept.warnings).toEqual([])
  })
})

describe('two runs at once', () => {
  it('both create: one issue stays open, the other closed; the second run’s occurrence is one comment on it', async () => {
    api.fault({ method: 'POST', path: ISSUES, gather: 2 })
    const [a, b] = await Promise.all([keep([registry]), keep([registry], { runId: '1002', sha: 'beef002' })])
    // Both created (the race happened), and converged.
    expect(posts('/issues').map(r => r.status)).toEqual([201, 201])
    expect(openIssues()).toHaveLength(1)
    const kept = openIssues()[0]
    expect(kept.number).toBe(Math.min(...api.state.issues.map(i => i.number)))
    const closed = api.state.issues.find(i => i.number !== kept.number)!
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'not_planned', labelIds: [] })
    expect(commentsOn(kept.number)).toHaveLength(1)
    expect(commentsOn(closed.number)).toHaveLength(0)
    expect([a, b].map(k => k.section.issues[0].number)).toEqual([kept.number, kept.number])
    expect(api.state.labels.filter(l => l.name === 'flaky-test')).toHaveLength(1)
  })

  it('duplicates a race left behind are closed by the next run, the oldest kept', async () => {
    await keep([registry])
    const first = api.state.issues[0]
    const dup = api.state.addIssue({ title: first.title, body: first.body!, labels: ['flaky-test'] })
    const human = api.state.addIssue({ title: 'Flaky?', body: 'by hand', labels: ['flaky-test'] })
    const next = await keep([registry], { runId: '1002' })
    expect([first.state, dup.state, human.state]).toEqual(['open', 'closed', 'open'])
    // The duplicate closed, the occurrence commented.
    expect(next.section.appliedWrites).toBe(2)
    expect(logs).toContain('✓ flaky-test issue of toka-kernel tests::test_registry_cleanup_functionality')
    expect(commentsOn(first.number)).toHaveLength(1)
  })
})

describe('runs that must not write', () => {
  it.each<[string, RunOptions, RegExp]>([
    [
      'a fork’s pull request',
      { pr: { number: 7, fork: true } },
      /pull request #7 from a fork: only a trusted run/
    ],
    ['a pull request', { pr: { number: 8, fork: false } }, /pull request #8: only a trusted run/],
    [
      'a workflow_dispatch on another branch',
      { event: 'workflow_dispatch', ref: 'refs/heads/feature' },
      /^workflow_dispatch on refs\/heads\/feature, not the default branch \(main\): only a trusted run/
    ],
    ['a run without a token', { token: null }, /no GitHub token/],
    ['a shard', { shard: { index: 2, total: 4 } }, /shard 2 of 4: the merge job keeps/],
    ['a dry run', { dryRun: true }, /dry run/]
  ])('%s: no request at all, and the summary says why', async (_n, o, why) => {
    const kept = await keep([registry], o)
    expect(api.requests).toEqual([])
    expect(kept.section.mode).toBe('report-only')
    expect(kept.section.note).toMatch(why)
    expect(kept.section.issues.map(i => i.action)).toEqual(['not-written'])
    expect(flakyIssuesMarkdown(kept.section)).toContain('Report only:')
  })
})

describe('the switch', () => {
  it('is off unless asked for, in the action and on the command line (--flaky-issues, --no-flaky-issues)', () => {
    const read = (argv: string[]) => {
      const c = parseCommandLine(argv)
      if (c.kind !== 'run') throw new Error(c.kind)
      return parseConfig(n => c.inputs.get(n) ?? '', 'cli', '.').flakyIssues
    }
    expect(read([])).toBe(false)
    expect(read(['--flaky-issues'])).toBe(true)
    expect(read(['--no-flaky-issues'])).toBe(false)
    expect(() => parseConfig(n => (n === 'flaky-issues' ? 'sometimes' : ''), 'action', '.')).toThrow(
      /flaky-issues/
    )
  })
})
