import { afterEach, describe, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'
import { createClient } from '../src/github/client.js'
import { BranchStore } from '../src/store/branch-store.js'
import {
  addSample,
  BaselineError,
  baselineCodec,
  type Baseline
} from '../src/capabilities/timing/baseline.js'

const KEY = { rustc: '1.95.0', os: 'Linux' }
const PATH = 'build-gate/baseline.json'
const sample = (seconds: number, sha: string) => ({ seconds, at: '2024-01-01T00:00:00Z', sha, crates: {} })
const add = (seconds: number, sha: string) => (b: Baseline | null) =>
  addSample(b, KEY, 'warm', sample(seconds, sha), 20)

let api: GitHubApi | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

async function setup(): Promise<{ api: GitHubApi; store: (attempts?: number) => BranchStore<Baseline> }> {
  api = await startGitHubApi()
  const client = createClient('token', { baseUrl: api.url })
  const a = api
  return {
    api: a,
    store: attempts =>
      new BranchStore(
        client,
        {
          owner: a.state.owner,
          repo: a.state.repo,
          branch: 'build-gate-baseline',
          path: PATH,
          attempts
        },
        baselineCodec
      )
  }
}

const seconds = (text: string | undefined) =>
  (JSON.parse(text ?? '{}') as Baseline).entries[0].samples.map(s => s.seconds)

describe('branch baseline store over the contents API', () => {
  it('reads "no baseline yet" without a branch, then creates the branch from the default branch on first write', async () => {
    const { api, store } = await setup()
    expect(await store().read()).toBeNull()
    await store().update(add(10, 'a'))
    expect(api.state.branch('build-gate-baseline')).toBeDefined()
    expect(api.state.readFile(PATH, 'main')).toBeUndefined()
    expect(seconds(api.state.readFile(PATH, 'build-gate-baseline'))).toEqual([10])
    expect((await store().read())?.entries[0].samples[0].sha).toBe('a')
  })

  it('when another run commits between our read and our write (409), re-reads and keeps both samples', async () => {
    const { api, store } = await setup()
    await store().update(add(10, 'a'))
    let calls = 0
    await store().update(current => {
      // Another job's write lands while we are deciding: our sha is now stale.
      if (calls++ === 0)
        api.state.writeFile(PATH, JSON.stringify(add(11, 'other')(current)), 'build-gate-baseline')
      return add(12, 'ours')(current)
    })
    expect(calls).toBe(2)
    expect(api.requests.filter(r => r.method === 'PUT').map(r => r.status)).toEqual([201, 409, 200])
    expect(seconds(api.state.readFile(PATH, 'build-gate-baseline'))).toEqual([10, 11, 12])
  })

  it('two runs writing the first baseline at once (one gets 422: sha missing) both end up in it', async () => {
    const { api, store } = await setup()
    api.state.addBranch('build-gate-baseline')
    await Promise.all([store().update(add(10, 'one')), store().update(add(20, 'two'))])
    expect(api.requests.some(r => r.method === 'PUT' && r.status === 422)).toBe(true)
    expect(seconds(api.state.readFile(PATH, 'build-gate-baseline')).sort()).toEqual([10, 20])
  })

  it('gives up after a bounded number of conflicts, naming file and branch', async () => {
    const { api, store } = await setup()
    await store().update(add(10, 'a'))
    api.fault({ method: 'PUT', path: /contents/, status: 409, times: Infinity })
    await expect(store(3).update(add(11, 'b'))).rejects.toThrow(
      /build-gate\/baseline\.json on branch build-gate-baseline of octo-org\/octo-repo: could not be written: still conflicting after 3 attempts/
    )
    expect(api.requests.filter(r => r.method === 'PUT' && r.status === 409)).toHaveLength(3)
  })

  it('a corrupt baseline on the branch is an error naming file and branch, and is never overwritten', async () => {
    const { api, store } = await setup()
    api.state.addBranch('build-gate-baseline')
    api.state.writeFile(PATH, '{"format": "something-else"}', 'build-gate-baseline')
    const writes = api.writes()
    await expect(store().update(add(10, 'a'))).rejects.toThrow(
      /Baseline build-gate\/baseline\.json on branch build-gate-baseline .*not a build-gate baseline/
    )
    await expect(store().read()).rejects.toBeInstanceOf(BaselineError)
    expect(api.writes()).toBe(writes)
    expect(api.state.readFile(PATH, 'build-gate-baseline')).toBe('{"format": "something-else"}')
  })

  it('a read-only token gets a fix in the error', async () => {
    const { api, store } = await setup()
    api.fault({
      method: 'POST',
      path: /git\/refs/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    await expect(store().update(add(10, 'a'))).rejects.toThrow(/permissions: contents: write/)
  })
})
