// rustc's machine-applicable fixes, applied by cargo fix: on a trusted run into the fix pull request
// (local GitHub API; cargo on the branch's tree is the oracle), not verified when the result does not
// build with the test-args (nothing committed), and `build-gate --apply` in a git checkout made here,
// where cargo's own guard refuses a dirty tree unless --allow-dirty is given.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { gitIn } from './support/git.js'
import { createClient } from '../src/github/client.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { checkTallies } from './support/cargo-oracle.js'
import { cli } from './support/cli-runner.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

const FIX_BRANCH = 'build-gate/fix-dependencies'
// `HashMap` is used only with the feature `extra`: checked without it, cargo fix removes its import.
const A_LIB = `use std::collections::HashMap;
use std::fmt::Write;

pub fn two() -> u32 {
    let x = 1;
    2
}

#[cfg(feature = "extra")]
pub fn map() -> HashMap<u32, u32> {
    HashMap::new()
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_is_two() {
        assert_eq!(super::two(), 2);
    }
}
`
const FILES: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\nresolver = "2"\n',
  'a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nextra = []\n',
  'a/src/lib.rs': A_LIB,
  'b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n',
  'b/src/lib.rs': 'pub fn b() -> u32 {\n    1\n}\n',
  '.gitignore': '/target\nCargo.lock\n'
}

const work = mkdtempSync(path.join(tmpdir(), 'gate-lint-fixes-'))
const origin = path.join(work, 'origin')
const owner = { owner: 'octo-org', repo: 'octo-repo' }
let api: GitHubApi

const git = gitIn

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
}

/** A fresh clone of the repository: a clean git checkout. */
let clones = 0
function clone(): string {
  const dir = path.join(work, `clone-${++clones}`)
  git(work, 'clone', '-q', origin, dir)
  return dir
}

beforeAll(async () => {
  mkdirSync(origin)
  write(origin, FILES)
  git(origin, 'init', '-q', '-b', 'main')
  git(origin, 'add', '-A')
  git(origin, 'commit', '-q', '-m', 'base')
  api = await startGitHubApi({ ...owner, defaultBranch: 'main', tokens: { rw: 'write' } })
  for (const [file, text] of Object.entries(FILES)) api.state.writeFile(file, text)
})
afterAll(async () => {
  await api.close()
  rmSync(work, { recursive: true, force: true })
})

type Report = {
  lintFixes?: {
    status: string
    command: string[]
    fixed: { crate: string; lint: string; file: string; count: number }[]
    reason: string
    details: string[]
    files: { path: string }[]
  }
  fixPr?: { mode: string; url: string | null; note: string }
}

/** A trusted run (a push to main) of the CLI with the fix PR on, against the local API. */
async function trustedRun(dir: string, args: string[]) {
  const eventPath = path.join(work, 'push.json')
  writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'main' } }))
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: api.state.branch('main')!,
    GITHUB_REPOSITORY: `${owner.owner}/${owner.repo}`,
    GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: dir
  }
  const saved = Object.fromEntries(Object.keys(env).map(k => [k, process.env[k]]))
  Object.assign(process.env, env)
  const reportPath = path.join(work, `report-${++clones}.json`)
  try {
    const r = await cli([
      dir,
      '--fix-pr',
      '--github-token',
      'rw',
      '--public-api',
      'off',
      '--update-baseline',
      'never',
      '--report-path',
      reportPath,
      ...args
    ])
    return { ...r, report: JSON.parse(readFileSync(reportPath, 'utf8')) as Report }
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
  }
}

/** The fix branch's tree, every file's text by path, read back through git refs, trees and blobs. */
async function branchFiles(): Promise<Record<string, string>> {
  const octokit = createClient('rw', { baseUrl: api.url })
  const head = (await octokit.rest.git.getRef({ ...owner, ref: `heads/${FIX_BRANCH}` })).data.object.sha
  const commit = (await octokit.rest.git.getCommit({ ...owner, commit_sha: head })).data
  const tree = (await octokit.rest.git.getTree({ ...owner, tree_sha: commit.tree.sha, recursive: '1' })).data
    .tree
  const out: Record<string, string> = {}
  for (const e of tree.filter(t => t.type === 'blob')) {
    const blob = (await octokit.rest.git.getBlob({ ...owner, file_sha: e.sha! })).data
    out[e.path!] = Buffer.from(blob.content, 'base64').toString('utf8')
  }
  return out
}

