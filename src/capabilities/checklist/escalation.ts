// Escalation, decided from what GitHub shows: the last escalation or recovery comment on the gate's
// tracking issue (hidden markers) says whether this unstable stretch was escalated already; the label
// follows. Messages are pure.
import type { ChecklistReport } from './section.js'
import { describeConflict } from '../conflicts/index.js'
import { fenced } from '../../report/markdown.js'
import {
  burndownLine,
  burndownLines,
  formatDuration,
  when,
  where,
  type TrackerStatus
} from '../tracker/index.js'

export const EVENT_ESCALATION = 'build-system-escalation'
const ESCALATED = /^<!-- build-gate:escalation since=(\S+) -->/
const RECOVERED = /^<!-- build-gate:recovered -->/

export type Marker = { kind: 'escalation'; since: string } | { kind: 'recovered' } | null

/** The last escalation/recovery marker among the issue's comments (oldest first). */
export function lastMarker(comments: (string | null | undefined)[]): Marker {
  for (const body of [...comments].reverse()) {
    const m = ESCALATED.exec(body ?? '')
    if (m) return { kind: 'escalation', since: m[1] }
    if (RECOVERED.test(body ?? '')) return { kind: 'recovered' }
  }
  return null
}

/**
 * Whether the current unstable stretch was escalated: the last marker is an escalation of this stretch
 * (same start), or of an earlier start when the history no longer reaches back to before the stretch.
 */
export function escalatedThisStretch(marker: Marker, s: TrackerStatus): boolean {
  if (marker?.kind !== 'escalation' || !s.unstableSince) return false
  if (marker.since === s.unstableSince.at) return true
  return s.stretchStartsHistory && Date.parse(marker.since) <= Date.parse(s.unstableSince.at)
}

export function escalationComment(
  s: TrackerStatus,
  report: ChecklistReport,
  o: { escalateTo: string[]; label: string; labelled: boolean }
): string {
  const since = s.unstableSince!
  const who = o.escalateTo.length ? `${o.escalateTo.join(' ')}: ` : ''
  const reasons = report.verdict.reasons.map(r => `- ${r.message}`)
  const { found, resolved, open } = s.conflicts
  return [
    `<!-- build-gate:escalation since=${since.at} -->`,
    `### Build not stable for ${formatDuration(s.forMs)}`,
    '',
    `${who}the build has been unstable since ${when(since)}, longer than escalate-after (${formatDuration(s.escalation.afterMs ?? 0)}).${o.labelled ? '' : ` Label \`${o.label}\` added.`}`,
    '',
    '**Still failing:**',
    ...(reasons.length ? reasons : ['- (no reason recorded)']),
    ...(found.length
      ? [
          '',
          `**Conflicts:** ${resolved.length} of ${found.length} resolved${open.length ? `; open: ${open.map(describeConflict).join(', ')}` : ''}.`
        ]
      : []),
    ...(s.warnings
      ? [
          '',
          `**Warnings:** ${burndownLine(s.warnings)}.`,
          '',
          ...fenced(burndownLines(s.warnings).join('\n'))
        ]
      : []),
    '',
    s.current.runUrl ? `Latest run: ${s.current.runUrl}` : `Latest run: ${when(s.current)}`
  ].join('\n')
}

export function recoveryComment(s: TrackerStatus, o: { label: string; labelled: boolean }): string {
  const { found, resolved } = s.conflicts
  const after = s.endedStretch ? `, after ${formatDuration(s.endedStretch.forMs)} unstable` : ''
  return [
    '<!-- build-gate:recovered -->',
    `### Build stable again`,
    '',
    `The build is stable since ${where(s.current)}${after}${found.length ? `; ${resolved.length} of ${found.length} conflicts resolved` : ''}.${o.labelled ? ` Label \`${o.label}\` removed.` : ''}`,
    ...(s.current.runUrl ? ['', `Run: ${s.current.runUrl}`] : [])
  ].join('\n')
}
