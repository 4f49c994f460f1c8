// roadmap: workstream branches, labels and events moved by the verdict. It runs after the report is
// published and adds no finding: a sync problem never changes the verdict.
import type { Capability, OutputSpec } from '../capability.js'
import { observationFields } from '../tracker/index.js'
import { workstreamOutputs, workstreamsMarkdown, workstreamsText } from './render.js'
import type { RoadmapParts } from './section.js'
import { failedSync, syncWorkstreams } from './sync.js'
import { checkRoadmapInputs } from './validate.js'

export { buildObservation } from './observation.js'
export type { RoadmapConfig, RoadmapParts, WorkstreamState, WorkstreamsSection } from './section.js'

const out = (name: string, description: string): OutputSpec<RoadmapParts> => ({
  name,
  description,
  value: (r, ctx) =>
    r.workstreams && ctx.config ? workstreamOutputs(r.workstreams, ctx.config.gateWorkstream)[name] : null
})

export const roadmap: Capability<RoadmapParts> = {
  name: 'roadmap',
  stage: 'sync',
  inputs: [
    {
      name: 'workstreams',
      default: '',
      description:
        'Glob of workstream files (Toka format) or one compact plan file, relative to the repository in Actions and to the workspace on the command line; empty disables roadmap sync.'
    },
    {
      name: 'gate-workstream',
      default: 'build-system-stabilization',
      description: 'The workstream this gate stands for.'
    },
    {
      name: 'workstream-label-prefix',
      default: 'workstream:',
      description: "Prefix of the label that marks a workstream's tracking issue."
    },
    {
      name: 'ready-label',
      default: 'status:ready',
      description: 'Label put on the tracking issue of a ready workstream.'
    },
    {
      name: 'blocked-label',
      default: 'status:blocked',
      description: 'Label put on the tracking issue of a blocked workstream.'
    },
    {
      name: 'create-tracking-issues',
      default: 'false',
      description: 'Open a tracking issue for workstreams that have none.'
    },
    {
      name: 'base-branch',
      default: '',
      description: "Branch new workstream branches start from; empty uses the repository's default branch."
    },
    {
      name: 'dispatch-events',
      default: 'true',
      description: 'Send a `repository_dispatch` when a workstream changes state.'
    }
  ],
  parse: p => {
    const config = {
      workstreams: p.optional('workstreams'),
      gateWorkstream: p.raw('gate-workstream'),
      workstreamLabelPrefix: p.raw('workstream-label-prefix'),
      readyLabel: p.raw('ready-label'),
      blockedLabel: p.raw('blocked-label'),
      createTrackingIssues: p.bool('create-tracking-issues'),
      baseBranch: p.optional('base-branch'),
      dispatchEvents: p.bool('dispatch-events')
    }
    checkRoadmapInputs(config)
    return config
  },
  codes: {},
  outputs: [
    out('ready-workstreams', 'JSON array of the workstreams that are ready.'),
    out('blocked-workstreams', 'JSON array of the workstreams that are blocked.'),
    out('created-branches', 'JSON array of the branches this run created.')
  ],
  // Only a judged, unsharded build moves the roadmap (the merge job syncs for a sharded gate).
  async sync(ports, config) {
    if (!config.workstreams || config.shard) return { section: {}, findings: [] }
    const workstreams = await syncWorkstreams({
      report: ports.report,
      config,
      ctx: ports.ctx,
      client: ports.github,
      log: ports.log,
      tracker: observationFields(ports.report.tracker)
    })
    return { section: { workstreams }, findings: [] }
  },
  syncFailed: error => ({ workstreams: failedSync(error) }),
  markdown: workstreamsMarkdown,
  terminal: r => workstreamsText(r)?.split('\n') ?? []
}