describe('machine-applicable fixes in the fix pull request', () => {
  it('a fix whose result does not build with the test-args is not verified, and nothing is committed', async () => {
    const dir = clone()
    api.resetLog()
    const r = await trustedRun(dir, ['--check-args=--workspace', '--test-args=--workspace --all-features'])
    const lint = r.report.lintFixes!
    expect(lint.status).toBe('not-verified')
    expect(lint.reason).toMatch(/^\d+ compile errors? after the fixes \(cargo test --no-run\)$/)
    // rustc's own words about the import cargo fix removed.
    expect(lint.details.join('\n')).toMatch(/error\[E0\d+\]: .*`HashMap`/)
    expect(lint.files).toEqual([])
    expect(r.stdout).toContain('Machine-applicable fixes: not verified')
    // The job summary says so, in rustc's words.
    const summary = renderSummary(r.report as unknown as GateReport)
    expect(summary).toContain('`cargo fix --workspace --all-targets`: **not verified**: ')
    expect(summary).toContain(lint.details[0])
    expect(r.report.fixPr).toMatchObject({ mode: 'skipped', note: 'no fix PR: no verified fix' })
    expect(api.state.branch(FIX_BRANCH)).toBeUndefined()
    expect(api.writes()).toBe(0)
    // The user's tree is as it was.
    expect(git(dir, 'status', '--porcelain')).toBe('')
  })

  it('a verified cargo fix lands in the fix PR, and cargo on its tree has no such warning', async () => {
    const dir = clone()
    const oracleBefore = checkTallies(dir)
    expect(oracleBefore.warnings).toEqual({ a: 2 })
    const r = await trustedRun(dir, [])
    const lint = r.report.lintFixes!
    expect(lint.status).toBe('verified')
    expect(lint.command).toEqual(['cargo', 'fix', '--workspace', '--all-features', '--all-targets'])
    expect(lint.fixed).toEqual([
      { crate: 'a', lint: 'unused_imports', file: 'a/src/lib.rs', count: 1 },
      { crate: 'a', lint: 'unused_variables', file: 'a/src/lib.rs', count: 1 }
    ])
    expect(lint.files.map(f => f.path)).toEqual(['a/src/lib.rs'])
    expect(r.report.fixPr?.mode).toBe('created')

    const pulls = api.state.issues.filter(i => i.pullRequest)
    expect(pulls).toHaveLength(1)
    expect(pulls[0].title).toBe("Apply rustc's machine-applicable fixes (build-gate)")
    expect(pulls[0].body).toContain('| a | `unused_imports` | `a/src/lib.rs` | 1 |')
    expect(pulls[0].body).toContain('| a | `unused_variables` | `a/src/lib.rs` | 1 |')
    expect(pulls[0].body).not.toContain('Each kind of fix')

    const files = await branchFiles()
    expect(files['a/src/lib.rs']).not.toContain('use std::fmt::Write;')
    expect(files['a/src/lib.rs']).toContain('let _x = 1;')
    expect(files['b/src/lib.rs']).toBe(FILES['b/src/lib.rs'])
    // cargo itself on the pull request's tree: no warning left.
    const prTree = path.join(work, 'pr-tree')
    write(prTree, files)
    const oracle = checkTallies(prTree)
    expect(oracle.errors).toEqual({})
    expect(oracle.warnings).toEqual({})
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(readFileSync(path.join(dir, 'a/src/lib.rs'), 'utf8')).toBe(A_LIB)
  })

  it('a rerun with the same fix writes nothing', async () => {
    api.resetLog()
    const r = await trustedRun(clone(), [])
    expect(r.report.fixPr?.mode).toBe('unchanged')
    expect(api.writes()).toBe(0)
  })
})

