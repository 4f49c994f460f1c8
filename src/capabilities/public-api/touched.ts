// Which crates' public API may differ from the base: those built from something that changed. A
// crate is built from its own package, every package it depends on (normal and build dependencies,
// transitively: their macros, derives and types shape its API), the locked versions of those, the
// workspace manifest's shared tables, cargo's config and the toolchain file. Within a package, cargo's
// dep-info says which files the build read; without it, any file of the package counts. Pure.
import * as path from 'node:path'
import type { BuildInputs } from './dep-info.js'
import { EVERY, type ManifestChange } from './shared-inputs.js'

export interface GraphPackage {
  id: string
  name: string
  version: string
  /** The package's directory relative to the repository (posix), or null outside it or not a path package. */
  dir: string | null
  /** Dependencies that can shape the library: normal and build ones (ids). */
  deps: string[]
  /** Names (and renames) of the dependencies it declares, for `[workspace.dependencies]` entries. */
  declared: string[]
  /** What cargo's latest build of it read (absolute paths), or null when that cannot be told. */
  inputs: BuildInputs | null
}

export interface ChangeFacts {
  /** Files that differ between the base and the working tree, relative to the repository (posix). */
  files: Set<string>
  repoRoot: string
  /** The workspace root relative to the repository ('' at the root). */
  workspace: string
  /** Locked packages (`name@version`) whose entry changed; null: Cargo.lock did not change. */
  lock: Set<string> | typeof EVERY | null
  /** The workspace manifest's shared tables; null: it did not change. */
  manifest: ManifestChange | typeof EVERY | null
}

/** Without dep-info, files outside every package that still look like build inputs: Rust sources. */
const LOOKS_LIKE_INPUT = /\.rs$/

/**
 * `crates`: the members to decide for (package ids by name); `graph`: every package of the
 * workspace's resolved graph (all features, all platforms), or null when it is unknown (every crate
 * is touched then).
 */
export function touchedCrates(
  crates: Map<string, string>,
  graph: GraphPackage[] | null,
  facts: ChangeFacts
): Set<string> {
  const every = () => new Set(crates.keys())
  if (!graph || facts.lock === EVERY || facts.manifest === EVERY) return every()
  const lock = facts.lock
  const ws = facts.workspace
  const inside = (file: string, dir: string) => dir === '' || file === dir || file.startsWith(`${dir}/`)
  const abs = (file: string) => path.resolve(facts.repoRoot, file)
  const affected = new Set<string>()
  const pathPackages = graph.filter(p => p.dir !== null)
  for (const file of facts.files) {
    if (everyCrateReads(file, ws)) return every()
    if (file === join(ws, 'Cargo.lock')) continue
    const owners = pathPackages.filter(p => inside(file, p.dir!))
    const depth = Math.max(-1, ...owners.map(o => o.dir!.length))
    const owner = owners.filter(o => o.dir!.length === depth)
    for (const p of owner) if (ownFileMatters(p, file, abs(file))) affected.add(p.id)
    for (const p of pathPackages) {
      if (p.inputs) {
        if (reads(p.inputs, abs(file))) affected.add(p.id)
      } else if (owner.length === 0 && inside(file, ws) && LOOKS_LIKE_INPUT.test(file)) affected.add(p.id)
    }
  }
  if (lock) for (const p of graph) if (lock.has(`${p.name}@${p.version}`)) affected.add(p.id)
  const declared = facts.manifest?.dependencies
  if (declared) for (const p of pathPackages) if (p.declared.some(n => declared.has(n))) affected.add(p.id)
  const reached = dependents(graph, affected)
  const known = new Set(graph.map(p => p.id))
  // A crate missing from the graph is one whose inputs are unknown: touched.
  return new Set([...crates].filter(([, id]) => !known.has(id) || reached.has(id)).map(([name]) => name))
}

interface Metadata {
  packages: {
    id: string
    name: string
    version: string
    source: string | null
    manifest_path: string
    dependencies: { name: string; rename?: string | null }[]
  }[]
  resolve: { nodes: { id: string; deps: { pkg: string; dep_kinds?: { kind: string | null }[] }[] }[] } | null
}

/** The graph of `cargo metadata` (with its resolve); `inputs`: what each path package's build read. */
export function graphOf(
  meta: Metadata,
  repoRoot: string,
  inputs: Map<string, BuildInputs>
): GraphPackage[] | null {
  if (!meta.resolve) return null
  const nodes = new Map(meta.resolve.nodes.map(n => [n.id, n]))
  return meta.packages.map(p => {
    const rel = path.relative(repoRoot, path.dirname(p.manifest_path))
    const inRepo = p.source === null && !rel.startsWith('..') && !path.isAbsolute(rel)
    const deps = (nodes.get(p.id)?.deps ?? [])
      // Before cargo 1.41 dep_kinds was absent: every dependency counts then.
      .filter(d => !d.dep_kinds || d.dep_kinds.some(k => k.kind !== 'dev'))
      .map(d => d.pkg)
    return {
      id: p.id,
      name: p.name,
      version: p.version,
      dir: inRepo ? rel.split(path.sep).join('/') : null,
      deps,
      declared: p.dependencies.flatMap(d => (d.rename ? [d.name, d.rename] : [d.name])),
      inputs: inputs.get(p.id) ?? null
    }
  })
}

/** Cargo's config and the toolchain file, in the workspace or a directory above it (cargo looks there). */
function everyCrateReads(file: string, ws: string): boolean {
  const dir = path.posix.dirname(file)
  const above = (d: string) => d === '.' || d === '' || ws === d || ws.startsWith(`${d}/`)
  if (/(^|\/)rust-toolchain(\.toml)?$/.test(file)) return above(dir)
  const m = /^(?:(.*?)\/)?\.cargo\/(.*)$/.exec(file)
  if (!m) return false
  const base = m[1] ?? ''
  // Anything under the workspace's own .cargo/ (config, a vendored registry); only config above it.
  return base === ws || (/^config(\.toml)?$/.test(m[2]) && above(base))
}

/** A changed file inside the package: its manifest, a file its build read or its build script watches. */
function ownFileMatters(p: GraphPackage, file: string, absolute: string): boolean {
  if (file === join(p.dir!, 'Cargo.toml') || !p.inputs) return true
  return p.inputs.build === 'package' || reads(p.inputs, absolute)
}

function reads(inputs: BuildInputs, absolute: string): boolean {
  if (inputs.files.has(absolute)) return true
  if (!inputs.build || inputs.build === 'package') return false
  for (const watched of inputs.build)
    if (absolute === watched || absolute.startsWith(`${watched}${path.sep}`)) return true
  return false
}

/** `ids` and every package that depends on one of them, transitively. */
function dependents(graph: GraphPackage[], ids: Set<string>): Set<string> {
  const users = new Map<string, string[]>()
  for (const p of graph) for (const d of p.deps) users.set(d, [...(users.get(d) ?? []), p.id])
  const out = new Set(ids)
  const todo = [...ids]
  while (todo.length)
    for (const u of users.get(todo.pop()!) ?? [])
      if (!out.has(u)) {
        out.add(u)
        todo.push(u)
      }
  return out
}

function join(dir: string, file: string): string {
  return dir ? `${dir}/${file}` : file
}
