// rustc's machine-applicable suggestions as one review of suggested changes, through the CLI with the
// event a workflow gives it, against the local GitHub API seeded with git's own diff of a repository
// the test makes. Oracles: git (which lines the pull request added), cargo (the suggestions, applied,
// leave no warning behind; `cargo fix` makes the very same file) and the API's checks of each comment
// against the diff (GitHub's 422 for a line outside it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { gitIn } from './support/git.js'
import {
  reviewSuggestions,
  type ReviewSuggestionsOutcome
} from '../src/capabilities/review-suggestions/index.js'
import type { SyncPorts } from '../src/capabilities/capability.js'
import { createClient } from '../src/github/client.js'
import { readRunContext } from '../src/github/context.js'
import { cli } from './support/cli-runner.js'
import { startGitHubApi, type GitHubApi, type Review } from './support/github-api/index.js'
import { addedLines, pullFilesFromGit } from './support/pull-files.js'

const BASE_LIB = `pub mod more;

pub fn base() -> u32 {
    1
}
`
const HEAD_LIB = `use std::fmt;
pub mod more;

pub fn base() -> u32 {
    1
}

pub fn added() -> u32 {
    let x = 1;
    let mut y = 2;
    let v = (
        y + 1
    );
    v
}
`
const B_LIB = 'pub fn b() -> u32 {\n    let unused = 1;\n    1\n}\n'
// A warning the pull request did not write, on a context line of its diff.
const BASE_MORE = `pub fn more() -> u32 {
    let old = 0;
    1
}
`
const HEAD_MORE = `pub fn more() -> u32 {
    let old = 0;
    2
}
`

const dir = mkdtempSync(path.join(tmpdir(), 'gate-review-'))
const repo = path.join(dir, 'repo')
// The workspace lives in a folder of the repository: review paths are the repository's.
const ws = path.join(repo, 'rust')
let api: GitHubApi
let base: string
let head: string
/** The first run's exit status: a review, posted or not, never changes it. */
let verdictCode: number

const git = (...args: string[]) => gitIn(repo, ...args)

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
    writeFileSync(path.join(repo, file), text)
  }
}

function commit(message: string): string {
  git('add', '-A')
  git('commit', '-q', '-m', message)
  return git('rev-parse', 'HEAD')
}

/** One gate run on pull request `number`, its head checked out; `fork`: the head lives in a fork. */
async function gate(number: number, options: { fork?: boolean; token?: string; args?: string[] } = {}) {
  const eventPath = path.join(dir, 'event.json')
  const headRepo = options.fork ? 'someone/octo-repo' : 'octo-org/octo-repo'
  writeFileSync(
    eventPath,
    JSON.stringify({
      repository: { default_branch: 'main' },
      pull_request: {
        number,
        head: {
          ref: 'change',
          sha: git('rev-parse', 'HEAD'),
          repo: { full_name: headRepo, fork: !!options.fork }
        },
        base: { ref: 'main', sha: base, repo: { full_name: 'octo-org/octo-repo' } }
      }
    })
  )
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: `refs/pull/${number}/merge`,
    GITHUB_SHA: git('rev-parse', 'HEAD'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: repo
  }
  const saved = Object.fromEntries(Object.keys(env).map(k => [k, process.env[k]]))
  Object.assign(process.env, env)
  const reportPath = path.join(dir, 'report.json')
  try {
    const run = await cli([
      '--working-directory',
      ws,
      '--report-path',
      reportPath,
      '--baseline-path',
      path.join(dir, 'baseline.json'),
      '--history-path',
      path.join(dir, 'history.json'),
      '--run-tests',
      'false',
      '--public-api',
      'off',
      '--github-token',
      options.token ?? 'rw',
      '--review-suggestions',
      'true',
      ...(options.args ?? [])
    ])
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      reviewSuggestions?: ReviewSuggestionsOutcome
      verdict: { stable: boolean }
      diagnostics: unknown
    }
    return { ...run, report }
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
  }
}

