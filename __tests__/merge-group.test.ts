// In a merge queue (the merge_group event) the gate judges the group like a pull request: never trusted
// to write (the group may still leave the queue; the push that lands it writes), and its public API is
// compared with the commit the group is merged onto (merge_group.base_sha).
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { baseRequest, describeFrom } from '../src/capabilities/public-api/git.js'
import { readRunContext } from '../src/github/context.js'

const head = 'c'.repeat(40)
const group = {
  action: 'checks_requested',
  merge_group: {
    head_sha: head,
    head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${head}`,
    base_sha: 'b'.repeat(40),
    base_ref: 'refs/heads/main'
  },
  repository: { default_branch: 'main' }
}
const env = {
  GITHUB_EVENT_NAME: 'merge_group',
  GITHUB_REPOSITORY: 'acme/ledger',
  GITHUB_REF: group.merge_group.head_ref,
  GITHUB_SHA: head
}

describe('a merge_group run', () => {
  it('is not trusted to write, and is not a pull request (no comment)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctx-')), 'event.json')
    writeFileSync(file, JSON.stringify(group))
    const c = readRunContext({ ...env, GITHUB_EVENT_PATH: file })
    expect(c.trusted).toBe(false)
    expect(c.pullRequest).toBeNull()
    expect(c.trustReason).toBe(
      'merge queue runs never write the roadmap or the baseline: the push that lands the group does'
    )
  })

  it("compares the public API with the group's base, not the head's parent", () => {
    expect(baseRequest('', env, group)).toEqual({ rev: 'b'.repeat(40), from: 'merge_group' })
    expect(describeFrom('merge_group')).toBe("the merge group's base")
    // public-api-base still wins; a payload without the base falls back to the parent.
    expect(baseRequest('v1.0.0', env, group)).toEqual({ rev: 'v1.0.0', from: 'input' })
    expect(baseRequest('', env, { merge_group: {} })).toEqual({ rev: `${head}^`, from: 'parent' })
  })
})
