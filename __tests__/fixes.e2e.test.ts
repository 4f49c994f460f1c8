// The bundled action on a copy of the MSRV fixture, against the local GitHub API: How to fix in the
// summary, the `fixes` and `fix-pr` outputs, the fix branch's content read back through git trees and
// blobs, a rerun that writes nothing, and a pull_request run that never opens one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action-runner.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'
import { FIXES_FIXTURES } from './fixes-fixture.js'

const FIX_BRANCH = 'build-gate/fix-dependencies'
const repository = { full_name: 'octo-org/octo-repo', default_branch: 'main' }
let api: GitHubApi
let checkout: string
let gated: string

/** Every file under dir, relative, for seeding the repository. */
function files(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap(name => {
    const r = rel ? `${rel}/${name}` : name
    return statSync(path.join(dir, r)).isDirectory() ? (name === 'target' ? [] : files(dir, r)) : [r]
  })
}

beforeAll(async () => {
  checkout = mkdtempSync(path.join(tmpdir(), 'gate-fixes-e2e-'))
  cpSync(path.join(FIXES_FIXTURES, 'msrv'), path.join(checkout, 'msrv'), { recursive: true })
  cpSync(path.join(FIXES_FIXTURES, 'vendor'), path.join(checkout, 'vendor'), { recursive: true })
  api = await startGitHubApi({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main' })
  for (const f of files(path.join(checkout, 'msrv')))
    api.state.writeFile(`msrv/${f}`, readFileSync(path.join(checkout, 'msrv', f)))
  gated = api.state.branch('main')!
})
afterAll(async () => {
  await api.close()
  rmSync(checkout, { recursive: true, force: true })
})

const gate = (event: { name: string; payload: unknown }, ref = 'refs/heads/main') =>
  runAction(
    {
      'working-directory': path.join(checkout, 'msrv'),
      'report-path': path.join(checkout, `report-${event.name}.json`),
      'github-token': 'token',
      'fix-pr': 'true',
      'update-baseline': 'never'
    },
    {
      event,
      cwd: checkout,
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: repository.full_name,
        GITHUB_REF: ref,
        GITHUB_SHA: gated
      }
    }
  )

describe('fixes in the action', () => {
  it('a pull_request run shows How to fix and never opens a fix PR', async () => {
    api.resetLog()
    const run = await gate(
      {
        name: 'pull_request',
        payload: {
          number: 3,
          pull_request: {
            number: 3,
            head: { ref: 'x', repo: { full_name: repository.full_name } },
            base: { ref: 'main' }
          },
          repository
        }
      },
      'refs/pull/3/merge'
    )
    expect(run.outputs.stable).toBe('false')
    expect(JSON.parse(run.outputs.fixes)).toEqual([
      expect.objectContaining({ crate: 'base64ct', from: '1.8.0', to: '1.6.0', verified: true })
    ])
    expect(run.summary).toContain('How to fix')
    expect(run.outputs['fix-pr']).toBeUndefined()
    expect(api.state.branch(FIX_BRANCH)).toBeUndefined()
    expect(api.state.issues.filter(i => i.pullRequest)).toEqual([])
  })

  it('a scheduled run opens one PR whose branch holds exactly the verified Cargo.lock; a rerun writes nothing', async () => {
    const first = await gate({ name: 'schedule', payload: { schedule: '0 3 * * *', repository } })
    expect(first.outputs['fix-pr']).toMatch(/^https:\/\/github\.com\/octo-org\/octo-repo\/pull\/\d+$/)
    // How to fix once (with the verdict), then the fix PR (after the sync).
    expect(first.summary.match(/### How to fix/g)).toHaveLength(1)
    expect(first.summary).toContain(
      `### Fix pull request\n\n${first.outputs['fix-pr']}: opened pull request #`
    )
    const head = api.state.resolve(FIX_BRANCH)!
    expect(head.parents).toEqual([gated])
    const lock = head.files.get('msrv/Cargo.lock')!.toString('utf8')
    expect(lock).toMatch(/name = "base64ct"\nversion = "1\.6\.0"/)
    // Only Cargo.lock differs from the gated commit.
    const base = api.state.commits.get(gated)!.files
    expect([...head.files.keys()].filter(f => !base.get(f)?.equals(head.files.get(f)!))).toEqual([
      'msrv/Cargo.lock'
    ])
    expect(readFileSync(path.join(checkout, 'msrv/Cargo.lock'), 'utf8')).toMatch(
      /name = "base64ct"\nversion = "1\.8\.0"/
    )

    api.resetLog()
    const again = await gate({ name: 'schedule', payload: { schedule: '0 3 * * *', repository } })
    expect(again.outputs['fix-pr']).toBe(first.outputs['fix-pr'])
    expect(api.writes()).toBe(0)
    expect(api.state.issues.filter(i => i.pullRequest)).toHaveLength(1)
  })
})
