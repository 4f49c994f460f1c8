// The roadmap sync when GitHub fails half-way: writes that may have happened are found again rather
// than repeated, concurrent runs converge, announcements survive failures, every wait is bounded and
// every error names the request.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApi } from './support/github-api/index.js'
import { openTracking, syncWith } from './support/roadmap-harness.js'

const WORKSTREAMS = [
  'build-system-stabilization',
  'testing-infrastructure',
  'performance-observability',
  'kernel-events-enhancement'
]
const TRACKING = { 'create-tracking-issues': 'true' }

let api: GitHubApi
let logs: string[]
beforeEach(async () => {
  api = await startGitHubApi({ owner: 'toka', repo: 'toka', defaultBranch: 'main' })
  logs = []
})
afterEach(async () => api.close())

const posts = (suffix: string) =>
  api.requests.filter(r => r.method === 'POST' && r.path.split('?')[0].endsWith(suffix))
const unblocked = (i: number) =>
  (api.state.dispatches[i].client_payload as { data: { workstreams_unblocked: string[] } }).data
    .workstreams_unblocked

describe('a write GitHub applied but answered with an error', () => {
  it.each([
    ['a 502', { status: 502 }],
    ['a dropped connection', { reset: true }]
  ])('creating a tracking issue, then %s: found by its marker, not created twice', async (_n, fault) => {
    api.fault({ method: 'POST', path: '/repos/toka/toka/issues', afterApply: true, ...fault })
    const s = await syncWith(api, logs, { inputs: TRACKING })
    expect(s.mode).toBe('apply')
    for (const w of WORKSTREAMS) expect(openTracking(api, w)).toHaveLength(1)
    expect(api.state.issues).toHaveLength(WORKSTREAMS.length)
    // One POST per workstream: the failed one was not sent again.
    expect(posts('/issues')).toHaveLength(WORKSTREAMS.length)
    expect(logs.some(l => /may have failed; looking for it before trying again/.test(l))).toBe(true)
  })

  it('creating a tracking issue that really failed (502 before applying): created once on the next attempt', async () => {
    api.fault({ method: 'POST', path: '/repos/toka/toka/issues', status: 502 })
    await syncWith(api, logs, { inputs: TRACKING })
    for (const w of WORKSTREAMS) expect(openTracking(api, w)).toHaveLength(1)
    expect(posts('/issues').map(r => r.status)).toEqual([502, ...WORKSTREAMS.map(() => 201)])
  })

  it('a dispatch answered with 502 is not sent again by this run; the next run announces it', async () => {
    api.fault({ method: 'POST', path: '/repos/toka/toka/dispatches', status: 502, afterApply: true })
    await expect(syncWith(api, logs, { inputs: TRACKING })).rejects.toThrow(
      /GitHub sending repository_dispatch 'build-system-stable' to toka\/toka failed: HTTP 502.*next run announces/
    )
    expect(posts('/dispatches')).toHaveLength(1)
    expect(api.state.dispatches).toHaveLength(1)

    // Labels already say ready, but nothing recorded the announcement: the next run sends it.
    api.resetLog()
    const next = await syncWith(api, logs, { inputs: TRACKING })
    expect(api.state.dispatches).toHaveLength(2)
    expect(unblocked(1).sort()).toEqual(['kernel-events-enhancement', 'testing-infrastructure'])
    expect(next.plannedWrites.map(w => w.kind)).not.toContain('add-label')

    // Once announced, a rerun announces nothing and writes nothing.
    api.resetLog()
    await syncWith(api, logs, { inputs: TRACKING })
    expect(api.writes()).toBe(0)
    expect(api.state.dispatches).toHaveLength(2)
  })

  it('labels moved by a run that died before its dispatch are announced by the next run', async () => {
    await syncWith(api, logs, { inputs: TRACKING })
    expect(api.state.dispatches).toHaveLength(1)
    // A broken build's run relabels, then dies (its dispatch refused by a 500 it did not retry).
    api.fault({ method: 'POST', path: '/repos/toka/toka/dispatches', status: 500 })
    await expect(syncWith(api, logs, { stable: false, inputs: TRACKING })).rejects.toThrow(/HTTP 500/)
    expect(api.state.dispatches).toHaveLength(1)
    const next = await syncWith(api, logs, { stable: false, inputs: TRACKING })
    expect(next.plannedWrites.filter(w => w.kind.endsWith('label'))).toEqual([])
    expect(api.state.dispatches.map(d => d.event_type)).toEqual([
      'build-system-stable',
      'dependency-conflict'
    ])
    const data = (api.state.dispatches[1].client_payload as { data: { workstreams_blocked: string[] } }).data
    expect(data.workstreams_blocked.sort()).toEqual(['kernel-events-enhancement', 'testing-infrastructure'])
  })
})

