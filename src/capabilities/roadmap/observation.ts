// The AgentObservation the roadmap's orchestrator reads (the shape of Toka's `AgentObservation`),
// sent as a repository_dispatch client_payload.
import type { Finding } from '../../findings/finding.js'
import type { Verdict } from '../../findings/fold.js'
import { conflictIds } from '../conflicts/index.js'
import type { Workstream } from './model.js'

export const EVENT_STABLE = 'build-system-stable'
export const EVENT_CONFLICT = 'dependency-conflict'

export interface ObservationInput {
  report: { verdict: Verdict; findings: Finding[]; conflicts?: unknown }
  gate: string
  ready: string[]
  blocked: string[]
  unblocked: string[]
  newlyBlocked: string[]
  branchesCreated: string[]
  runUrl: string | null
  sha: string | null
  now: Date
  /** From the run history, when the tracker keeps one. */
  tracker?: { conflictsResolved: number; unstableSince: string | null; unstableSinceSha: string | null }
  /** Dependent workstreams the gate still blocks. */
  nextMilestone?: string[]
}

export function eventType(report: { verdict: Verdict }): string {
  return report.verdict.stable ? EVENT_STABLE : EVENT_CONFLICT
}

export function buildObservation(o: ObservationInput): Record<string, unknown> {
  const stable = o.report.verdict.stable
  return {
    agent_id: `build-gate/${o.gate}`,
    observation_type: stable ? 'BUILD_SYSTEM_STABLE' : 'DEPENDENCY_CONFLICT',
    timestamp: o.now.toISOString(),
    data: {
      phase: stable ? 'build_system_stable' : 'dependency_conflict',
      stable,
      reasons: o.report.verdict.reasons.map(r => r.code),
      conflicts_found: o.report.conflicts ? countConflicts(o.report.findings) : null,
      // One run cannot tell how many earlier conflicts were fixed: that needs the tracker's history.
      conflicts_resolved: o.tracker?.conflictsResolved ?? null,
      unstable_since: o.tracker?.unstableSince ?? null,
      unstable_since_sha: o.tracker?.unstableSinceSha ?? null,
      next_milestone: o.nextMilestone ?? [],
      branches_created: o.branchesCreated,
      workstreams_unblocked: o.unblocked,
      workstreams_blocked: o.newlyBlocked,
      ready_workstreams: o.ready,
      blocked_workstreams: o.blocked,
      sha: o.sha,
      run_url: o.runUrl
    }
  }
}

/** Conflicts the policy counts (block or warn; allowed ones are not), each crate and code once. */
export function countConflicts(findings: readonly Finding[]): number {
  return conflictIds(findings).length
}

/** The next milestone: dependents that require the gate, are not finished, and wait while it is unstable. */
export function gateBlocks(
  workstreams: Workstream[],
  readiness: { name: string; isGate: boolean; done: boolean }[],
  gate: string,
  stable: boolean
): string[] {
  if (stable) return []
  const waiting = new Set(readiness.filter(r => !r.isGate && !r.done).map(r => r.name))
  return workstreams
    .filter(w => waiting.has(w.name) && w.required.some(d => d.name === gate))
    .map(w => w.name)
}
