// The capabilities' own renderings, in registry order: markdown (job summary, PR comment), terminal
// lines (CLI), the Actions log and annotations.
import type { AnyCapability, RenderContext } from '../capabilities/capability.js'
import type { Annotation } from '../report/annotations.js'
import { blobLinks } from '../report/markdown.js'
import { CAPABILITIES, type GateReport } from './registry.js'

export type SectionRenderer = (report: GateReport) => string | null

/** Where rendered text points when the caller says nothing: no blob links, no run. */
export function renderContext(over: Partial<RenderContext> = {}): RenderContext {
  return {
    links: blobLinks({}, process.cwd()),
    config: null,
    run: { eventName: '', defaultBranch: null, runUrl: null },
    ...over
  }
}

export function markdownSections(
  capabilities: readonly AnyCapability[] = CAPABILITIES,
  ctx: RenderContext = renderContext()
): SectionRenderer[] {
  return capabilities.flatMap(c => {
    const markdown = c.markdown
    return markdown ? [(r: GateReport) => markdown(r, ctx)] : []
  })
}

export function textSections(capabilities: readonly AnyCapability[] = CAPABILITIES): SectionRenderer[] {
  return capabilities.flatMap(c => {
    const terminal = c.terminal
    if (!terminal) return []
    return [(r: GateReport) => terminal(r).join('\n') || null]
  })
}

/** The terminal's first lines: the tools' own words as they print them (rustc's diagnostics). */
export function leadLines(
  report: GateReport,
  colour: boolean,
  capabilities: readonly AnyCapability[] = CAPABILITIES
): string[] {
  return capabilities.flatMap(c => c.lead?.(report, colour) ?? [])
}

/** The Actions log's lines (rustc's words grouped per crate). */
export function logLines(
  report: GateReport,
  stopToken: string,
  capabilities: readonly AnyCapability[] = CAPABILITIES
): string[] {
  return capabilities.flatMap(c => c.log?.(report, stopToken) ?? [])
}

export function sectionAnnotations(
  report: GateReport,
  repoRoot: string,
  capabilities: readonly AnyCapability[] = CAPABILITIES
): Annotation[] {
  return capabilities.flatMap(c => c.annotations?.(report, repoRoot) ?? [])
}
