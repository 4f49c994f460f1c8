// flaky-issues through the real pipeline: real cargo on the flaky fixture (a test that fails on its first
// attempt), the sync stage against the local GitHub API. The oracles: the fixture's source for the panic
// line the issue quotes, the API's state for what was written, the verdict before and after the sync.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { createClient } from '../src/github/client.js'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { syncStage } from '../src/pipeline/sync.js'
import { terminalReport } from '../src/pipeline/terminal.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'
import { runContext } from './support/roadmap-harness.js'

const dir = path.resolve('__fixtures__/workspaces/tests-flaky')
const LIB = 'crates/fx-flaky-kernel/src/lib.rs'
const inputs: Record<string, string> = {
  'test-args': '--workspace -- --test-threads=2',
  'flaky-issues': 'true'
}
const config = () => parseConfig(n => inputs[n] ?? '', 'cli', dir)

let api: GitHubApi
let report: GateReport
beforeAll(async () => {
  api = await startGitHubApi({ owner: 'toka', repo: 'toka' })
  process.env.FX_FLAKY_STATE = path.join(dir, 'target', 'flaky-state', randomUUID())
  process.env.FX_FLAKY = '1'
  try {
    report = (await runGate(config())).report
  } finally {
    delete process.env.FX_FLAKY
    delete process.env.FX_FLAKY_STATE
  }
}, 180_000)
afterAll(async () => api.close())

const sync = (event: string, pr: number | null) =>
  syncStage(report, config(), {
    ctx: runContext(api, event, pr ? { number: pr, fork: true } : null, {
      GITHUB_SHA: 'c0ffee1',
      GITHUB_RUN_ID: '4242'
    }),
    github: createClient('t', { baseUrl: api.url }),
    log: () => undefined
  })

describe('a flaky test on real cargo', () => {
  it('a fork’s pull request writes nothing and its summary says why', async () => {
    expect(report.tests.flaky).toHaveLength(1)
    const synced = await sync('pull_request', 9)
    expect(api.requests).toEqual([])
    expect(synced.problems).toEqual([])
    expect(renderSummary(synced.report)).toContain(
      'Report only: pull request #9 from a fork: only a trusted run'
    )
  })

  it('a scheduled run opens its issue with cargo’s first failure, says where, and leaves the verdict as it was', async () => {
    const synced = await sync('schedule', null)
    expect(synced.problems).toEqual([])
    expect(synced.warnings).toEqual([])
    expect(synced.report.verdict).toEqual(report.verdict)
    expect(api.state.issues).toHaveLength(1)
    const [issue] = api.state.issues
    expect(issue.title).toBe('Flaky test: fx-flaky-kernel tests::fails_once')
    const line = readFileSync(path.join(dir, LIB), 'utf8')
      .split('\n')
      .findIndex(l => l.includes('the registry lost an entry'))
    expect(issue.body).toContain(`panicked at ${LIB}:${line + 1}:`)
    expect(issue.body).toContain('2 attempts, failed first: `the registry lost an entry`')
    const link = `https://github.com/toka/toka/issues/${issue.number}`
    expect(renderSummary(synced.report)).toContain(`<a href="${link}">#${issue.number}</a>`)
    expect(terminalReport(synced.report)).toContain(
      `fx-flaky-kernel tests::fails_once: opened #${issue.number} (${link})`
    )
    // The same run again (a re-run of its jobs) adds nothing.
    api.resetLog()
    await sync('schedule', null)
    expect(api.writes()).toBe(0)
  })
})
