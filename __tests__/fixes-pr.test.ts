// The fix PR against the local GitHub API: the branch holds exactly the verified changes (read back
// through git trees and blobs), a rerun writes nothing, a PR run never opens one, a read-only token
// reports only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { createClient } from '../src/github/client.js'
import { readRunContext, type RunContext } from '../src/github/context.js'
import type { FixesResult } from '../src/capabilities/fixes/run.js'
import { FIX_BRANCH } from '../src/capabilities/fix-pr/pr-body.js'
import { syncFixPr } from '../src/capabilities/fix-pr/pr.js'
import { fixesFor, FIXES_FIXTURES } from './fixes-fixture.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

let api: GitHubApi
let msrv: FixesResult
let gated: string
const work = mkdtempSync(path.join(tmpdir(), 'gate-fixpr-'))
const repo = { owner: 'octo-org', repo: 'octo-repo' }

beforeAll(async () => {
  api = await startGitHubApi({ owner: repo.owner, repo: repo.repo, tokens: { rw: 'write', ro: 'read' } })
  // The default branch holds the workspace under ws/, as the gate checked it out.
  for (const file of ['Cargo.toml', 'Cargo.lock', 'crates/toka-auth/Cargo.toml'])
    api.state.writeFile(`ws/${file}`, readFileSync(path.join(FIXES_FIXTURES, 'msrv', file)))
  gated = api.state.branch('main')!
  msrv = await fixesFor(path.join(FIXES_FIXTURES, 'msrv'))
})
afterAll(async () => {
  await api.close()
  rmSync(work, { recursive: true, force: true })
})

function ctx(event: string, payload: Record<string, unknown> = {}, sha = gated): RunContext {
  const file = path.join(work, `${event}.json`)
  writeFileSync(file, JSON.stringify({ repository: { default_branch: 'main' }, ...payload }))
  return readRunContext({
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: `${repo.owner}/${repo.repo}`,
    GITHUB_REF: event === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_SHA: sha,
    GITHUB_API_URL: api.url
  })
}

const sync = (result: FixesResult, c: RunContext, token = 'rw', dryRun = false) =>
  syncFixPr({
    client: createClient(token, { baseUrl: api.url }),
    ctx: c,
    section: result.section,
    files: result.files,
    repoPath: 'ws',
    dryRun,
    log: () => undefined
  })

async function branchFile(file: string): Promise<string | undefined> {
  const octokit = createClient('rw', { baseUrl: api.url })
  const head = (await octokit.rest.git.getRef({ ...repo, ref: `heads/${FIX_BRANCH}` })).data.object.sha
  const commit = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data
  expect(commit.parents.map(p => p.sha)).toEqual([gated])
  const tree = (await octokit.rest.git.getTree({ ...repo, tree_sha: commit.tree.sha, recursive: '1' })).data
    .tree
  const entry = tree.find(e => e.path === file)
  if (!entry) return undefined
  const blob = (await octokit.rest.git.getBlob({ ...repo, file_sha: entry.sha! })).data
  return Buffer.from(blob.content, 'base64').toString('utf8')
}

describe('fix PR', () => {
  it('a pull_request run never opens one, and writes nothing', async () => {
    api.resetLog()
    const r = await sync(
      msrv,
      ctx('pull_request', { pull_request: { number: 7, head: { ref: 'x' }, base: { ref: 'main' } } })
    )
    expect(r).toMatchObject({ mode: 'skipped', url: null, writes: 0 })
    expect(api.writes()).toBe(0)
    expect(api.state.branch(FIX_BRANCH)).toBeUndefined()
  })

  it('never carries an unverified change: only unverified fixes, no PR', async () => {
    api.resetLog()
    const broken = await fixesFor(path.join(FIXES_FIXTURES, 'duplicates-incompatible'))
    expect(broken.section.fixes.map(f => f.verified)).toEqual([false])
    const r = await sync(broken, ctx('schedule'))
    expect(r).toMatchObject({ mode: 'skipped', note: 'no fix PR: no verified fix', writes: 0 })
    expect(api.writes()).toBe(0)
  })

  it('a read-only token reports only', async () => {
    const r = await sync(msrv, ctx('schedule'), 'ro')
    expect(r.mode).toBe('report-only')
    expect(r.note).toContain('HTTP 403')
    expect(api.state.branch(FIX_BRANCH)).toBeUndefined()
    expect(api.state.issues).toEqual([])
  })

  it('dry-run plans the branch and the PR and writes nothing', async () => {
    api.resetLog()
    const r = await sync(msrv, ctx('workflow_dispatch'), 'rw', true)
    expect(r.mode).toBe('dry-run')
    expect(r.planned).toEqual([
      `create branch ${FIX_BRANCH} with ws/Cargo.lock`,
      `open a pull request ${FIX_BRANCH} → main`
    ])
    expect(api.writes()).toBe(0)
  })

  it('first trusted run: one branch with exactly the verified Cargo.lock, one PR with the evidence', async () => {
    const r = await sync(msrv, ctx('push'))
    expect(r.mode).toBe('created')
    expect(r.url).toMatch(/\/pull\/\d+$/)
    expect(await branchFile('ws/Cargo.lock')).toBe(msrv.files[0].after)
    expect(await branchFile('ws/Cargo.lock')).toMatch(/name = "base64ct"\nversion = "1\.6\.0"/)
    // Everything else is the gated commit's content.
    expect(await branchFile('ws/Cargo.toml')).toBe(
      readFileSync(path.join(FIXES_FIXTURES, 'msrv/Cargo.toml'), 'utf8')
    )
    const pulls = api.state.issues.filter(i => i.pullRequest)
    expect(pulls).toHaveLength(1)
    expect(pulls[0].pullRequest).toEqual({ head: FIX_BRANCH, base: 'main' })
    expect(pulls[0].body).toContain('**base64ct 1.8.0 → 1.6.0** in `Cargo.lock`')
    expect(pulls[0].body).toContain('fixes: msrv finding on `base64ct` 1.8.0')
  })

  it('a rerun with the same fixes writes nothing', async () => {
    api.resetLog()
    const r = await sync(msrv, ctx('push'))
    expect(r).toMatchObject({ mode: 'unchanged', writes: 0 })
    expect(api.writes()).toBe(0)
  })

  it('a later run on a newer commit with the same fixes writes nothing either', async () => {
    const later = api.state.writeFile('README.md', 'unrelated change').sha
    api.resetLog()
    const r = await sync(msrv, ctx('schedule', {}, later))
    expect(r).toMatchObject({ mode: 'unchanged', writes: 0 })
    expect(api.writes()).toBe(0)
  })

  it('new fixes update the branch and the PR body, still one PR', async () => {
    const dup = await fixesFor(path.join(FIXES_FIXTURES, 'duplicates-compatible'))
    const r = await sync(dup, ctx('schedule'))
    expect(r.mode).toBe('updated')
    expect(await branchFile('ws/crates/toka-tools/Cargo.toml')).toContain('base64 = { version = "0.22"')
    const pulls = api.state.issues.filter(i => i.pullRequest)
    expect(pulls).toHaveLength(1)
    expect(pulls[0].body).toContain('**base64 0.21.7 → 0.22.1** in `crates/toka-tools/Cargo.toml`')
  })
})
