// Who may write (roadmap, baseline): only push / workflow_dispatch on the default branch and schedule;
// never a pull request; a fork PR is recognised by either of GitHub's two signs. Part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { readRunContext } from '../src/github/context.js'

function env(event: string, payload: unknown, extra: Record<string, string> = {}) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctx-')), 'event.json')
  writeFileSync(file, typeof payload === 'string' ? payload : JSON.stringify(payload))
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'acme/ledger',
    GITHUB_REF: 'refs/heads/main',
    ...extra
  }
}

const repo = { repository: { default_branch: 'main' } }
const pr = (head: unknown) => ({ ...repo, pull_request: { number: 7, head, base: { ref: 'main' } } })

describe('readRunContext', () => {
  it('trusts push and workflow_dispatch on the default branch, and schedule', () => {
    for (const event of ['push', 'workflow_dispatch']) {
      const c = readRunContext(env(event, repo))
      expect([c.trusted, c.trustReason]).toEqual([true, `${event} on the default branch`])
    }
    expect(readRunContext(env('schedule', repo))).toEqual(
      expect.objectContaining({ trusted: true, trustReason: 'scheduled run' })
    )
  })

  it('does not trust a push elsewhere, naming the ref and the default branch', () => {
    const c = readRunContext(env('push', repo, { GITHUB_REF: 'refs/heads/feature' }))
    expect([c.trusted, c.trustReason]).toEqual([
      false,
      'push on refs/heads/feature, not the default branch (main)'
    ])
    const unknown = readRunContext(env('push', {}, { GITHUB_REF: '' }))
    expect(unknown.trusted).toBe(false)
    expect(readRunContext({ GITHUB_EVENT_NAME: 'push' }).trustReason).toBe(
      'push on an unknown ref, not the default branch'
    )
  })

  it('never trusts a pull request, and tells a fork by its flag or by its head repository', () => {
    const same = readRunContext(
      env('pull_request', pr({ ref: 'f', repo: { full_name: 'acme/ledger', fork: false } }))
    )
    expect(same.trusted).toBe(false)
    expect(same.trustReason).toBe('pull request runs never write the roadmap or the baseline')
    expect(same.pullRequest).toEqual({ number: 7, fork: false, headRef: 'f', baseRef: 'main' })
    const flagged = readRunContext(
      env('pull_request', pr({ ref: 'f', repo: { full_name: 'acme/ledger', fork: true } }))
    )
    expect(flagged.pullRequest?.fork).toBe(true)
    const elsewhere = readRunContext(
      env('pull_request_target', pr({ ref: 'f', repo: { full_name: 'eve/ledger' } }))
    )
    expect([elsewhere.pullRequest?.fork, elsewhere.trusted, elsewhere.trustReason]).toEqual([
      true,
      false,
      'pull request runs never write the roadmap or the baseline'
    ])
    const noRepo = readRunContext(env('pull_request', pr({ ref: 'f', repo: null })))
    expect(noRepo.pullRequest?.fork).toBe(false)
    const bare = readRunContext(env('pull_request', { pull_request: { number: 3 } }))
    expect(bare.pullRequest).toEqual({ number: 3, fork: false, headRef: '', baseRef: '' })
  })

  it('does not trust other events or a run outside GitHub Actions', () => {
    expect(readRunContext(env('issues', repo)).trustReason).toBe('event issues is not trusted')
    const local = readRunContext({})
    expect(local).toEqual({
      eventName: '',
      owner: null,
      repo: null,
      ref: null,
      sha: null,
      defaultBranch: null,
      pullRequest: null,
      trusted: false,
      trustReason: 'not running in GitHub Actions',
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      runUrl: null,
      payloadProblem: null
    })
  })

  it('reads the repository, the API and the run URL', () => {
    const c = readRunContext(
      env('push', repo, {
        GITHUB_SHA: 'abc',
        GITHUB_API_URL: 'http://127.0.0.1:9/api',
        GITHUB_SERVER_URL: 'https://ghe.example',
        GITHUB_RUN_ID: '42'
      })
    )
    expect([c.owner, c.repo, c.sha, c.apiUrl, c.defaultBranch]).toEqual([
      'acme',
      'ledger',
      'abc',
      'http://127.0.0.1:9/api',
      'main'
    ])
    expect(c.runUrl).toBe('https://ghe.example/acme/ledger/actions/runs/42')
    expect(readRunContext({ GITHUB_RUN_ID: '42' }).runUrl).toBeNull()
  })

  it('names the event file when it is not JSON, and trusts nothing from it', () => {
    const e = env('push', '{not json')
    const c = readRunContext(e)
    expect(c.payloadProblem).toContain(`GITHUB_EVENT_PATH (${e.GITHUB_EVENT_PATH}) could not be read as JSON`)
    expect(c.trusted).toBe(false)
    expect(c.trustReason).toContain('nothing is written to GitHub')
  })
})
