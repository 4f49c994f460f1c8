// A baseline GitHub cannot serve (no connection, 5xx after retries, a proxy's page) leaves build time
// measured but not compared, with a warning naming the cause; a corrupt one is still an error.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { BranchStore, DocumentUnreachable } from '../src/store/branch-store.js'
import { documentOpener } from '../src/store/documents.js'
import { BaselineError, baselineCodec } from '../src/capabilities/timing/baseline.js'
import { parseConfig } from '../src/pipeline/config.js'
import { createClient } from '../src/github/client.js'
import { readRunContext } from '../src/github/context.js'
import { produceReport } from '../src/pipeline/produce.js'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'

const PATH = 'build-gate/baseline.json'
let api: GitHubApi | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

const store = (url: string) =>
  new BranchStore(
    createClient('t', { baseUrl: url }),
    { owner: 'octo-org', repo: 'octo-repo', branch: 'build-gate-baseline', path: PATH },
    baselineCodec
  )

/** The URL of a port nobody listens on any more. */
async function deadUrl(): Promise<string> {
  const gone = await startGitHubApi()
  await gone.close()
  return gone.url
}

describe('reading the baseline when GitHub is not there', () => {
  it('connection refused: unreachable, naming the file, the request and the cause', async () => {
    const url = await deadUrl()
    const error = await store(url)
      .read()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DocumentUnreachable)
    expect((error as Error).message).toBe(
      `the baseline (${PATH} on branch build-gate-baseline of octo-org/octo-repo) could not be read: GitHub reading ${PATH} on branch build-gate-baseline of octo-org/octo-repo failed: could not reach ${url} (ECONNREFUSED); check GITHUB_API_URL and the runner's network, or retry later`
    )
  }, 30_000)

  it('an HTML page with 200: unreachable, not a baseline', async () => {
    api = await startGitHubApi()
    api.fault({ path: /contents/, html: '<html>proxy login</html>', times: Infinity })
    await expect(store(api.url).read()).rejects.toThrow(/HTTP 200 with an HTML page instead of JSON/)
  })

  it('a corrupt baseline GitHub did return is still a BaselineError', async () => {
    api = await startGitHubApi()
    api.state.addBranch('build-gate-baseline')
    api.state.writeFile(PATH, '{"format": "nope"', 'build-gate-baseline')
    await expect(store(api.url).read()).rejects.toBeInstanceOf(BaselineError)
  })
})

describe('through the gate (real cargo)', () => {
  it('a clean build stays stable; build time is not compared, and a warning says why', async () => {
    api = await startGitHubApi()
    api.fault({ method: 'GET', path: /contents/, status: 503, times: Infinity })
    const config = parseConfig(
      n => ({ 'update-baseline': 'always', 'confirm-regression': 'false' })[n] ?? '',
      'cli',
      path.resolve('__fixtures__/workspaces/clean')
    )
    // The gate's own document store: the baseline branch of the repository, through this API.
    const url = api.url
    const repo = { owner: 'octo-org', repo: 'octo-repo' }
    const documents = documentOpener({ ...config, baselineStore: 'branch' }, repo, async () =>
      createClient('t', { baseUrl: url })
    )
    const { report } = await produceReport(config, { ctx: readRunContext({}), documents })
    expect(report.verdict.stable).toBe(true)
    expect(report.timing).toMatchObject({ regression: 'not-comparable', baselineUpdated: false })
    expect(report.timing!.seconds).toBeGreaterThan(0)
    const warning = report.findings.find(f => f.code === 'build-time-not-comparable')
    expect(warning?.severity).toBe('warn')
    expect(report.verdict.warnings.map(w => w.message)).toContain(warning?.message)
    expect(warning?.message).toMatch(
      /^Build time not compared: the baseline .* could not be read: GitHub reading build-gate\/baseline\.json on branch build-gate-baseline of octo-org\/octo-repo failed: HTTP 503/
    )
    // Nothing was written to a store that could not be read.
    expect(api.writes()).toBe(0)
  }, 60_000)
})
