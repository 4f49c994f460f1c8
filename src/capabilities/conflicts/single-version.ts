// Crates the team requires at exactly one version (e.g. base64): any second version blocks,
// whatever allow-duplicates says.
import type { ConflictsSection } from './section.js'
import { chainTo, reachablePackages, type DependencyGraph } from '../../cargo/graph.js'

export function findSingleVersionViolations(
  graph: DependencyGraph,
  crates: string[],
  includeDev: boolean
): ConflictsSection['singleVersionViolations'] {
  const wanted = new Set(crates)
  const byName = new Map<string, string[]>()
  for (const pkg of reachablePackages(graph)) {
    if (!wanted.has(pkg.name)) continue
    const reached = chainTo(graph, pkg.id)
    if (!reached || (reached.devOnly && !includeDev)) continue
    byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg.version])
  }
  return [...byName]
    .filter(([, versions]) => versions.length > 1)
    .map(([name, versions]) => ({ name, versions }))
}
