// Publish first, sync second: outputs, the job summary and the report file are out before the first
// GitHub request of the roadmap sync, so a slow or stuck API never withholds the verdict.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const dir = mkdtempSync(path.join(tmpdir(), 'gate-publish-order-'))
const repository = { full_name: 'octo-org/octo-repo', name: 'octo-repo', default_branch: 'main' }
const saved = { ...process.env }
let api: GitHubApi

beforeEach(async () => {
  api = await startGitHubApi({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main' })
  const event = path.join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({ schedule: '0 3 * * *', repository }))
  Object.assign(process.env, {
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'a'.repeat(40)
  })
  for (const k of Object.keys(core.inputs)) delete core.inputs[k]
  core.summary.written = ''
  core.setOutput.mockClear()
})
afterEach(async () => {
  process.env = { ...saved }
  await api.close()
})

describe('the action publishes the verdict before the roadmap sync', () => {
  it('has set its outputs, written the summary and the report while the first API request is still pending', async () => {
    const reportPath = path.join(dir, 'report.json')
    Object.assign(core.inputs, {
      'working-directory': path.resolve('__fixtures__/workspaces/clean'),
      'report-path': reportPath,
      workstreams: '__fixtures__/workstreams/toka/*.yaml',
      'github-token': 'write-token',
      'baseline-store': 'file',
      'baseline-path': path.join(dir, 'baseline.json'),
      'update-baseline': 'never'
    })
    // The API answers its first request only after 3 s.
    api.fault({ status: 200, delayMs: 3000 })
    const seen: { requests: number; report: boolean }[] = []
    core.setOutput.mockImplementation(name => {
      if (name === 'stable') seen.push({ requests: api.requests.length, report: existsSync(reportPath) })
    })
    const writes: { requests: number; text: string }[] = []
    const write = core.summary.write.bind(core.summary)
    const spy = jest.spyOn(core.summary, 'write').mockImplementation(async () => {
      writes.push({ requests: api.requests.length, text: core.summary.stringify() })
      return write()
    })
    await run()
    spy.mockRestore()
    core.setOutput.mockImplementation(() => undefined)
    expect(seen).toEqual([{ requests: 0, report: true }])
    expect(writes[0]).toEqual({ requests: 0, text: expect.stringContaining('Build is stable') })
    // The sync did run afterwards, and its section and outputs were published after it.
    expect(api.requests.length).toBeGreaterThan(0)
    expect(core.setOutput.mock.calls.map(([k]) => k)).toContain('ready-workstreams')
    expect(core.summary.written).toContain('### Workstreams')
    expect(core.summary.written.indexOf('Build is stable')).toBeLessThan(
      core.summary.written.indexOf('### Workstreams')
    )
  })
})
