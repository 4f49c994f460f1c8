// Where in a member's Cargo.toml a dependency (or a [package] key) is declared, so an annotation can
// point at the line to change. smol-toml says whether and under which key it is declared; the text
// gives the line, since the parser keeps no positions.
import { parse } from 'smol-toml'
import type { EdgeKind } from './graph.js'

export interface ManifestRef {
  /** Absolute path of the Cargo.toml, as cargo metadata gives it. */
  file: string
  /** 1-based; null when the declaration could not be located in the text. */
  line: number | null
}

const SECTIONS: Record<EdgeKind, string[]> = {
  normal: ['dependencies'],
  dev: ['dev-dependencies', 'dev_dependencies'],
  build: ['build-dependencies', 'build_dependencies']
}
const ALL_SECTIONS = Object.values(SECTIONS).flat()

type Table = Record<string, unknown>

/**
 * The 1-based line declaring the dependency on package `name`, looked up in the sections of `kind`
 * first (`[dependencies]`, `[target.'cfg(..)'.dependencies]`, …), then in any dependency section.
 */
export function findDependencyLine(manifest: string, name: string, kind: EdgeKind): number | null {
  let doc: Table
  try {
    doc = parse(manifest) as Table
  } catch {
    return null
  }
  for (const sections of [SECTIONS[kind], ALL_SECTIONS]) {
    const declared = declaringTables(doc, sections, name)
    if (declared.length === 0) continue
    const line = locate(manifest, declared)
    if (line !== null) return line
  }
  return null
}

/** The 1-based line of a key of `[package]`, e.g. `edition` or `rust-version`. */
export function findPackageKeyLine(manifest: string, key: string): number | null {
  return locate(manifest, [{ table: ['package'], key }])
}

/** `text` is the manifest's content (null when it could not be read: `line: null`, the finding stays). */
export function dependencyRef(
  manifestPath: string,
  text: string | null | undefined,
  name: string,
  kind: EdgeKind
): ManifestRef {
  return { file: manifestPath, line: text == null ? null : findDependencyLine(text, name, kind) }
}

export function packageKeyRef(
  manifestPath: string,
  text: string | null | undefined,
  key: string
): ManifestRef {
  return { file: manifestPath, line: text == null ? null : findPackageKeyLine(text, key) }
}

interface Declaration {
  table: string[]
  key: string
}

/** Every (table, key) that declares package `name`, renamed (`package = "name"`) or not. */
function declaringTables(doc: Table, sections: string[], name: string): Declaration[] {
  const found: Declaration[] = []
  const scan = (prefix: string[], parent: Table): void => {
    for (const section of sections) {
      const deps = parent[section]
      if (!isTable(deps)) continue
      for (const [key, value] of Object.entries(deps)) {
        const pkg = isTable(value) && typeof value.package === 'string' ? value.package : key
        if (pkg === name) found.push({ table: [...prefix, section], key })
      }
    }
  }
  scan([], doc)
  if (isTable(doc.target))
    for (const [cfg, t] of Object.entries(doc.target)) if (isTable(t)) scan(['target', cfg], t)
  return found
}

/** First line, in text order, that declares one of `wanted`: `key = …`, `key.x = …` or `[table.key]`. */
function locate(manifest: string, wanted: Declaration[]): number | null {
  const lines = manifest.split(/\r?\n/)
  let table: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim()
    if (text.startsWith('[')) {
      const path = headerPath(text)
      if (!path) continue
      table = path
      if (wanted.some(w => same(path, [...w.table, w.key]))) return i + 1
      continue
    }
    const key = leadingKey(text)
    if (key !== null && wanted.some(w => w.key === key && same(table, w.table))) return i + 1
  }
  return null
}

/** `[target.'cfg(unix)'.dependencies]` → ['target', 'cfg(unix)', 'dependencies'], via the TOML parser itself. */
function headerPath(header: string): string[] | null {
  if (header.startsWith('[[')) return null
  const close = header.lastIndexOf(']')
  if (close < 0) return null
  let node: unknown
  try {
    node = parse(header.slice(0, close + 1))
  } catch {
    return null
  }
  const path: string[] = []
  while (isTable(node) && Object.keys(node).length === 1) {
    const [k] = Object.keys(node)
    path.push(k)
    node = node[k]
  }
  return path
}

const BARE_OR_QUOTED_KEY = /^(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|'([^']*)')\s*[.=]/

function leadingKey(line: string): string | null {
  const m = BARE_OR_QUOTED_KEY.exec(line)
  return m ? (m[1] ?? m[2] ?? m[3]) : null
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)
}
