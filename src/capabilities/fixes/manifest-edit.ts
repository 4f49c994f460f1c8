// Raise a member's requirement on one dependency by editing only its version string: smol-toml says
// which declaration it is and checks the result; the text edit keeps formatting and comments.
import { parse } from 'smol-toml'
import { findDependencyLine } from '../../cargo/manifest-lines.js'
import type { EdgeKind } from '../../cargo/graph.js'

type Table = Record<string, unknown>

export interface RequirementEdit {
  text: string
  line: number
  before: string
  after: string
}

/**
 * The manifest with `name`'s version requirement set to `to`, or null when it cannot be edited safely:
 * inherited from the workspace, a path or git dependency, declared more than once, or not found.
 */
export function raiseRequirement(
  manifest: string,
  name: string,
  kind: EdgeKind,
  to: string
): RequirementEdit | null {
  const lineNo = findDependencyLine(manifest, name, kind)
  if (lineNo === null) return null
  const doc = parse(manifest) as Table
  const current = declaredVersion(doc, name)
  if (current === null || current === to) return null
  const lines = manifest.split('\n')
  // `name = "0.21"`, `name = { version = "0.21" }` on the line, or `version = "0.21"` under `[dependencies.name]`.
  for (let i = lineNo - 1; i < lines.length && (i === lineNo - 1 || !lines[i].trim().startsWith('[')); i++) {
    const edited = replaceVersion(lines[i], current, to, i === lineNo - 1)
    if (edited === null) continue
    const text = [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n')
    if (!onlyVersionChanged(doc, parse(text) as Table, name, to)) return null
    return { text, line: i + 1, before: lines[i], after: edited }
  }
  return null
}

function replaceVersion(line: string, current: string, to: string, declaring: boolean): string | null {
  const quoted = (q: string) => `${q}${current}${q}`
  for (const q of ['"', "'"]) {
    const re = declaring
      ? new RegExp(`((?:=|version\\s*=)\\s*)${escape(quoted(q))}`)
      : new RegExp(`^(\\s*version\\s*=\\s*)${escape(quoted(q))}`)
    if (re.test(line)) return line.replace(re, (_m, lead: string) => `${lead}${q}${to}${q}`)
  }
  return null
}

/** The version of the one declaration of `name`; null when it has none or is declared more than once. */
function declaredVersion(doc: Table, name: string): string | null {
  const found: unknown[] = []
  visitDeclarations(doc, name, value => found.push(value))
  if (found.length !== 1) return null
  const [value] = found
  return typeof value === 'string'
    ? value
    : isTable(value) && typeof value.version === 'string'
      ? value.version
      : null
}

function onlyVersionChanged(before: Table, after: Table, name: string, to: string): boolean {
  const expected = structuredClone(before)
  visitDeclarations(expected, name, (value, set) =>
    set(typeof value === 'string' ? to : { ...(value as Table), version: to })
  )
  return JSON.stringify(expected) === JSON.stringify(after)
}

const SECTIONS = ['dependencies', 'dev-dependencies', 'build-dependencies']

function visitDeclarations(
  doc: Table,
  name: string,
  visit: (value: unknown, set: (v: unknown) => void) => void
): void {
  const scan = (parent: Table): void => {
    for (const section of SECTIONS) {
      const deps = parent[section]
      if (!isTable(deps)) continue
      for (const [key, value] of Object.entries(deps)) {
        const pkg = isTable(value) && typeof value.package === 'string' ? value.package : key
        if (pkg === name) visit(value, v => (deps[key] = v))
      }
    }
  }
  scan(doc)
  if (isTable(doc.target)) for (const t of Object.values(doc.target)) if (isTable(t)) scan(t)
}

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The requirement that admits `version` the way `cargo add` writes it: `0.22` for 0.x, else `1.8`. */
export function requirementFor(version: string): string {
  const [major, minor] = version.split('.')
  return `${major}.${minor}`
}

/** Whether the member takes `name` from `[workspace.dependencies]` (`name.workspace = true`). */
export function inheritsFromWorkspace(manifest: string, name: string): boolean {
  let inherited = false
  visitDeclarations(parse(manifest) as Table, name, value => {
    if (isTable(value) && value.workspace === true) inherited = true
  })
  return inherited
}

/** The root manifest with `[workspace.dependencies]`'s requirement on `name` set to `to`, or null. */
export function raiseWorkspaceRequirement(root: string, name: string, to: string): RequirementEdit | null {
  const doc = parse(root) as Table
  const deps = isTable(doc.workspace) ? doc.workspace.dependencies : undefined
  if (!isTable(deps)) return null
  const key = Object.keys(deps).find(k => {
    const v = deps[k]
    return (isTable(v) && typeof v.package === 'string' ? v.package : k) === name
  })
  if (key === undefined) return null
  const value = deps[key]
  const current =
    typeof value === 'string'
      ? value
      : isTable(value) && typeof value.version === 'string'
        ? value.version
        : null
  if (current === null || current === to) return null
  const expected = structuredClone(doc)
  ;((expected.workspace as Table).dependencies as Table)[key] =
    typeof value === 'string' ? to : { ...(value as Table), version: to }
  const lines = root.split('\n')
  let table: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim()
    if (t.startsWith('[')) {
      table = headerPath(t) ?? []
      continue
    }
    const inList = same(table, ['workspace', 'dependencies']) && startsWithKey(t, key)
    const inTable = same(table, ['workspace', 'dependencies', key])
    if (!inList && !inTable) continue
    const edited = replaceVersion(lines[i], current, to, inList)
    if (edited === null) continue
    const text = [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n')
    if (JSON.stringify(parse(text)) !== JSON.stringify(expected)) return null
    return { text, line: i + 1, before: lines[i], after: edited }
  }
  return null
}

/** `[workspace.dependencies.base64]` → ['workspace', 'dependencies', 'base64'], read by the TOML parser. */
function headerPath(header: string): string[] | null {
  if (header.startsWith('[[')) return null
  let node: unknown
  try {
    node = parse(header.slice(0, header.lastIndexOf(']') + 1))
  } catch {
    return null
  }
  const out: string[] = []
  while (isTable(node) && Object.keys(node).length === 1) {
    const [k] = Object.keys(node)
    out.push(k)
    node = node[k]
  }
  return out
}

function startsWithKey(line: string, key: string): boolean {
  return new RegExp(`^(?:${escape(key)}|"${escape(key)}"|'${escape(key)}')\\s*[.=]`).test(line)
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
