// Which issue each flaky test has, in the job summary, the PR comment and the terminal, with links.
import { escapeHtml, inlineHtml } from '../../report/markdown.js'
import type { FlakyIssue, FlakyIssuesSection } from './section.js'

const DONE: Record<FlakyIssue['action'], string> = {
  opened: 'opened',
  commented: 'commented on',
  reopened: 'reopened',
  recorded: 'already records this run:',
  'left-closed': 'left closed (closed as not planned):',
  'not-written': 'no issue written'
}

export function flakyIssuesMarkdown(s: FlakyIssuesSection | undefined): string | null {
  if (!s || s.issues.length === 0) return null
  const items = s.issues.map(i => {
    const link = i.number ? ` <a href="${escapeHtml(i.url ?? '')}">#${i.number}</a>` : ''
    return `<li>${escapeHtml(i.test)}: ${escapeHtml(DONE[i.action])}${link}</li>`
  })
  return [
    '<p><strong>Flaky-test issues</strong></p>',
    `<ul>${items.join('')}</ul>`,
    `<p>${inlineHtml(noteLine(s))}</p>`
  ].join('\n')
}

export function flakyIssuesText(s: FlakyIssuesSection | undefined): string[] {
  if (!s || s.issues.length === 0) return []
  return [
    'Flaky-test issues:',
    ...s.issues.map(i => `  ${i.test}: ${DONE[i.action]}${i.number ? ` #${i.number} (${i.url})` : ''}`),
    `  ${noteLine(s)}`
  ]
}

function noteLine(s: FlakyIssuesSection): string {
  const head = s.mode === 'report-only' ? `Report only: ${s.note}` : s.note
  return s.error ? `${head}. ${s.error}` : head
}
