// Crates resolved at more than one version in the graph, each version with the shortest chain that
// pulls it in (what `cargo tree -d` shows, as data).
import * as path from 'node:path'
import type { DuplicateFinding } from './section.js'
import { chainTo, compareLoose, reachablePackages, type DependencyGraph } from '../../cargo/graph.js'
import { dependencyRef, type ManifestRef } from '../../cargo/manifest-lines.js'
import { byCodeUnit } from '../../order.js'

export type DuplicateVersion = DuplicateFinding['versions'][number] & {
  /** The member's Cargo.toml line that declares the first dependency of the chain. */
  manifest: ManifestRef | null
}
export type Duplicate = DuplicateFinding & { versions: DuplicateVersion[] }

export interface DuplicateOptions {
  /** Count versions reached only through a member's dev-dependencies. */
  includeDev: boolean
  allow: string[]
  /** The workspace root: path packages' directories are given relative to it. */
  root: string
}

export function findDuplicates(
  graph: DependencyGraph,
  options: DuplicateOptions
): { duplicates: Duplicate[]; staleAllowEntries: string[] } {
  const byName = new Map<string, DuplicateVersion[]>()
  for (const pkg of reachablePackages(graph)) {
    const reached = chainTo(graph, pkg.id)
    if (!reached) continue
    const versions = byName.get(pkg.name) ?? []
    versions.push({
      version: pkg.version,
      member: reached.chain[0].name,
      ...reached,
      manifest: manifestOf(graph, reached.chain),
      source: pkg.source,
      ...(pkg.source === null ? { dir: relativeDir(options.root, pkg.manifest_path) } : {})
    })
    byName.set(pkg.name, versions)
  }
  const duplicates: Duplicate[] = []
  for (const [name, all] of byName) {
    const counted = options.includeDev ? all : all.filter(v => !v.devOnly)
    if (counted.length < 2) continue
    duplicates.push({
      name,
      versions: [...all].sort((a, b) => compareLoose(a.version, b.version)),
      allowed: options.allow.includes(name)
    })
  }
  duplicates.sort((a, b) => byCodeUnit(a.name, b.name))
  // An entry for a dev-only duplicate is not stale: it starts to matter with include-dev.
  const resolved = versionsByName(graph)
  const staleAllowEntries = options.allow.filter(a => (resolved.get(a)?.length ?? 0) < 2)
  return { duplicates, staleAllowEntries }
}

/** A path package's directory relative to the root, with `/` (what `[patch]` and a summary show). */
function relativeDir(root: string, manifest: string): string {
  return path.relative(root, path.dirname(manifest)).split(path.sep).join('/') || '.'
}

/** Every version each name resolves to, dev-only versions included. */
export function versionsByName(graph: DependencyGraph): Map<string, string[]> {
  const byName = new Map<string, string[]>()
  for (const pkg of reachablePackages(graph))
    byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg.version])
  return byName
}

function manifestOf(graph: DependencyGraph, chain: DuplicateVersion['chain']): ManifestRef | null {
  if (chain.length < 2) return null
  const member = graph.members.map(id => graph.packages.get(id)!).find(p => p.name === chain[0].name)
  return member
    ? dependencyRef(
        member.manifest_path,
        graph.manifests.get(member.manifest_path),
        chain[1].name,
        chain[0].kind
      )
    : null
}
