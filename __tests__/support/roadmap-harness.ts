// A roadmap sync against the local GitHub API through the project's own client, as the action runs it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../../src/pipeline/config.js'
import { failureReport } from '../../src/pipeline/report.js'
import { createClient, type ClientOptions } from '../../src/github/client.js'
import { readRunContext, type RunContext } from '../../src/github/context.js'
import type { GateReport } from '../../src/pipeline/registry.js'
import { syncWorkstreams } from '../../src/capabilities/roadmap/sync.js'
import type { GitHubApi } from './github-api/index.js'

export const fixtures = path.resolve('__fixtures__/workstreams')

export function gateReport(stable: boolean): GateReport {
  const r = failureReport('/ws', 'base64ct 0.5.1 and 0.6.0 in one build', 'msrv')
  if (stable) r.verdict = { stable: true, reasons: [], warnings: [] }
  return r
}

export function runContext(
  api: GitHubApi,
  event: string,
  pr: { number: number; fork?: boolean } | null = null,
  /** More of the runner's variables, e.g. GITHUB_RUN_ID, or another GITHUB_SHA. */
  env: Record<string, string> = {}
): RunContext {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json')
  const payload: Record<string, unknown> = { repository: { default_branch: 'main' } }
  if (pr)
    payload.pull_request = {
      number: pr.number,
      head: { ref: 'fix', repo: { full_name: pr.fork ? 'someone/toka' : 'toka/toka', fork: !!pr.fork } },
      base: { ref: 'main', repo: { full_name: 'toka/toka' } }
    }
  writeFileSync(file, JSON.stringify(payload))
  return readRunContext({
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'toka/toka',
    GITHUB_REF: pr ? `refs/pull/${pr.number}/merge` : 'refs/heads/main',
    GITHUB_SHA: 'cafe',
    GITHUB_API_URL: api.url,
    ...env
  })
}

export function syncWith(
  api: GitHubApi,
  logs: string[],
  opts: { stable?: boolean; inputs?: Record<string, string>; client?: ClientOptions } = {}
) {
  const all: Record<string, string> = { workstreams: 'compact/plan.yaml', ...opts.inputs }
  return syncWorkstreams({
    report: gateReport(opts.stable ?? true),
    config: parseConfig(name => all[name] ?? '', 'cli', fixtures),
    ctx: runContext(api, 'schedule'),
    client: createClient('t', { baseUrl: api.url, log: l => logs.push(l), ...opts.client }),
    log: l => logs.push(l),
    root: fixtures
  })
}

/** Workstream label → open issue numbers carrying it. */
export function openTracking(api: GitHubApi, workstream: string): number[] {
  return api.state.issues
    .filter(i => i.state === 'open' && api.state.labelNames(i).includes(`workstream:${workstream}`))
    .map(i => i.number)
}
