// The workstreams section as markdown (job summary, PR comment) and as terminal text, plus the outputs.
import { table } from '../../report/text.js'
import type { WorkstreamsSection } from './section.js'

const MODE: Record<WorkstreamsSection['mode'], string> = {
  apply: 'applied',
  'dry-run': 'dry run (nothing written)',
  preview: 'preview (what a trusted run would do)',
  'report-only': 'report only (nothing written)'
}

const HEADER = ['workstream', 'state', 'was', 'branch', 'issue', 'why']

/** Reasons every workstream shares (of two or more): said once, not in every row. */
function sharedReasons(s: WorkstreamsSection): string[] {
  const [first, ...others] = s.workstreams
  if (!first || others.length === 0) return []
  return first.reasons.filter(r => others.every(w => w.reasons.includes(r)))
}

/** The table's header and rows; the why column only when some row has a reason of its own. */
function rows(s: WorkstreamsSection, issue: (n: number) => string): string[][] {
  const shared = sharedReasons(s)
  const own = s.workstreams.map(w => w.reasons.filter(r => !shared.includes(r)).join('; '))
  const why = own.some(Boolean)
  const header = why ? HEADER : HEADER.slice(0, -1)
  return [
    header,
    ...s.workstreams.map((w, i) => [
      w.name,
      w.state,
      w.previousState,
      w.branch ?? '–',
      w.trackingIssue === null ? '–' : issue(w.trackingIssue),
      ...(why ? [own[i] || '–'] : [])
    ])
  ]
}

export function workstreamsMarkdown(report: { workstreams?: WorkstreamsSection }): string | null {
  const s = report.workstreams
  if (!s) return null
  const cell = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const tr = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  const code = (c: string) => (c === '–' ? c : `\`${c}\``)
  const [header, ...all] = rows(s, n => `#${n}`)
  const body = all.map(([name, state, was, branch, ...rest]) =>
    tr([code(name), state === 'ready' ? '🟢 ready' : '🔴 blocked', was, code(branch), ...rest])
  )
  if (s.error) return `### Workstreams — ❌ sync failed\n\n${cell(s.error)}`
  const shared = sharedReasons(s)
  const out = [
    `### Workstreams — ${MODE[s.mode]}`,
    '',
    ...(shared.length ? [`Every workstream: ${shared.map(cell).join('; ')}`, ''] : []),
    tr(header),
    tr(header.map(() => '---')),
    ...body,
    '',
    `_${s.note}_`
  ]
  if (s.createdBranches.length)
    out.push('', `Created branches: ${s.createdBranches.map(b => `\`${b}\``).join(', ')}`)
  if (s.plannedWrites.length && s.mode !== 'apply')
    out.push(
      '',
      `<details><summary>${s.plannedWrites.length} planned write(s)</summary>`,
      '',
      ...s.plannedWrites.map(w => `- \`${w.kind}\` ${cell(w.target)}: ${cell(w.detail)}`),
      '',
      '</details>'
    )
  return out.join('\n')
}

export function workstreamsText(report: { workstreams?: WorkstreamsSection }): string | null {
  const s = report.workstreams
  if (!s) return null
  if (s.error) return `Workstreams: sync failed: ${s.error}`
  const shared = sharedReasons(s)
  const out = [
    `Workstreams (${MODE[s.mode]}):`,
    ...(shared.length ? [`Every workstream: ${shared.join('; ')}`] : []),
    table(rows(s, n => `#${n}`)),
    s.note
  ]
  for (const w of s.plannedWrites)
    out.push(`  ${s.mode === 'apply' ? '✓' : '·'} ${w.kind} ${w.target}: ${w.detail}`)
  return out.join('\n')
}

/** Action outputs `ready-workstreams`, `blocked-workstreams`, `created-branches` (JSON arrays); the gate workstream is left out. */
export function workstreamOutputs(s: WorkstreamsSection, gateWorkstream: string): Record<string, string> {
  // A failed sync knows nothing: empty, not an empty list a later job would act on.
  if (s.error) return { 'ready-workstreams': '', 'blocked-workstreams': '', 'created-branches': '' }
  const dependents = s.workstreams.filter(w => w.name !== gateWorkstream)
  return {
    'ready-workstreams': JSON.stringify(dependents.filter(w => w.state === 'ready').map(w => w.name)),
    'blocked-workstreams': JSON.stringify(dependents.filter(w => w.state === 'blocked').map(w => w.name)),
    'created-branches': JSON.stringify(s.createdBranches)
  }
}