describe('two runs at once', () => {
  it('leave one open tracking issue per workstream: the oldest, the other closed and unlabelled', async () => {
    const [a, b] = await Promise.all([
      syncWith(api, logs, { inputs: TRACKING }),
      syncWith(api, logs, { inputs: TRACKING })
    ])
    expect([a.mode, b.mode]).toEqual(['apply', 'apply'])
    // Both runs created issues (the race happened), and converged.
    expect(api.state.issues.length).toBeGreaterThan(WORKSTREAMS.length)
    for (const w of WORKSTREAMS) {
      const open = openTracking(api, w)
      expect(open).toHaveLength(1)
      const all = api.state.issues.filter(i => i.body?.includes(`build-gate:workstream=${w} `))
      expect(open[0]).toBe(Math.min(...all.map(i => i.number)))
    }
    for (const i of api.state.issues.filter(x => x.state === 'closed')) {
      expect(i.stateReason).toBe('not_planned')
      expect(i.labelIds).toEqual([])
    }
    expect(logs.some(l => /a concurrent run also created the tracking issue/.test(l))).toBe(true)
  })
})

describe('duplicates a race left behind (GitHub listed the other issue late)', () => {
  it('are closed by the next run, the oldest kept; a human’s issue with the label is never closed', async () => {
    const body = (w: string) => `Tracking\n\n<!-- build-gate:workstream=${w} -->`
    const label = ['workstream:testing-infrastructure']
    const kept = api.state.addIssue({ title: 'T', body: body('testing-infrastructure'), labels: label })
    const dup = api.state.addIssue({ title: 'T', body: body('testing-infrastructure'), labels: label })
    const human = api.state.addIssue({ title: 'Notes', body: 'by hand', labels: label })
    const s = await syncWith(api, logs)
    expect(s.plannedWrites).toContainEqual({
      kind: 'close-duplicate',
      target: `#${dup.number}`,
      detail: `another tracking issue of testing-infrastructure; #${kept.number} is kept`
    })
    expect([kept.state, dup.state, human.state]).toEqual(['open', 'closed', 'open'])
    api.resetLog()
    await syncWith(api, logs)
    expect(api.writes()).toBe(0)
  })
})