/** The text of a comment's suggestion block; '' deletes its lines. */
function suggestionOf(body: string): string {
  const m = /^(`{3,})suggestion\n([\s\S]*?)^\1$/m.exec(body)
  if (!m) throw new Error(`no suggestion block in ${body}`)
  return m[2].replace(/\n$/, '')
}

/** A file of the head with each comment's suggestion applied, bottom to top (as GitHub's batch does). */
function applied(text: string, review: Review, file: string): string {
  const lines = text.split('\n')
  const comments = review.comments.filter(c => c.path === file).sort((a, b) => b.line - a.line)
  for (const c of comments) {
    const from = c.startLine ?? c.line
    const s = suggestionOf(c.body)
    lines.splice(from - 1, c.line - from + 1, ...(s === '' ? [] : s.split('\n')))
  }
  return lines.join('\n')
}

/** cargo's warnings of a workspace: crate-relative file, line and message. */
function warnings(root: string): string[] {
  const out = execFileSync('cargo', ['check', '--workspace', '--message-format=json', '--quiet'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TARGET_DIR: path.join(dir, 'oracle-target') }
  })
  return out
    .split('\n')
    .filter(l => l.includes('"reason":"compiler-message"'))
    .map(
      l => JSON.parse(l) as { message: { level: string; message: string; spans: { file_name: string }[] } }
    )
    .filter(m => m.message.level === 'warning' && m.message.spans.length)
    .map(m => `${m.message.spans[0].file_name}: ${m.message.message}`)
    .sort()
}

beforeAll(async () => {
  api = await startGitHubApi({ tokens: { rw: 'write', ro: 'read' } })
  write({
    'rust/Cargo.toml': '[workspace]\nmembers = ["a", "b"]\nresolver = "2"\n',
    'rust/a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n',
    'rust/b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n',
    // A file the pull request does not change, with a suggestion of its own.
    'rust/b/src/lib.rs': B_LIB,
    'rust/a/src/lib.rs': BASE_LIB,
    'rust/a/src/more.rs': BASE_MORE,
    '.gitignore': 'target\nCargo.lock\n'
  })
  git('init', '-q', '-b', 'main')
  base = commit('base')
  git('checkout', '-q', '-b', 'change')
  write({ 'rust/a/src/lib.rs': HEAD_LIB, 'rust/a/src/more.rs': HEAD_MORE })
  head = commit('change')
  api.state.addBranch('change', head)
  const pr = api.state.addPullRequest({ title: 'change', head: 'change', base: 'main' })
  expect(pr.number).toBe(1)
  api.state.pullFiles.set(pr.number, pullFilesFromGit(repo, base, head))
}, 120_000)

afterAll(async () => {
  await api.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('suggested changes on a pull request', () => {
  it('posts one review whose suggestions sit on added lines and are exactly what cargo fix does', async () => {
    const run = await gate(1)
    verdictCode = run.code
    expect(api.state.reviews).toHaveLength(1)
    const [review] = api.state.reviews
    expect(review).toMatchObject({ state: 'COMMENTED', commitId: head, pullNumber: 1 })
    // Four on the added lines of lib.rs; more.rs's is on a context line, b's file is not in the diff.
    expect(review.comments.map(c => [c.path, c.startLine, c.line])).toEqual([
      ['rust/a/src/lib.rs', null, 1],
      ['rust/a/src/lib.rs', null, 9],
      ['rust/a/src/lib.rs', null, 10],
      ['rust/a/src/lib.rs', 11, 13]
    ])
    const added = addedLines(repo, base, head)
    for (const c of review.comments)
      for (let n = c.startLine ?? c.line; n <= c.line; n++) expect(added.get(c.path)?.has(n)).toBe(true)
    expect(suggestionOf(review.comments.find(c => c.line === 9)!.body)).toBe('    let _x = 1;')
    expect(suggestionOf(review.comments.find(c => c.line === 1)!.body)).toBe('')

    // Applied, the suggestions make the file cargo fix makes, and cargo has nothing left to say of it.
    const fixed = path.join(dir, 'fixed')
    cpSync(ws, fixed, { recursive: true })
    execFileSync('cargo', ['fix', '--allow-no-vcs', '--workspace', '--quiet'], {
      cwd: fixed,
      env: { ...process.env, CARGO_TARGET_DIR: path.join(dir, 'oracle-target') },
      stdio: 'ignore'
    })
    const mine = applied(HEAD_LIB, review, 'rust/a/src/lib.rs')
    expect(mine).toBe(readFileSync(path.join(fixed, 'a/src/lib.rs'), 'utf8'))
    const check = path.join(dir, 'applied')
    cpSync(ws, check, { recursive: true })
    writeFileSync(path.join(check, 'a/src/lib.rs'), mine)
    expect(warnings(check)).toEqual([
      'a/src/more.rs: unused variable: `old`',
      'b/src/lib.rs: unused variable: `unused`'
    ])

    expect(run.report.reviewSuggestions).toMatchObject({
      mode: 'posted',
      posted: 4,
      more: 0,
      offDiff: 2,
      commit: head,
      url: `https://github.com/octo-org/octo-repo/pull/1#pullrequestreview-${review.id}`
    })
    expect(run.stdout).toContain('Suggested changes: 4 suggestions posted as a review')
  }, 300_000)

  const reviewPosts = () => api.requests.filter(r => r.method === 'POST' && r.path.endsWith('/reviews'))

  it('posts nothing on a rerun for the same head commit, and says the review is there', async () => {
    api.resetLog()
    const run = await gate(1)
    expect(api.state.reviews).toHaveLength(1)
    expect(reviewPosts()).toEqual([])
    expect(run.report.reviewSuggestions).toMatchObject({ mode: 'exists', commit: head })
    expect(run.stdout).toContain('is already posted: nothing posted again')
    expect(run.code).toBe(verdictCode)
  }, 120_000)

  it('posts nothing from a fork, and reads nothing of the pull request either', async () => {
    api.resetLog()
    const run = await gate(1, { fork: true, token: 'ro' })
    expect(api.requests.filter(r => r.path.includes('/pulls'))).toEqual([])
    expect(run.report.reviewSuggestions).toMatchObject({ mode: 'skipped', posted: 0 })
    expect(run.stdout).toContain(
      'No suggestions posted: pull request #1 comes from a fork, whose token may only read.'
    )
    expect(run.code).toBe(verdictCode)
  }, 120_000)

  it('plans the review on a dry run and posts nothing', async () => {
    api.state.reviews.length = 0
    api.resetLog()
    const run = await gate(1, { args: ['--dry-run', 'true'] })
    expect(api.writes()).toBe(0)
    expect(run.report.reviewSuggestions).toMatchObject({ mode: 'dry-run', posted: 4, offDiff: 2 })
    expect(run.stdout).toContain(
      'Dry run: 4 suggestions would be posted as a review; 2 suggestions not on lines'
    )
  }, 120_000)

  it('says so when the token may not review, and the verdict stands', async () => {
    api.state.reviews.length = 0
    api.resetLog()
    const run = await gate(1, { token: 'ro' })
    expect(reviewPosts().map(r => r.status)).toEqual([403])
    expect(api.state.reviews).toEqual([])
    expect(run.report.reviewSuggestions).toMatchObject({ mode: 'forbidden' })
    expect(run.stdout).toContain('No suggestions posted: the token may not review the pull request (HTTP 403')
    expect(run.code).toBe(verdictCode)
  }, 120_000)

  it('reads the reviews again after a 502 that GitHub applied, and does not post twice', async () => {
    api.state.reviews.length = 0
    api.resetLog()
    api.fault({ method: 'POST', path: /\/pulls\/1\/reviews$/, status: 502, afterApply: true })
    const run = await gate(1)
    expect(reviewPosts().map(r => r.status)).toEqual([502])
    expect(api.state.reviews).toHaveLength(1)
    expect(run.report.reviewSuggestions).toMatchObject({
      mode: 'posted',
      posted: 4,
      url: `https://github.com/octo-org/octo-repo/pull/1#pullrequestreview-${api.state.reviews[0].id}`
    })
    expect(run.code).toBe(verdictCode)
  }, 120_000)

  it('leaves a pull request that moved on since the run began to the run of its new head', async () => {
    api.state.reviews.length = 0
    api.state.addBranch('change', 'f'.repeat(40))
    try {
      api.resetLog()
      const run = await gate(1)
      expect(reviewPosts()).toEqual([])
      expect(run.report.reviewSuggestions?.note).toContain('moved on to fffffff since this run checked')
    } finally {
      api.state.addBranch('change', head)
    }
  }, 120_000)

  it("posts clippy's own fixes too, exactly what cargo clippy --fix makes", async () => {
    const twice = 'pub fn twice(v: u32) -> u32 {\n    return v * 2;\n}\n'
    git('checkout', '-q', '-b', 'lint', base)
    write({ 'rust/b/src/twice.rs': twice, 'rust/b/src/lib.rs': `pub mod twice;\n${B_LIB}` })
    const lint = commit('lint')
    try {
      api.state.addBranch('lint', lint)
      const pr = api.state.addPullRequest({ title: 'lint', head: 'lint', base: 'main' })
      api.state.pullFiles.set(pr.number, pullFilesFromGit(repo, base, lint))
      const run = await gate(pr.number, { args: ['--clippy', 'true'] })
      const review = api.state.reviews.find(r => r.pullNumber === pr.number)!
      expect(review.comments.map(c => [c.path, c.line])).toEqual([['rust/b/src/twice.rs', 2]])
      expect(review.comments[0].body).toContain('`clippy::needless_return`')
      expect(suggestionOf(review.comments[0].body)).toBe('    v * 2')
      const fixed = path.join(dir, 'clippy-fixed')
      cpSync(ws, fixed, { recursive: true })
      execFileSync('cargo', ['clippy', '--fix', '--allow-no-vcs', '--workspace', '--quiet'], {
        cwd: fixed,
        env: { ...process.env, CARGO_TARGET_DIR: path.join(dir, 'oracle-target') },
        stdio: 'ignore'
      })
      expect(applied(twice, review, 'rust/b/src/twice.rs')).toBe(
        readFileSync(path.join(fixed, 'b/src/twice.rs'), 'utf8')
      )
      expect(run.report.reviewSuggestions).toMatchObject({ mode: 'posted', posted: 1 })
    } finally {
      git('checkout', '-q', 'change')
    }
  }, 300_000)

  it('two runs racing on one head leave one review with the suggestions; the other gives way', async () => {
    api.state.reviews.length = 0
    const { report } = await gate(1, { token: 'ro' })
    const ctx = readRunContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_API_URL: api.url
    })
    const ports = {
      report,
      ctx,
      github: createClient('rw', { baseUrl: api.url }),
      log: () => undefined
    } as unknown as SyncPorts
    const config = { reviewSuggestions: true, shard: null, dryRun: false } as never
    // Both runs look for an earlier review at the same moment, and find none.
    api.fault({ method: 'GET', path: /\/pulls\/1\/reviews\?/, gather: 2 })
    const saved = process.env.GITHUB_WORKSPACE
    process.env.GITHUB_WORKSPACE = repo
    let outcomes: (ReviewSuggestionsOutcome | undefined)[]
    try {
      const both = await Promise.all([
        reviewSuggestions.sync!(ports, config),
        reviewSuggestions.sync!(ports, config)
      ])
      outcomes = both.map(r => r.section.reviewSuggestions)
    } finally {
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE
      else process.env.GITHUB_WORKSPACE = saved
    }
    const [kept, gaveWay] = [...api.state.reviews].sort((a, b) => a.id - b.id)
    const url = `https://github.com/octo-org/octo-repo/pull/1#pullrequestreview-${kept.id}`
    expect(kept.comments).toHaveLength(4)
    expect(kept.body).toContain(`<!-- build-gate:suggestions ${head} -->`)
    expect(gaveWay.comments).toEqual([])
    expect(gaveWay.body).toBe(`Another run posted these suggestions at the same time: ${url}.`)
    expect(outcomes.map(o => [o?.mode, o?.url]).sort()).toEqual([
      ['exists', url],
      ['posted', url]
    ])
  }, 120_000)
})
