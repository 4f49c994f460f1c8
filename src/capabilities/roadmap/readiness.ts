// Desired state: a workstream is ready when every required dependency is satisfied. The gate workstream is
// satisfied iff the build is stable; any other when its tracking issue is closed.
import type { Workstream } from './model.js'

export interface TrackedIssue {
  number: number
  state: 'open' | 'closed'
  labels: string[]
  body?: string | null
}

export interface ReadinessInput {
  gate: string
  stable: boolean
  /** The verdict's reasons, shown as why the gate is not satisfied. */
  unstableBecause: string[]
  /** Tracking issue per workstream (null: none); undefined when GitHub was not read. */
  issues?: Map<string, TrackedIssue | null>
  prefix: string
}

export interface Readiness {
  name: string
  state: 'ready' | 'blocked'
  reasons: string[]
  /** The workstream this gate stands for: its state mirrors the verdict and is never written. */
  isGate: boolean
  /** Its tracking issue is closed: finished, so nothing is written for it. */
  done: boolean
}

export function decideReadiness(workstreams: Workstream[], input: ReadinessInput): Readiness[] {
  return workstreams.map(ws => {
    const issue = input.issues?.get(ws.name) ?? null
    const done = issue?.state === 'closed'
    if (ws.name === input.gate)
      return {
        name: ws.name,
        state: input.stable ? 'ready' : 'blocked',
        reasons: input.stable
          ? ['this gate: the build is stable']
          : input.unstableBecause.map(r => `this gate: ${r}`),
        isGate: true,
        done
      }
    if (done)
      return {
        name: ws.name,
        state: 'ready',
        reasons: [`finished: tracking issue #${issue!.number} is closed`],
        isGate: false,
        done
      }
    const reasons = ws.required.flatMap(d => unsatisfied(d.name, input))
    return { name: ws.name, state: reasons.length ? 'blocked' : 'ready', reasons, isGate: false, done }
  })
}

function unsatisfied(dep: string, input: ReadinessInput): string[] {
  if (dep === input.gate)
    return input.stable
      ? []
      : [`needs ${dep}: the build is not stable (${input.unstableBecause.join('; ') || 'no reason given'})`]
  if (!input.issues) return [`needs ${dep}: its tracking issue could not be read (no GitHub access)`]
  const issue = input.issues.get(dep)
  if (!issue) return [`needs ${dep}: no tracking issue labelled '${input.prefix}${dep}'`]
  return issue.state === 'closed' ? [] : [`needs ${dep}: tracking issue #${issue.number} is open`]
}
