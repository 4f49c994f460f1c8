// The tracker's renderings: one status line (job summary, PR comment, terminal) and its outputs.
import { fenced } from '../../report/markdown.js'
import { burndownLine, burndownLines } from './burndown.js'
import { flakyMemoryLine } from './flaky-memory.js'
import type { TrackerSection } from './track.js'

export function trackerMarkdown(s: TrackerSection | undefined): string | null {
  if (!s) return null
  const issue = s.issue === null ? '' : ` · checklist in #${s.issue}`
  const flaky = (s.flaky ?? []).map(m => `- ${escape(flakyMemoryLine(m))}`)
  const memory = flaky.length > 0 ? `\n\n**Flaky tests in the run history:**\n\n${flaky.join('\n')}` : ''
  const status = `**Stabilization:** ${escape(s.line)}${issue}${memory}`
  const b = s.status.warnings
  return b
    ? [status, '', `**Burndown:** ${burndownLine(b)}`, '', ...fenced(burndownLines(b).join('\n'))].join('\n')
    : status
}

export function trackerText(s: TrackerSection | undefined): string[] {
  if (!s) return []
  const b = s.status.warnings
  const burndown = b ? ['', `Burndown: ${burndownLine(b)}`, ...burndownLines(b).map(l => `  ${l}`)] : []
  return [`Stabilization: ${s.line}`, ...(s.flaky ?? []).map(m => `  ${flakyMemoryLine(m)}`), ...burndown]
}

export function trackerOutputs(s: TrackerSection | undefined): Record<string, string> {
  if (!s) return {}
  return {
    'stabilization-status': s.line,
    'unstable-since': s.status.unstableSince?.at ?? '',
    'conflicts-resolved': String(s.status.conflicts.resolved.length)
  }
}

function escape(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
