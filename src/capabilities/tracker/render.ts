// The tracker's renderings: one status line (job summary, PR comment, terminal) and its outputs.
import type { TrackerSection } from './track.js'

export function trackerMarkdown(s: TrackerSection | undefined): string | null {
  if (!s) return null
  const issue = s.issue === null ? '' : ` · checklist in #${s.issue}`
  return `**Stabilization:** ${escape(s.line)}${issue}`
}

export function trackerText(s: TrackerSection | undefined): string | null {
  return s ? `Stabilization: ${s.line}` : null
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
