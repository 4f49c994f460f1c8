// One fix pull request for both kinds of fix: the MSRV fixture with a warning added, its verified
// Cargo.lock change and its verified cargo fix on one branch (local GitHub API), and cargo on that
// branch's tree: no warning, the lock at the fixed version.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runProcess } from '../src/cargo/process.js'
import { FIX_BRANCH } from '../src/capabilities/fix-pr/pr-body.js'
import { syncFixPr } from '../src/capabilities/fix-pr/pr.js'
import { runLintFixes } from '../src/capabilities/lint-fixes/run.js'
import { createClient } from '../src/github/client.js'
import { readRunContext } from '../src/github/context.js'
import { checkTallies } from './support/cargo-oracle.js'
import { metadata } from './conflicts-fixture.js'
import { BUILD, FIXES_FIXTURES, fixesFor } from './fixes-fixture.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

const work = mkdtempSync(path.join(tmpdir(), 'gate-lint-fixpr-'))
const repo = { owner: 'octo-org', repo: 'octo-repo' }
const LIB = 'crates/toka-auth/src/lib.rs'
let api: GitHubApi
let dir: string

function files(root: string, rel = ''): string[] {
  return readdirSync(path.join(root, rel)).flatMap(name => {
    const r = rel ? `${rel}/${name}` : name
    return statSync(path.join(root, r)).isDirectory() ? (name === 'target' ? [] : files(root, r)) : [r]
  })
}

beforeAll(async () => {
  cpSync(path.join(FIXES_FIXTURES, 'vendor'), path.join(work, 'vendor'), { recursive: true })
  cpSync(path.join(FIXES_FIXTURES, 'msrv'), path.join(work, 'msrv'), { recursive: true })
  dir = realpathSync(path.join(work, 'msrv'))
  const lib = readFileSync(path.join(dir, LIB), 'utf8')
  writeFileSync(path.join(dir, LIB), lib.replace('//! toka-auth\n', '//! toka-auth\nuse std::fmt::Write;\n'))
  api = await startGitHubApi({ ...repo, tokens: { rw: 'write' } })
  for (const f of files(dir)) api.state.writeFile(`ws/${f}`, readFileSync(path.join(dir, f)))
})
afterAll(async () => {
  await api.close()
  rmSync(work, { recursive: true, force: true })
})

describe('one fix pull request for dependency and lint fixes', () => {
  it('carries the verified Cargo.lock change and the verified cargo fix; cargo on its tree agrees', async () => {
    const deps = await fixesFor(dir)
    const lint = await runLintFixes(
      dir,
      { ...BUILD, clippy: false, clippyArgs: [] },
      await metadata(dir),
      runProcess
    )
    expect(lint.section?.status).toBe('verified')
    expect(deps.section.fixes.filter(f => f.verified)).toHaveLength(1)

    const event = path.join(work, 'push.json')
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }))
    const r = await syncFixPr({
      client: createClient('rw', { baseUrl: api.url }),
      ctx: readRunContext({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: `${repo.owner}/${repo.repo}`,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: api.state.branch('main')!,
        GITHUB_API_URL: api.url
      }),
      section: deps.section,
      lint: lint.section,
      files: [...deps.files, ...lint.files],
      repoPath: 'ws',
      dryRun: false,
      log: () => undefined
    })
    expect(r.mode).toBe('created')
    const pull = api.state.issues.find(i => i.pullRequest)!
    expect(pull.title).toBe(
      "Fix dependency conflicts and apply rustc's machine-applicable fixes (build-gate)"
    )
    expect(pull.body).toContain('**base64ct 1.8.0 → 1.6.0** in `Cargo.lock`')
    expect(pull.body).toContain('| toka-auth | `unused_imports` | `crates/toka-auth/src/lib.rs` | 1 |')
    expect(pull.body).toContain('Each kind of fix was verified on its own, against the gated commit.')

    // The branch's tree, written out beside the vendored registry, checked by cargo itself.
    const octokit = createClient('rw', { baseUrl: api.url })
    const head = (await octokit.rest.git.getRef({ ...repo, ref: `heads/${FIX_BRANCH}` })).data.object.sha
    const commit = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data
    const tree = (await octokit.rest.git.getTree({ ...repo, tree_sha: commit.tree.sha, recursive: '1' })).data
      .tree
    const out = path.join(work, 'branch')
    for (const e of tree.filter(t => t.type === 'blob' && t.path!.startsWith('ws/'))) {
      const blob = (await octokit.rest.git.getBlob({ ...repo, file_sha: e.sha! })).data
      const to = path.join(out, e.path!.slice('ws/'.length))
      mkdirSync(path.dirname(to), { recursive: true })
      writeFileSync(to, Buffer.from(blob.content, 'base64'))
    }
    expect(readFileSync(path.join(out, 'Cargo.lock'), 'utf8')).toMatch(
      /name = "base64ct"\nversion = "1\.6\.0"/
    )
    expect(checkTallies(dir, ['--workspace', '--all-features', '--offline']).warnings).toEqual({
      'toka-auth': 1
    })
    const oracle = checkTallies(out, ['--workspace', '--all-features', '--offline', '--locked'])
    expect(oracle.errors).toEqual({})
    expect(oracle.warnings).toEqual({})
  })
})
