// Workstream files → Workstream[]. Two formats: Toka's one-file-per-workstream YAML (`metadata`, `spec`,
// `objectives`, `dependencies`), and a compact plan (`workstreams:` list). Unknown keys are ignored.
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { glob } from 'tinyglobby'
import { parseDocument } from 'yaml'
import type { Dependency, PlanProblem, Workstream } from './model.js'
import { WorkstreamPlanError } from './model.js'
import { validatePlan, type PlanOptions } from './validate.js'

/** Aliases one file may expand; a plan needs few, an alias bomb needs millions. */
export const MAX_ALIAS_COUNT = 100

export interface Parsed {
  workstreams: Workstream[]
  problems: PlanProblem[]
}

type Node = Record<string, unknown>
const isMap = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | null =>
  typeof v === 'string' ? v.trim() || null : typeof v === 'number' ? String(v) : null

export function parseWorkstreamFile(source: string, file: string): Parsed {
  const doc = parseDocument(source)
  if (doc.errors.length)
    return {
      workstreams: [],
      problems: doc.errors.map(e => ({ file, key: '', message: `not valid YAML: ${e.message}` }))
    }
  let root: unknown
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (e) {
    const message =
      e instanceof ReferenceError && /alias/i.test(e.message)
        ? `expands YAML aliases (*name) more than ${MAX_ALIAS_COUNT} times, like a "billion laughs" file; write the plan without nested aliases`
        : `could not be read: ${(e as Error).message}`
    return { workstreams: [], problems: [{ file, key: '', message }] }
  }
  if (isMap(root) && 'workstreams' in root) return parseCompact(root.workstreams, file)
  if (isMap(root) && 'metadata' in root) return parseToka(root, file)
  return {
    workstreams: [],
    problems: [
      {
        file,
        key: '',
        message: 'is neither a workstream file (with `metadata:`) nor a plan (with `workstreams:`)'
      }
    ]
  }
}

function parseToka(root: Node, file: string): Parsed {
  const problems: PlanProblem[] = []
  const metadata = isMap(root.metadata) ? root.metadata : {}
  const spec = isMap(root.spec) ? root.spec : {}
  const name = text(metadata.name)
  if (!name)
    return {
      workstreams: [],
      problems: [{ file, key: 'metadata.name', message: 'is missing; give the workstream a name' }]
    }
  const deps = isMap(root.dependencies) ? root.dependencies : {}
  const ws: Workstream = {
    name,
    title: text(metadata.workstream) ?? text(spec.name) ?? name,
    branch: text(metadata.branch),
    priority: text(spec.priority),
    objectives: (Array.isArray(root.objectives) ? root.objectives : [])
      .map(o => (isMap(o) ? text(o.description) : text(o)))
      .filter((o): o is string => o !== null),
    required: dependencies(deps.required, file, 'dependencies.required', problems),
    optional: dependencies(deps.optional, file, 'dependencies.optional', problems),
    source: { file, key: 'metadata.name' }
  }
  return { workstreams: [ws], problems }
}

// `{}`, a map `name: reason`, a list of one-key maps `- name: reason`, or a list of bare names.
function dependencies(v: unknown, file: string, key: string, problems: PlanProblem[]): Dependency[] {
  if (v === undefined || v === null) return []
  if (isMap(v)) return Object.entries(v).map(([name, reason]) => ({ name, reason: text(reason) }))
  if (!Array.isArray(v)) {
    problems.push({ file, key, message: 'must be a map `name: reason` or a list of names' })
    return []
  }
  const out: Dependency[] = []
  v.forEach((item, i) => {
    if (text(item)) out.push({ name: text(item)!, reason: null })
    else if (isMap(item) && Object.keys(item).length === 1) {
      const [name, reason] = Object.entries(item)[0]
      out.push({ name, reason: text(reason) })
    } else
      problems.push({ file, key: `${key}[${i}]`, message: 'must be a name or a one-key map `name: reason`' })
  })
  return out
}

function parseCompact(list: unknown, file: string): Parsed {
  if (!Array.isArray(list))
    return { workstreams: [], problems: [{ file, key: 'workstreams', message: 'must be a list' }] }
  const problems: PlanProblem[] = []
  const workstreams: Workstream[] = []
  list.forEach((item, i) => {
    const key = `workstreams[${i}]`
    const entry = isMap(item) ? item : {}
    const name = text(entry.name)
    if (!name) {
      problems.push({ file, key: `${key}.name`, message: 'is missing; give the workstream a name' })
      return
    }
    workstreams.push({
      name,
      title: text(entry.title) ?? name,
      branch: text(entry.branch),
      priority: text(entry.priority),
      objectives: (Array.isArray(entry.objectives) ? entry.objectives : [])
        .map(text)
        .filter((o): o is string => !!o),
      required: dependencies(entry.depends_on, file, `${key}.depends_on`, problems),
      optional: dependencies(entry.optional, file, `${key}.optional`, problems),
      source: { file, key: `${key}.name` }
    })
  })
  return { workstreams, problems }
}

/** Reads every file the glob matches (relative to `root`), parses and validates; throws every problem at once. */
export async function loadWorkstreams(
  pattern: string,
  root: string,
  options: PlanOptions = {}
): Promise<Workstream[]> {
  const files = (
    await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false })
  ).sort()
  if (!files.length)
    throw new WorkstreamPlanError([
      {
        file: pattern,
        key: '',
        message: `matches no file under ${root}; check the glob (it is relative to that directory)`
      }
    ])
  const parsed = await Promise.all(
    files.map(async f => parseWorkstreamFile(await readFile(f, 'utf8'), path.relative(root, f) || f))
  )
  const workstreams = parsed.flatMap(p => p.workstreams)
  const problems = [...parsed.flatMap(p => p.problems), ...validatePlan(workstreams, options)]
  if (problems.length) throw new WorkstreamPlanError(problems)
  return workstreams
}
