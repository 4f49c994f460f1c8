// Whole-plan checks: names unique, every dependency known, required dependencies acyclic, branches
// valid, labels GitHub can hold, the gate workstream present; and the roadmap inputs on their own.
import type { PlanProblem, Workstream } from './model.js'
import { ConfigError } from '../../inputs.js'
import { assertBranchInput, branchNameProblem } from '../../github/refname.js'

/** GitHub refuses label names over 50 characters. */
export const MAX_LABEL_LENGTH = 50

export interface PlanOptions {
  /** `workstream-label-prefix`: each workstream's label is prefix + name. */
  labelPrefix?: string
  /** `gate-workstream`: must be one of the plan's workstreams. */
  gateWorkstream?: string
}

/** A label GitHub cannot hold or the `labels=` filter cannot find; null when fine. */
export function labelProblem(label: string): string | null {
  if (label.includes(',')) return `'${label}' contains a comma, which splits GitHub's labels= filter`
  if (label.length > MAX_LABEL_LENGTH)
    return `'${label}' is ${label.length} characters; GitHub allows ${MAX_LABEL_LENGTH}`
  return null
}

export interface RoadmapInputs {
  workstreams: string | null
  workstreamLabelPrefix: string
  readyLabel: string
  blockedLabel: string
  baseBranch: string | null
}

/** The roadmap inputs that can be judged before anything runs; throws the input's error. */
export function checkRoadmapInputs(c: RoadmapInputs): void {
  assertBranchInput('base-branch', c.baseBranch)
  if (!c.workstreams) return
  for (const [input, label] of [
    ['ready-label', c.readyLabel],
    ['blocked-label', c.blockedLabel]
  ] as const) {
    const why = labelProblem(label)
    if (why) throw new ConfigError(input, `${why}; choose another label.`)
  }
  if (c.workstreamLabelPrefix.includes(','))
    throw new ConfigError(
      'workstream-label-prefix',
      `'${c.workstreamLabelPrefix}' contains a comma, which splits GitHub's labels= filter; choose another prefix.`
    )
  if (c.readyLabel.toLowerCase() === c.blockedLabel.toLowerCase())
    throw new ConfigError(
      'blocked-label',
      `'${c.blockedLabel}' is also the ready-label (GitHub compares labels without case); a workstream could not be both, so give the two different names.`
    )
}

export function validatePlan(workstreams: Workstream[], options: PlanOptions = {}): PlanProblem[] {
  const problems: PlanProblem[] = []
  const prefix = options.labelPrefix ?? ''
  for (const ws of workstreams) {
    const why = labelProblem(prefix + ws.name)
    if (why)
      problems.push({
        ...at(ws),
        message: `its label ${why}; shorten or rename the workstream${prefix ? ` (or workstream-label-prefix '${prefix}')` : ''}`
      })
  }
  const gate = options.gateWorkstream
  if (gate && workstreams.length && !workstreams.some(w => w.name === gate))
    problems.push({
      file: "input 'gate-workstream'",
      key: '',
      message: `'${gate}' is not a workstream of the plan (${workstreams.map(w => w.name).join(', ')}); set gate-workstream to the workstream this build gate stands for`
    })
  const byName = new Map<string, Workstream>()
  const byBranch = new Map<string, Workstream>()
  for (const ws of workstreams) {
    const first = byName.get(ws.name)
    if (first)
      problems.push({
        ...at(ws),
        message: `duplicate workstream '${ws.name}' (also in ${first.source.file}); names must be unique`
      })
    else byName.set(ws.name, ws)
    if (ws.branch === null) continue
    const bad = branchNameProblem(ws.branch)
    if (bad)
      problems.push({ ...at(ws, 'branch'), message: `branch '${ws.branch}' ${bad}, so git would refuse it` })
    const other = byBranch.get(ws.branch)
    if (other && other.name !== ws.name)
      problems.push({
        ...at(ws, 'branch'),
        message: `branch '${ws.branch}' is also the branch of '${other.name}'`
      })
    else byBranch.set(ws.branch, ws)
  }
  for (const ws of workstreams)
    for (const kind of ['required', 'optional'] as const)
      ws[kind].forEach((d, i) => {
        if (!byName.has(d.name))
          problems.push({
            file: ws.source.file,
            key: depKey(ws, kind, i),
            message: `'${ws.name}' depends on unknown workstream '${d.name}'${suggest(d.name, [...byName.keys()])}`
          })
      })
  const cycle = findCycle(workstreams)
  if (cycle) {
    const ws = byName.get(cycle[0])!
    problems.push({
      ...at(ws, 'required'),
      message: `required dependencies form a cycle: ${cycle.join(' → ')}`
    })
  }
  return problems
}

/** The first cycle among required dependencies, as names with the first repeated at the end. */
export function findCycle(workstreams: Workstream[]): string[] | null {
  const deps = new Map(workstreams.map(w => [w.name, w.required.map(d => d.name)]))
  const done = new Set<string>()
  const stack: string[] = []
  const visit = (name: string): string[] | null => {
    const open = stack.indexOf(name)
    if (open >= 0) return [...stack.slice(open), name]
    if (done.has(name) || !deps.has(name)) return null
    stack.push(name)
    for (const d of deps.get(name)!) {
      const found = visit(d)
      if (found) return found
    }
    stack.pop()
    done.add(name)
    return null
  }
  for (const w of workstreams) {
    const found = visit(w.name)
    if (found) return found
  }
  return null
}

function at(ws: Workstream, field?: 'branch' | 'required'): { file: string; key: string } {
  if (!field) return ws.source
  const toka = ws.source.key === 'metadata.name'
  const key = field === 'branch' ? 'metadata.branch' : 'dependencies.required'
  return {
    file: ws.source.file,
    key: toka ? key : ws.source.key.replace(/name$/, field === 'branch' ? 'branch' : 'depends_on')
  }
}

function depKey(ws: Workstream, kind: 'required' | 'optional', i: number): string {
  if (ws.source.key === 'metadata.name') return `dependencies.${kind}[${i}]`
  return ws.source.key.replace(/name$/, `${kind === 'required' ? 'depends_on' : 'optional'}[${i}]`)
}

function suggest(name: string, known: string[]): string {
  const close = known.find(k => k.includes(name) || name.includes(k))
  return close ? ` (did you mean '${close}'?)` : '; add its file or fix the name'
}
