import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { readRunContext } from '../src/github/context.js'
import { shouldUpdateBaseline } from '../src/capabilities/timing/update.js'

function ctx(eventName: string, ref: string, payload: Record<string, unknown>) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(file, JSON.stringify({ repository: { default_branch: 'main' }, ...payload }))
  return readRunContext({
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: file,
    GITHUB_REF: ref,
    GITHUB_REPOSITORY: 'o/r'
  })
}

const push = ctx('push', 'refs/heads/main', {})
const pushBranch = ctx('push', 'refs/heads/feature', {})
const pr = ctx('pull_request', 'refs/pull/7/merge', {
  pull_request: { number: 7, head: { ref: 'f', repo: { full_name: 'o/r' } }, base: { ref: 'main' } }
})

describe('when a run writes the baseline', () => {
  it('auto: only a stable build on a trusted run (push to the default branch)', () => {
    expect(shouldUpdateBaseline({ updateBaseline: 'auto' }, true, push)).toEqual({
      update: true,
      reason: 'stable and trusted: push on the default branch'
    })
    expect(shouldUpdateBaseline({ updateBaseline: 'auto' }, false, push).reason).toMatch(/not stable/)
    const branch = shouldUpdateBaseline({ updateBaseline: 'auto' }, true, pushBranch)
    expect(branch.update).toBe(false)
    expect(branch.reason).toMatch(
      /not trusted: push on refs\/heads\/feature, not the default branch \(main\)/
    )
  })

  it('a pull request never writes, even with always', () => {
    const r = shouldUpdateBaseline({ updateBaseline: 'always' }, true, pr)
    expect(r).toEqual({
      update: false,
      reason: 'pull request runs never write the baseline, whatever update-baseline says'
    })
  })

  it('always writes outside pull requests, never never does', () => {
    expect(shouldUpdateBaseline({ updateBaseline: 'always' }, false, pushBranch).update).toBe(true)
    expect(shouldUpdateBaseline({ updateBaseline: 'never' }, true, push).update).toBe(false)
  })
})