describe('every wait bounded', () => {
  it('a rate limit asking for an hour fails the sync at once, naming the request and the cap', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    api.fault({
      method: 'GET',
      path: '/repos/toka/toka/labels',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded' }
    })
    const started = Date.now()
    await expect(syncWith(api, logs)).rejects.toThrow(
      /^GitHub asked to wait 3[56]\d\d s \(rate limit\) on listing labels of toka\/toka; more than the 120 s allowed\. Rerun later/
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('an answer that never comes: each attempt times out, then the sync fails naming the request', async () => {
    api.fault({ method: 'GET', path: '/repos/toka/toka', status: 200, delayMs: 60_000, times: Infinity })
    const started = Date.now()
    await expect(syncWith(api, logs, { client: { requestTimeoutSeconds: 1 } })).rejects.toThrow(
      `GitHub reading repository toka/toka failed: could not reach ${api.url} (no answer within 1 s)`
    )
    // Four attempts of 1 s, and the retry plugin's 1 + 4 + 9 steps between them (50 ms each on an API
    // on this machine, not GitHub's seconds).
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000)
    expect(Date.now() - started).toBeLessThan(12_000)
    expect(api.requests).toHaveLength(0)
  }, 40_000)

  it('pagination that links back to the same page stops there', async () => {
    for (let i = 0; i < 3; i++) api.state.addLabel({ name: `l${i}` })
    const self = `${api.url}/repos/toka/toka/labels?per_page=100&page=1`
    api.fault({
      method: 'GET',
      path: /\/labels\?/,
      status: 200,
      times: Infinity,
      headers: { link: `<${self}>; rel="next"` }
    })
    const s = await syncWith(api, logs)
    expect(s.mode).toBe('apply')
    expect(api.requests.filter(r => r.path.startsWith('/repos/toka/toka/labels?')).length).toBe(2)
    expect(logs.some(l => /linked back to a page already read/.test(l))).toBe(true)
  })
})

describe('errors a user can act on', () => {
  it('an HTML error page: the request, the status and what to check; no HTML', async () => {
    api.fault({
      method: 'GET',
      path: '/repos/toka/toka/labels',
      status: 502,
      times: Infinity,
      html: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'
    })
    const error = (await syncWith(api, logs).catch((e: unknown) => e)) as Error
    expect(error.message).toBe(
      'GitHub listing labels of toka/toka failed: HTTP 502; GitHub failed; retry later (https://www.githubstatus.com)'
    )
  }, 30_000)

  it('a 200 with an HTML page is an error, not "the branch exists"', async () => {
    api.fault({
      method: 'GET',
      path: /\/git\/ref\/heads/,
      html: '<html><body>Sign in</body></html>',
      times: Infinity
    })
    await expect(syncWith(api, logs)).rejects.toThrow(
      /^GitHub reading branch 'feature\/[a-z-]+' of toka\/toka failed: HTTP 200 with an HTML page instead of JSON; check GITHUB_API_URL/
    )
    expect(api.state.branches().map(b => b.name)).toEqual(['main'])
  })

  it('a branch head answered without its commit: an error naming the request, no branch made', async () => {
    api.fault({
      method: 'GET',
      path: '/repos/toka/toka/git/ref/heads%2Fmain',
      text: '{"ref": "refs/heads/main", "object": {"type": "commit"}}',
      times: Infinity
    })
    await expect(syncWith(api, logs)).rejects.toThrow(
      /^GitHub reading branch 'main' of toka\/toka failed: HTTP 200 without `object\.sha`, which GitHub always sends; check GITHUB_API_URL/
    )
    expect(api.state.branches().map(b => b.name)).toEqual(['main'])
    expect(api.requests.filter(r => r.method === 'POST' && r.path.endsWith('/git/refs'))).toEqual([])
  })

  it('a refused write and a missing repository: the request, GitHub’s message and what to check', async () => {
    api.fault({
      method: 'POST',
      path: '/repos/toka/toka/labels',
      status: 422,
      body: { message: 'Validation Failed' }
    })
    await expect(syncWith(api, logs)).rejects.toThrow(
      /^GitHub creating label 'workstream:build-system-stabilization' in toka\/toka failed: HTTP 422 \(Validation Failed\)/
    )
    const missing = await startGitHubApi({ owner: 'someone', repo: 'else' })
    try {
      await expect(syncWith(missing, logs)).rejects.toThrow(
        /^GitHub reading repository toka\/toka failed: HTTP 404 \(Not Found\); check the repository and names; a token that cannot see the repository also gets 404 \(`permissions: contents: read`\)$/
      )
    } finally {
      await missing.close()
    }
  })

  it('a base-branch that does not exist: the input and the branch, before any branch is made', async () => {
    await expect(syncWith(api, logs, { inputs: { 'base-branch': 'develop' } })).rejects.toThrow(
      "Input 'base-branch': branch 'develop' does not exist in toka/toka; set base-branch to an existing branch, or leave it empty for the default branch (main)"
    )
    expect(api.state.branches().map(b => b.name)).toEqual(['main'])
  })
})

describe('what was announced: one ledger on the baseline branch', () => {
  const LEDGER = 'build-gate/announced.json'
  const ledger = () => JSON.parse(api.state.readFile(LEDGER, 'build-gate-baseline') ?? 'null')
  const seed = (claims: unknown[]) => {
    api.state.addBranch('build-gate-baseline')
    api.state.writeFile(
      LEDGER,
      JSON.stringify({ format: 'build-gate-announcements', version: 1, workstreams: {}, claims }),
      'build-gate-baseline'
    )
  }
  const claim = (minutesAgo: number) => ({
    id: 'another-run',
    at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    runUrl: null,
    workstreams: {
      'testing-infrastructure': { state: 'ready', branch: 'feature/testing-infrastructure' },
      'kernel-events-enhancement': { state: 'ready', branch: 'feature/kernel-events-expansion' },
      'performance-observability': { state: 'blocked', branch: null }
    }
  })

  const ledgerRequests = () => api.requests.filter(r => /announced\.json/.test(r.path))

  it('records what went out, so a rerun announces nothing', async () => {
    const first = await syncWith(api, logs)
    // Its claim, its confirmation, and the baseline branch they live on, counted like any write.
    expect(first.appliedWrites).toBe(api.writes())
    expect(ledgerRequests().filter(r => r.method === 'PUT')).toHaveLength(2)
    expect(ledger()).toEqual({
      format: 'build-gate-announcements',
      version: 1,
      workstreams: {
        'testing-infrastructure': { state: 'ready', branch: 'feature/testing-infrastructure' },
        'kernel-events-enhancement': { state: 'ready', branch: 'feature/kernel-events-expansion' },
        'performance-observability': { state: 'blocked', branch: null }
      },
      claims: []
    })
    api.resetLog()
    logs.length = 0
    const rerun = await syncWith(api, logs)
    expect(api.writes()).toBe(0)
    expect(rerun.appliedWrites).toBe(0)
    expect(api.state.dispatches).toHaveLength(1)
    // One read of the ledger, and no claim attempted.
    expect(ledgerRequests().map(r => r.method)).toEqual(['GET'])
    expect(logs.filter(l => /another run/.test(l))).toEqual([])
  })

  it('a dispatch the token may not send: report only, the claim withdrawn, every write counted', async () => {
    api.fault({
      method: 'POST',
      path: '/repos/toka/toka/dispatches',
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const s = await syncWith(api, logs)
    expect(s.mode).toBe('report-only')
    expect(s.note).toMatch(/^the token may not write \(dispatch repository_dispatch: .*HTTP 403/)
    expect(s.appliedWrites).toBe(api.writes())
    expect(s.observation).toMatchObject({ data: { workstreams_unblocked: [] } })
    expect(ledger()).toMatchObject({ workstreams: {}, claims: [] })
  })

  it('a dispatch that may have gone out (502) says so, and is not said to be unannounced', async () => {
    api.fault({ method: 'POST', path: '/repos/toka/toka/dispatches', status: 502 })
    const error = (await syncWith(api, logs).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/HTTP 502.*may or may not have been delivered/)
    expect(error.message).not.toMatch(/Nothing was announced/)
    expect(ledger().claims).toEqual([])
  })

  it('the dispatch went out but its record failed: the error says so, and the claim keeps a rerun quiet', async () => {
    api.fault({
      method: 'PUT',
      path: /announced\.json$/,
      status: 403,
      skip: 1,
      body: { message: 'Forbidden' }
    })
    await expect(syncWith(api, logs)).rejects.toThrow(
      /^The dispatch went out, but recording it failed: .*HTTP 403.*\. The next run may announce the same changes again$/
    )
    expect(api.state.dispatches).toHaveLength(1)
    expect(ledger().claims).toHaveLength(1)
    await syncWith(api, logs)
    expect(api.state.dispatches).toHaveLength(1)
  })

  it('a claim it cannot withdraw is logged; it lapses', async () => {
    api.fault({ method: 'POST', path: '/repos/toka/toka/dispatches', status: 400 })
    api.fault({
      method: 'PUT',
      path: /announced\.json$/,
      status: 403,
      skip: 1,
      body: { message: 'Forbidden' }
    })
    await expect(syncWith(api, logs)).rejects.toThrow(/HTTP 400.*Nothing was announced/)
    expect(logs).toContainEqual(
      expect.stringMatching(
        /^could not withdraw this run's claim in build-gate\/announced\.json .*; it lapses in 10 minutes$/
      )
    )
  })

  it('two runs claiming at once: the one whose write lost re-reads, sees the claim, sends nothing', async () => {
    api.fault({ method: 'PUT', path: /announced\.json$/, gather: 2 })
    await Promise.all([syncWith(api, logs), syncWith(api, logs)])
    expect(api.state.dispatches).toHaveLength(1)
    const claims = api.requests.filter(r => r.method === 'PUT' && /announced\.json$/.test(r.path))
    expect(claims.map(r => r.status).sort()).toEqual([200, 201, 422])
    expect(logs.filter(l => /another run is announcing the same changes/.test(l))).toHaveLength(1)
    expect(ledger().claims).toEqual([])
  })

  it('a claim another run holds now is not announced again; one left by a run that died lapses', async () => {
    seed([claim(1)])
    await syncWith(api, logs)
    expect(api.state.dispatches).toHaveLength(0)
    seed([claim(11)])
    await syncWith(api, logs)
    expect(api.state.dispatches).toHaveLength(1)
    expect(unblocked(0).sort()).toEqual(['kernel-events-enhancement', 'testing-infrastructure'])
    expect(ledger().claims).toEqual([])
  })

  it('a dispatch refused withdraws the claim: the ledger says nothing went out', async () => {
    api.fault({
      method: 'POST',
      path: '/repos/toka/toka/dispatches',
      status: 422,
      body: { message: 'Invalid' }
    })
    await expect(syncWith(api, logs)).rejects.toThrow(
      /HTTP 422 \(Invalid\).*Nothing was announced; the next run announces these changes again$/
    )
    expect(ledger()).toMatchObject({ workstreams: {}, claims: [] })
  })

  it('a ledger it cannot read: an error naming the file, nothing announced, the file left as it is', async () => {
    api.state.addBranch('build-gate-baseline')
    api.state.writeFile(LEDGER, '{"format": "build-gate-announcements"', 'build-gate-baseline')
    await expect(syncWith(api, logs)).rejects.toThrow(
      /^Roadmap announcements build-gate\/announced\.json on branch build-gate-baseline of toka\/toka: not valid JSON .*; fix or delete it/
    )
    expect(api.state.dispatches).toEqual([])
    expect(api.state.readFile(LEDGER, 'build-gate-baseline')).toBe('{"format": "build-gate-announcements"')
  })

  it('before the ledger: what an earlier release recorded in a tracking issue counts; labels do not', async () => {
    const body = (w: string, state: string) =>
      `<!-- build-gate:workstream=${w} -->\n<!-- build-gate:announced=${state} -->`
    for (const [w, state] of [
      ['testing-infrastructure', 'ready'],
      ['performance-observability', 'blocked']
    ])
      api.state.addIssue({ title: w, body: body(w, state), labels: [`workstream:${w}`, `status:${state}`] })
    api.state.addBranch('feature/testing-infrastructure')
    // Labelled ready by a run that died before its dispatch: not announced.
    api.state.addIssue({
      title: 'k',
      body: 'by hand',
      labels: ['workstream:kernel-events-enhancement', 'status:ready']
    })
    await syncWith(api, logs)
    expect(api.state.dispatches).toHaveLength(1)
    expect(unblocked(0)).toEqual(['kernel-events-enhancement'])
    const data = (api.state.dispatches[0].client_payload as { data: Record<string, string[]> }).data
    expect([data.workstreams_blocked, data.branches_created]).toEqual([
      [],
      ['feature/kernel-events-expansion']
    ])
  })
})
