// Who may write (roadmap, baseline): only push / workflow_dispatch on the default branch and schedule;
// never a pull request; a fork PR is recognised by either of GitHub's two signs. Part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { readRunContext, tokenProblem } from '../src/github/context.js'

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

describe('an event payload of the wrong shape', () => {
  // A schedule on the default branch would be trusted: only the payload's problem stops it.
  const judge = (payload: string) => {
    const e = env('schedule', payload)
    return { e, c: readRunContext(e) }
  }

  it.each([
    ['null', 'the event payload is not a JSON object'],
    ['[{"repository": {"default_branch": "main"}}]', 'the event payload is not a JSON object'],
    ['7', 'the event payload is not a JSON object'],
    ['{"repository": "acme/ledger"}', '`repository` is not an object'],
    ['{"repository": ["main"]}', '`repository` is not an object'],
    ['{"repository": {"default_branch": "main"}, "pull_request": 7}', '`pull_request` is not an object'],
    [
      '{"repository": {"default_branch": "main"}, "pull_request": [{"number": 7}]}',
      '`pull_request` is not an object'
    ]
  ])('%s: names the file and the field, and trusts nothing', (payload, problem) => {
    const { e, c } = judge(payload)
    expect(c.payloadProblem).toBe(`GITHUB_EVENT_PATH (${e.GITHUB_EVENT_PATH}): ${problem}`)
    expect([c.trusted, c.trustReason]).toEqual([false, `${c.payloadProblem}; nothing is written to GitHub`])
    expect([c.pullRequest, c.defaultBranch]).toEqual([null, null])
  })

  it.each(['"7"', '0', '-3', '1.5', 'null'])(
    'a pull request numbered %s is a problem, even on a trusted event',
    number => {
      const { e, c } = judge(
        `{"repository": {"default_branch": "main"}, "pull_request": {"number": ${number}}}`
      )
      expect(c.payloadProblem).toBe(
        `GITHUB_EVENT_PATH (${e.GITHUB_EVENT_PATH}): \`pull_request.number\` is not a number`
      )
      expect([c.trusted, c.pullRequest]).toEqual([false, null])
    }
  )

  it('absent or null sections are no problem', () => {
    for (const payload of ['{}', '{"repository": null, "pull_request": null}']) {
      const c = judge(payload).c
      expect([c.payloadProblem, c.pullRequest]).toEqual([null, null])
    }
    const pr1 = judge('{"repository": {"default_branch": "main"}, "pull_request": {"number": 1}}').c
    expect([pr1.payloadProblem, pr1.pullRequest?.number, pr1.trusted]).toEqual([null, 1, true])
  })

  it('names a missing event file by its error code', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctx-')), 'absent.json')
    const c = readRunContext({ GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: file })
    expect(c.payloadProblem).toBe(`GITHUB_EVENT_PATH (${file}) could not be read as JSON (ENOENT)`)
    expect(c.trusted).toBe(false)
    const bad = env('schedule', '{"repository":')
    expect(readRunContext(bad).payloadProblem).toBe(
      `GITHUB_EVENT_PATH (${bad.GITHUB_EVENT_PATH}) could not be read as JSON (not valid JSON)`
    )
  })
})

describe('tokenProblem', () => {
  it('accepts a token GitHub would take, and no token', () => {
    for (const token of [null, '', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'github_pat_11A~x-y.z'])
      expect(tokenProblem(token)).toBeNull()
  })

  it.each([
    ['ghp_abc\n', 'a line break'],
    ['ghp_abc\r\n', 'a line break'],
    ['ghp abc', 'a space or control character'],
    ['\tghp_abc', 'a space or control character'],
    ['ghp_abc\u0000', 'a space or control character'],
    ['ghp_abc\u007f', 'a space or control character']
  ])('%j is refused as the github-token input, without showing it', (token, what) => {
    const p = tokenProblem(token)
    expect(p).toEqual({
      input: 'github-token',
      message: `contains ${what} (the value is not shown); store the secret without it.`
    })
    expect(p?.message).not.toContain('ghp_abc')
  })
})
