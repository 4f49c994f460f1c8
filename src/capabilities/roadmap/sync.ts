// Roadmap sync: read the plan, decide readiness from the verdict and the tracking issues, plan the writes,
// and make them only on a trusted run. A pull request gets a preview and the sticky comment instead.
import type { RunContext } from '../../github/context.js'
import type { ConfigOf, ReportOf } from '../capability.js'
import { errorText, status, type GitHubClient } from '../../github/writes.js'
import { BranchStore } from '../../store/branch-store.js'
import { announcedInIssues, announcements, isEmpty, NOTHING, type Announcement } from './announce.js'
import { announceOnce } from './announcer.js'
import { applyWrites } from './apply.js'
import { lastAnnounced, LEDGER_PATH, ledgerCodec, type LedgerEntry } from './ledger.js'
import type { Workstream } from './model.js'
import { buildObservation, eventType, gateBlocks, type ObservationInput } from './observation.js'
import { branchExists, observeBranches, observeRepository } from './observe.js'
import {
  describeWrite,
  planWrites,
  previousState,
  type GitHubWrite,
  type Observed,
  type PlanSettings,
  type Write
} from './plan.js'
import { decideReadiness, type Readiness } from './readiness.js'
import type { RoadmapParts, WorkstreamsSection } from './section.js'

export interface SyncOptions {
  report: ReportOf<RoadmapParts>
  config: ConfigOf<RoadmapParts>
  ctx: RunContext
  client: GitHubClient | null
  log: (line: string) => void
  /**
   * Where the `workstreams` glob is resolved; default: the workspace on the command line (whatever the
   * current directory), the repository (GITHUB_WORKSPACE) in Actions.
   */
  root?: string
  now?: () => Date
  /** What the run history says (since when unstable, conflicts resolved), for the observation. */
  tracker?: ObservationInput['tracker']
}

type Mode = WorkstreamsSection['mode']

export async function syncWorkstreams(o: SyncOptions): Promise<WorkstreamsSection> {
  const { config, ctx, client, log } = o
  if (!config.workstreams)
    throw new Error("syncWorkstreams needs the 'workstreams' input (a glob of workstream files)")
  const root =
    o.root ??
    (config.surface === 'cli' ? config.workingDirectory : (process.env.GITHUB_WORKSPACE ?? process.cwd()))
  // The YAML parser and the glob matcher load only for runs that keep a roadmap.
  const { loadWorkstreams } = await import('./load.js')
  const workstreams = await loadWorkstreams(config.workstreams, root, {
    labelPrefix: config.workstreamLabelPrefix,
    gateWorkstream: config.gateWorkstream
  })
  const settings: PlanSettings = {
    prefix: config.workstreamLabelPrefix,
    readyLabel: config.readyLabel,
    blockedLabel: config.blockedLabel,
    createTrackingIssues: config.createTrackingIssues,
    baseBranch: config.baseBranch
  }
  const repo = ctx.owner && ctx.repo ? { owner: ctx.owner, repo: ctx.repo } : null
  if (!client || !repo)
    return offline(
      o,
      workstreams,
      !client ? 'no GitHub token' : 'no repository (GITHUB_REPOSITORY is not set)'
    )

  let observed: Observed
  let readiness: Readiness[]
  try {
    const seen = await observeRepository(client, repo, workstreams, settings.prefix, log)
    readiness = decide(o, workstreams, seen.issues)
    const wantedBranches = readiness.flatMap(r => {
      const branch = workstreams.find(w => w.name === r.name)!.branch
      return r.state === 'ready' && !r.isGate && !r.done && branch ? [branch] : []
    })
    observed = { ...seen, branches: await observeBranches(client, repo, wantedBranches) }
  } catch (e) {
    if (status(e) !== 403) throw e
    return offline(o, workstreams, `the token may not read the repository's issues (${errorText(e)})`)
  }

  const planned = planWrites(workstreams, readiness, observed, settings)
  let writes: Write[] = planned
  const mode: Mode = config.dryRun ? 'dry-run' : ctx.trusted && !ctx.pullRequest ? 'apply' : 'preview'
  const section = (m: Mode, applied: number, created: string[], a: Announcement, note: string) => ({
    mode: m,
    workstreams: states(workstreams, readiness, observed, settings),
    plannedWrites: writes.map(describeWrite),
    appliedWrites: applied,
    createdBranches: created,
    observation: observation(o, workstreams, readiness, a),
    note
  })
  const ledger = new BranchStore(
    client,
    { ...repo, branch: config.baselineBranch, path: LEDGER_PATH },
    ledgerCodec
  )
  const now = o.now ?? (() => new Date())
  const derive = (branches: ReadonlySet<string>) => (last: ReadonlyMap<string, LedgerEntry>) =>
    announcements({ readiness, workstreams, last, branches })
  const announced = (a: Announcement): [Write, GitHubWrite] => [
    { kind: 'record-announced', location: ledger.location, record: a.record },
    { kind: 'dispatch', eventType: eventType(o.report), payload: observation(o, workstreams, readiness, a) }
  ]

  if (mode !== 'apply') {
    const branches = new Set([
      ...observed.branches,
      ...planned.flatMap(w => (w.kind === 'create-branch' ? [w.branch] : []))
    ])
    let a = NOTHING
    if (config.dispatchEvents) {
      const doc = await ledger.read().catch((e: unknown) => {
        log(`${errorText(e)}; the plan assumes nothing was announced`)
        return null
      })
      const last = doc ? lastAnnounced(doc, now()) : announcedInIssues(observed.issues, workstreams, branches)
      a = derive(branches)(last)
      if (!isEmpty(a)) writes = [...writes, ...announced(a)]
    }
    for (const w of writes) log(`${mode === 'dry-run' ? 'would' : 'if merged, would'} ${line(w)}`)
    const note =
      mode === 'dry-run'
        ? `dry run: ${writes.length} write(s) planned, none made`
        : `${ctx.pullRequest ? `pull request #${ctx.pullRequest.number}` : ctx.trustReason}: nothing on the roadmap changes; the plan shows what a trusted run would do`
    return section(mode, 0, [], a, note)
  }

  if (settings.baseBranch && writes.some(w => w.kind === 'create-branch'))
    if (!(await branchExists(client, repo, settings.baseBranch)))
      throw new Error(
        `Input 'base-branch': branch '${settings.baseBranch}' does not exist in ${repo.owner}/${repo.repo}; set base-branch to an existing branch, or leave it empty for the default branch (${observed.defaultBranch})`
      )
  const applied = await applyWrites(client, repo, planned, log, { prefix: settings.prefix })
  let count = applied.applied
  let forbidden = applied.forbidden
  let a = NOTHING
  if (!forbidden && config.dispatchEvents) {
    const branches = new Set([...observed.branches, ...applied.createdBranches])
    const done = await announceOnce({
      store: ledger,
      derive: derive(branches),
      before: announcedInIssues(observed.issues, workstreams, branches),
      send: async x => {
        const [record, event] = announced(x)
        writes = [...writes, record, event]
        return applyWrites(client, repo, [event], log, { prefix: settings.prefix })
      },
      now,
      runUrl: ctx.runUrl,
      log
    })
    a = done.announcement ?? NOTHING
    count += done.writes
    forbidden = done.forbidden
  }
  const note = forbidden
    ? `the token may not write (${forbidden}); give the workflow 'contents: write' and 'issues: write'. ${count} write(s) were made before that`
    : `${count} write(s) made`
  return section(forbidden ? 'report-only' : 'apply', count, applied.createdBranches, a, note)
}

