// The roadmap as the gate sees it, whichever file format it came from.
import { GateError } from '../../errors.js'

export interface Dependency {
  name: string
  /** Why it is needed, as the plan says it; null when the plan gives no reason. */
  reason: string | null
}

export interface Workstream {
  name: string
  title: string
  /** Feature branch to create once the workstream is ready; null when the plan names none. */
  branch: string | null
  priority: string | null
  objectives: string[]
  required: Dependency[]
  optional: Dependency[]
  /** Where it was declared, so every problem names a file and a key. */
  source: { file: string; key: string }
}

export interface PlanProblem {
  file: string
  key: string
  message: string
}

/** A GateError of kind `input` (the workstreams input), listing every problem of the plan. */
export class WorkstreamPlanError extends GateError {
  constructor(readonly problems: PlanProblem[]) {
    super(
      'input',
      `Input 'workstreams': the workstream plan has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(p => `  ${p.file}${p.key ? ` (${p.key})` : ''}: ${p.message}`).join('\n'),
      'workstreams'
    )
    this.name = 'WorkstreamPlanError'
  }
}
