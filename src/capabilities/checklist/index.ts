// checklist: after the roadmap sync, the gate workstream's living checklist on its tracking issue and
// the escalation when the build stays unstable. It publishes the tracker's status (the `tracker`
// section, which it completes) with the roadmap's observation; it adds no finding.
import type { Capability, CapabilityResult } from '../capability.js'
import { buildObservation } from '../roadmap/index.js'
import { observationFields } from '../tracker/index.js'
import { publishTracker } from './publish.js'
import type { ChecklistParts } from './section.js'

const nothing: CapabilityResult<ChecklistParts> = { section: {}, findings: [] }

export const checklist: Capability<ChecklistParts> = {
  name: 'checklist',
  stage: 'sync',
  inputs: [],
  codes: {},
  outputs: [],
  async sync(ports, config) {
    const section = ports.report.tracker
    if (!section) return nothing
    const { report, ctx } = ports
    // The roadmap's observation when it synced; else the same observation with no workstreams.
    const observation = !config.dispatchEvents
      ? null
      : (report.workstreams?.observation ??
        buildObservation({
          report,
          gate: config.gateWorkstream,
          ready: [],
          blocked: [],
          unblocked: [],
          newlyBlocked: [],
          branchesCreated: [],
          runUrl: ctx.runUrl,
          sha: ctx.sha,
          now: new Date(),
          tracker: observationFields(section)
        }))
    const published = await publishTracker({
      section,
      report,
      tracker: config.tracker,
      issueLabel: config.workstreamLabelPrefix + config.gateWorkstream,
      client: ports.github,
      ctx,
      observation,
      log: ports.log
    })
    return { section: { tracker: published }, findings: [] }
  }
}