/** The section of a sync that failed: the summary and the PR comment say so, with the reason. */
export function failedSync(error: string): WorkstreamsSection {
  return {
    mode: 'report-only',
    workstreams: [],
    plannedWrites: [],
    appliedWrites: 0,
    createdBranches: [],
    observation: null,
    note: 'the roadmap sync failed; nothing after the failure was written',
    error
  }
}

function decide(o: SyncOptions, workstreams: Workstream[], issues?: Observed['issues']): Readiness[] {
  return decideReadiness(workstreams, {
    gate: o.config.gateWorkstream,
    stable: o.report.verdict.stable,
    unstableBecause: o.report.verdict.reasons.map(r => r.message),
    issues,
    prefix: o.config.workstreamLabelPrefix
  })
}

// Without GitHub: readiness from the files and the verdict alone; nothing planned, nothing written.
function offline(o: SyncOptions, workstreams: Workstream[], why: string): WorkstreamsSection {
  const readiness = decide(o, workstreams)
  o.log(`workstreams: report only: ${why}`)
  return {
    mode: 'report-only',
    workstreams: readiness.map(r => ({
      ...base(workstreams, r),
      trackingIssue: null,
      previousState: 'unknown'
    })),
    plannedWrites: [],
    appliedWrites: 0,
    createdBranches: [],
    observation: observation(o, workstreams, readiness, NOTHING),
    note: `report only: ${why}; readiness comes from the workstream files and the verdict`
  }
}

function states(workstreams: Workstream[], readiness: Readiness[], observed: Observed, s: PlanSettings) {
  return readiness.map(r => {
    const issue = observed.issues.get(r.name) ?? null
    return {
      ...base(workstreams, r),
      trackingIssue: issue?.number ?? null,
      previousState: previousState(issue, s)
    }
  })
}

function base(workstreams: Workstream[], r: Readiness) {
  const ws = workstreams.find(w => w.name === r.name)!
  return { name: ws.name, title: ws.title, branch: ws.branch, state: r.state, reasons: r.reasons }
}

function observation(
  o: SyncOptions,
  workstreams: Workstream[],
  readiness: Readiness[],
  a: Announcement
): Record<string, unknown> {
  const dependents = readiness.filter(r => !r.isGate)
  return buildObservation({
    report: o.report,
    gate: o.config.gateWorkstream,
    ready: dependents.filter(r => r.state === 'ready').map(r => r.name),
    blocked: dependents.filter(r => r.state === 'blocked').map(r => r.name),
    unblocked: a.unblocked,
    newlyBlocked: a.blocked,
    branchesCreated: a.branchesCreated,
    runUrl: o.ctx.runUrl,
    sha: o.ctx.sha,
    now: (o.now ?? (() => new Date()))(),
    tracker: o.tracker,
    nextMilestone: gateBlocks(workstreams, readiness, o.config.gateWorkstream, o.report.verdict.stable)
  })
}

function line(w: Write): string {
  const d = describeWrite(w)
  return `${d.kind} ${d.target}: ${d.detail}`
}
