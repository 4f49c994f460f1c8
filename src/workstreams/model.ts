// The roadmap as the gate sees it, whichever file format it came from.

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

export class WorkstreamPlanError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(
      `Input 'workstreams': the workstream plan has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(p => `  ${p.file}${p.key ? ` (${p.key})` : ''}: ${p.message}`).join('\n')
    )
    this.name = 'WorkstreamPlanError'
  }
}
