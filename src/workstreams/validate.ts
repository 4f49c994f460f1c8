// Whole-plan checks: names unique, every dependency known, required dependencies acyclic, branches valid.
import type { PlanProblem, Workstream } from './model.js'
import { branchNameProblem } from './refname.js'

export function validatePlan(workstreams: Workstream[]): PlanProblem[] {
  const problems: PlanProblem[] = []
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
