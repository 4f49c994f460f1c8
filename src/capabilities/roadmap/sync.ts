// Roadmap sync: read the plan, decide readiness from the verdict and the tracking issues, plan the writes,
// and make them only on a trusted run. A pull request gets a preview and the sticky comment instead.
import type { RunContext } from '../../github/context.js'
import type { ConfigOf, ReportOf } from '../capability.js'
import { announcements, type Announcement } from './announce.js'
import { applyWrites, type ApplyResult } from './apply.js'
import { errorText, status, type GitHubClient } from '../../github/writes.js'
import type { Workstream } from './model.js'
import { buildObservation, eventType, gateBlocks, type ObservationInput } from './observation.js'
import { branchExists, observeBranches, observeRepository } from './observe.js'
import { withAnnounced } from './markers.js'
import {
  describeWrite,
  planWrites,
  previousState,
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

  let writes = planWrites(workstreams, readiness, observed, settings)
  const mode: Mode = config.dryRun ? 'dry-run' : ctx.trusted && !ctx.pullRequest ? 'apply' : 'preview'
  const section = (
    m: Mode,
    w: Write[],
    applied: number,
    created: string[],
    changes: { unblocked: string[]; blocked: string[] },
    note: string
  ): WorkstreamsSection => ({
    mode: m,
    workstreams: states(workstreams, readiness, observed, settings),
    plannedWrites: w.map(describeWrite),
    appliedWrites: applied,
    createdBranches: created,
    observation: observation(o, workstreams, readiness, changes, created),
    note
  })
  const announce = (created: ApplyResult['createdIssues'], branches: string[]) =>
    announcements({
      readiness,
      before: observed.issues,
      created,
      branchCreated: workstreams.filter(w => w.branch && branches.includes(w.branch)).map(w => w.name),
      readyLabel: settings.readyLabel,
      blockedLabel: settings.blockedLabel
    })
  const dispatch = (a: Announcement, created: string[]): Write[] =>
    config.dispatchEvents && (a.unblocked.length || a.blocked.length)
      ? [
          {
            kind: 'dispatch',
            eventType: eventType(o.report),
            payload: observation(o, workstreams, readiness, a, created)
          }
        ]
      : []

  if (mode !== 'apply') {
    const branches = writes.flatMap(w => (w.kind === 'create-branch' ? [w.branch] : []))
    const planned = new Map(
      writes.flatMap(w =>
        w.kind === 'create-issue' ? [[w.workstream, { number: 0, body: w.body }] as const] : []
      )
    )
    const a = announce(planned, branches)
    writes = [...writes, ...dispatch(a, branches)]
    for (const w of writes) log(`${mode === 'dry-run' ? 'would' : 'if merged, would'} ${line(w)}`)
    const note =
      mode === 'dry-run'
        ? `dry run: ${writes.length} write(s) planned, none made`
        : `${ctx.pullRequest ? `pull request #${ctx.pullRequest.number}` : ctx.trustReason}: nothing on the roadmap changes; the plan shows what a trusted run would do`
    return section(mode, writes, 0, [], a, note)
  }

  if (settings.baseBranch && writes.some(w => w.kind === 'create-branch'))
    if (!(await branchExists(client, repo, settings.baseBranch)))
      throw new Error(
        `Input 'base-branch': branch '${settings.baseBranch}' does not exist in ${repo.owner}/${repo.repo}; set base-branch to an existing branch, or leave it empty for the default branch (${observed.defaultBranch})`
      )
  const applied = await applyWrites(client, repo, writes, log, { prefix: settings.prefix })
  let count = applied.applied
  let forbidden = applied.forbidden
  let a: Announcement = { unblocked: [], blocked: [], record: [] }
  if (!forbidden) {
    a = announce(applied.createdIssues, applied.createdBranches)
    const event = dispatch(a, applied.createdBranches)
    // Recorded only once the event went out: a dispatch that fails is announced by the next run.
    const records: Write[] = event.length
      ? a.record.map(r => ({ kind: 'record-announced', ...r, body: withAnnounced(r.body, r.state) }))
      : []
    if (event.length) {
      const sent = await applyWrites(client, repo, [...event, ...records], log, { prefix: settings.prefix })
      count += sent.applied
      forbidden = sent.forbidden
    }
    writes = [...writes, ...event, ...records]
  }
  const note = forbidden
    ? `the token may not write (${forbidden}); give the workflow 'contents: write' and 'issues: write'. ${count} write(s) were made before that`
    : `${count} write(s) made`
  return section(forbidden ? 'report-only' : 'apply', writes, count, applied.createdBranches, a, note)
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
  const none = { unblocked: [], blocked: [], branches: [] }
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
    observation: observation(o, workstreams, readiness, none, []),
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
  changes: { unblocked: string[]; blocked: string[] },
  created: string[]
): Record<string, unknown> {
  const dependents = readiness.filter(r => !r.isGate)
  return buildObservation({
    report: o.report,
    gate: o.config.gateWorkstream,
    ready: dependents.filter(r => r.state === 'ready').map(r => r.name),
    blocked: dependents.filter(r => r.state === 'blocked').map(r => r.name),
    unblocked: changes.unblocked,
    newlyBlocked: changes.blocked,
    branchesCreated: created,
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
