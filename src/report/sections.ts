// The capabilities' own renderings, in registry order: markdown (job summary, PR comment), terminal
// lines (CLI) and annotations.
import type { Capability } from '../capabilities/capability.js'
import { CAPABILITIES } from '../capabilities/registry.js'
import type { Annotation } from './annotations.js'
import type { GateReport } from './schema.js'

export function markdownSections(
  capabilities: readonly Capability[] = CAPABILITIES
): ((r: GateReport) => string | null)[] {
  return capabilities.flatMap(c => (c.markdown ? [c.markdown] : []))
}

export function textSections(
  capabilities: readonly Capability[] = CAPABILITIES
): ((r: GateReport) => string | null)[] {
  return capabilities.flatMap(c => {
    const terminal = c.terminal
    if (!terminal) return []
    return [(r: GateReport) => terminal(r).join('\n') || null]
  })
}

export function sectionAnnotations(
  report: GateReport,
  repoRoot: string,
  capabilities: readonly Capability[] = CAPABILITIES
): Annotation[] {
  return capabilities.flatMap(c => c.annotations?.(report, repoRoot) ?? [])
}
