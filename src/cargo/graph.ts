// The resolved dependency graph, built once from `cargo metadata`, and the shortest chain from a
// workspace member to any package. Every conflict pass reads this instead of re-walking metadata.
import * as semver from 'semver'
import * as path from 'node:path'
import { memberManifestPaths, readManifests } from './manifests.js'
import { GateError } from '../errors.js'
import { declaredMsrv, type CargoMetadata, type MetadataPackage } from './metadata.js'
import { byCodeUnit } from '../order.js'

/** One link of a dependency chain from a workspace member to a package. */
export interface DependencyChainLink {
  name: string
  version: string
  /** How this link depends on the next: normal, build or dev. */
  kind: 'normal' | 'build' | 'dev'
}

export type EdgeKind = DependencyChainLink['kind']

export interface Edge {
  to: string
  kind: EdgeKind
}

export interface DependencyGraph {
  packages: Map<string, MetadataPackage>
  /** Outgoing edges per package id; one edge per kind (a crate can be both a normal and a dev dependency). */
  edges: Map<string, Edge[]>
  /** Workspace member ids, sorted by package name so chains are deterministic. */
  members: string[]
  /** Shortest chain without dev edges, per reachable package id. */
  normalChains: Map<string, DependencyChainLink[]>
  /** Shortest chain allowing a dev edge out of a member, per reachable package id. */
  anyChains: Map<string, DependencyChainLink[]>
  /** Text of the root's and the members' manifests by path (null: unreadable), for the lines a finding points at. */
  manifests: ReadonlyMap<string, string | null>
  /** `[workspace.package] rust-version`: the MSRV of members that declare none; null when not declared. */
  workspaceRustVersion: string | null
}

/** How a member reaches a package: the shortest chain, and whether only through its dev-dependencies. */
export interface Reach {
  chain: DependencyChainLink[]
  devOnly: boolean
}

// Normal before build before dev: among equally short chains, prefer the one that ships.
const KIND_ORDER: Record<EdgeKind, number> = { normal: 0, build: 1, dev: 2 }

/** `manifests`: the root's and the members' manifest texts, read once by the caller (by default, read here). */
export function buildGraph(
  meta: CargoMetadata,
  manifests: ReadonlyMap<string, string | null> = readManifests([
    rootManifest(meta),
    ...memberManifestPaths(meta)
  ])
): DependencyGraph {
  if (!meta.resolve)
    throw new GateError(
      'cargo',
      'cargo metadata has no resolve graph; it must run without --no-deps for the conflict checks.'
    )
  const packages = new Map(meta.packages.map(p => [p.id, p]))
  const edges = new Map<string, Edge[]>()
  for (const node of meta.resolve.nodes) {
    const out: Edge[] = []
    for (const dep of node.deps) {
      // Metadata written by cargo before 1.41 has no dep_kinds; treat such a dependency as normal.
      const kinds = dep.dep_kinds?.length ? dep.dep_kinds.map(k => k.kind ?? 'normal') : ['normal' as const]
      for (const kind of new Set(kinds)) out.push({ to: dep.pkg, kind })
    }
    out.sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byCodeUnit(nameOf(packages, a.to), nameOf(packages, b.to))
    )
    edges.set(node.id, out)
  }
  const members = meta.workspace_members
    .filter(id => packages.has(id))
    .sort((a, b) => byCodeUnit(nameOf(packages, a), nameOf(packages, b)))
  const graph = {
    packages,
    edges,
    members,
    normalChains: new Map(),
    anyChains: new Map(),
    manifests,
    workspaceRustVersion: declaredMsrv(manifests.get(rootManifest(meta)) ?? null)
  }
  graph.normalChains = shortestChains(graph, members, new Set())
  graph.anyChains = shortestChains(graph, members, new Set(members))
  return graph
}

const rootManifest = (meta: CargoMetadata): string => path.join(meta.workspace_root, 'Cargo.toml')

/**
 * What one member pulls in, as the resolved graph has it (every member's features unified, so a
 * superset of what the member builds alone): normal and build edges, then its own dev-dependencies.
 */
export function memberReach(graph: DependencyGraph, member: string): Map<string, Reach> {
  const out = new Map<string, Reach>()
  for (const [id, chain] of shortestChains(graph, [member], new Set())) out.set(id, { chain, devOnly: false })
  for (const [id, chain] of shortestChains(graph, [member], new Set([member])))
    if (!out.has(id)) out.set(id, { chain, devOnly: true })
  return out
}

/**
 * BFS from `sources`. A dev edge is followed only out of a package in `devFrom` (members): cargo
 * never builds the dev-dependencies of a dependency.
 */
function shortestChains(
  graph: Pick<DependencyGraph, 'packages' | 'edges'>,
  sources: readonly string[],
  devFrom: ReadonlySet<string>
): Map<string, DependencyChainLink[]> {
  const previous = new Map<string, { from: string; kind: EdgeKind } | null>()
  const queue: string[] = []
  for (const id of sources) {
    previous.set(id, null)
    queue.push(id)
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]
    for (const edge of graph.edges.get(id) ?? []) {
      if (edge.kind === 'dev' && !devFrom.has(id)) continue
      if (previous.has(edge.to)) continue
      previous.set(edge.to, { from: id, kind: edge.kind })
      queue.push(edge.to)
    }
  }
  const chains = new Map<string, DependencyChainLink[]>()
  for (const id of previous.keys()) {
    const links: DependencyChainLink[] = []
    // The last link depends on nothing further in this chain: its kind is 'normal' by convention.
    let kind: EdgeKind = 'normal'
    for (let at: string | undefined = id; at !== undefined;) {
      const pkg = graph.packages.get(at)!
      links.unshift({ name: pkg.name, version: pkg.version, kind })
      const step = previous.get(at)
      kind = step?.kind ?? 'normal'
      at = step?.from
    }
    chains.set(id, links)
  }
  return chains
}

/** The chain to a package and whether it is reached only through a member's dev-dependency. */
export function chainTo(
  graph: DependencyGraph,
  id: string
): { chain: DependencyChainLink[]; devOnly: boolean } | null {
  const normal = graph.normalChains.get(id)
  if (normal) return { chain: normal, devOnly: false }
  const any = graph.anyChains.get(id)
  return any ? { chain: any, devOnly: true } : null
}

/** Packages reachable from the members (dev edges out of members included), sorted by name then version. */
export function reachablePackages(graph: DependencyGraph): MetadataPackage[] {
  return [...graph.anyChains.keys()]
    .map(id => graph.packages.get(id)!)
    .sort((a, b) => byCodeUnit(a.name, b.name) || compareLoose(a.version, b.version))
}

export function isMember(graph: DependencyGraph, id: string): boolean {
  return graph.members.includes(id)
}

function nameOf(packages: Map<string, MetadataPackage>, id: string): string {
  return packages.get(id)?.name ?? id
}

export function compareLoose(a: string, b: string): number {
  return semver.valid(a) && semver.valid(b)
    ? semver.compare(a, b)
    : a.localeCompare(b, 'en', { numeric: true })
}

/** `toka-core -dev→ testkit 0.1.0 → memchr 1.0.2`: the member by name, every other link with its version. */
export function formatChain(chain: DependencyChainLink[]): string {
  return chain
    .map((link, i) => {
      const label = i === 0 ? link.name : `${link.name} ${link.version}`
      if (i === chain.length - 1) return label
      return `${label} ${link.kind === 'normal' ? '→' : `-${link.kind}→`}`
    })
    .join(' ')
}