describe('build-gate --apply with cargo fix', () => {
  const local = ['--public-api', 'off', '--update-baseline', 'never', '--run-tests', 'false']

  it('refuses a tree with uncommitted changes, naming --allow-dirty, and changes nothing', async () => {
    const dir = clone()
    write(dir, { 'b/src/lib.rs': `${FILES['b/src/lib.rs']}// work in progress\n` })
    const r = await cli([dir, '--apply', ...local, '--report-path', path.join(work, 'apply-dirty.json')])
    expect(r.stdout).toContain('cargo fix refused: the working tree has uncommitted changes')
    expect(r.stdout).toContain('pass --allow-dirty to build-gate')
    // cargo's own words name the file.
    expect(r.stdout).toContain('b/src/lib.rs (dirty)')
    expect(readFileSync(path.join(dir, 'a/src/lib.rs'), 'utf8')).toBe(A_LIB)
    expect(checkTallies(dir).warnings).toEqual({ a: 2 })
  })

  it('--allow-dirty gives cargo fix the consent; the edit in progress stays', async () => {
    const dir = clone()
    const wip = `${FILES['b/src/lib.rs']}// work in progress\n`
    write(dir, { 'b/src/lib.rs': wip })
    const r = await cli([
      dir,
      '--apply',
      '--allow-dirty',
      ...local,
      '--report-path',
      path.join(work, 'apply-allowed.json')
    ])
    expect(r.stdout).toContain('changed a/src/lib.rs; it fixed 2 warnings:')
    expect(readFileSync(path.join(dir, 'b/src/lib.rs'), 'utf8')).toBe(wip)
    expect(checkTallies(dir).warnings).toEqual({})
  })

  it('on a clean tree fixes, says what changed, and cargo check shows the warnings gone', async () => {
    const dir = clone()
    const r = await cli([dir, '--apply', ...local, '--report-path', path.join(work, 'apply-clean.json')])
    expect(r.stdout).toContain(
      '--apply: `fix --workspace --all-features --all-targets` changed a/src/lib.rs; it fixed 2 warnings:'
    )
    expect(r.stdout).toContain('  a: unused_imports in a/src/lib.rs')
    expect(r.stdout).toContain('  a: unused_variables in a/src/lib.rs')
    expect(r.stdout).toContain('review the changes with `git diff`')
    expect(git(dir, 'diff', '--name-only')).toBe('a/src/lib.rs')
    const oracle = checkTallies(dir)
    expect(oracle.warnings).toEqual({})
    expect(oracle.errors).toEqual({})
  })

  it('with --clippy, cargo clippy --fix applies clippy\u2019s own fixes; cargo clippy shows them gone', async () => {
    const dir = clone()
    write(dir, { 'b/src/lib.rs': 'pub fn b() -> u32 {\n    return 1;\n}\n' })
    git(dir, 'commit', '-q', '-am', 'needless return')
    const clippy = () =>
      spawnSync('cargo', ['clippy', '--workspace', '--all-features'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CARGO_TERM_COLOR: 'never' }
      }).stderr
    expect(clippy()).toContain('warning: unneeded `return` statement')
    const r = await cli([
      dir,
      '--apply',
      '--clippy',
      ...local,
      '--report-path',
      path.join(work, 'apply-clippy.json')
    ])
    expect(r.stdout).toContain('`clippy --fix --workspace --all-features --all-targets` changed')
    expect(r.stdout).toContain('  b: clippy::needless_return in b/src/lib.rs')
    expect(readFileSync(path.join(dir, 'b/src/lib.rs'), 'utf8')).toBe(FILES['b/src/lib.rs'])
    expect(clippy()).not.toMatch(/^warning/m)
  })

  it('--allow-dirty without --apply is refused', async () => {
    const r = await cli([clone(), '--allow-dirty'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("--allow-dirty is cargo fix's consent for --apply; give it with --apply.")
  })
})
