// The lint fixes in the summary, the terminal and as findings: what the fix changes (crate, lint,
// file), or why it is not offered, in cargo's own words.
import type { Finding } from '../../findings/finding.js'
import type { FixedLint, LintFixesSection } from './section.js'
import { count } from './verify.js'

export function lintFixFindings(s: LintFixesSection): Finding[] {
  const total = s.fixed.reduce((n, f) => n + f.count, 0)
  if (s.status === 'failed')
    return [{ code: 'lint-fix-failed', severity: 'warn', source: 'lint-fixes', message: s.reason }]
  return [
    {
      code: 'lint-fix-available',
      severity: s.status === 'verified' ? 'info' : 'warn',
      source: 'lint-fixes',
      message:
        s.status === 'verified'
          ? `\`${s.command.join(' ')}\` fixes ${count(total, 'warning')} in ${s.files.map(f => f.path).join(', ')}, verified: those warnings are gone, nothing new appears and the tests build`
          : `\`${s.command.join(' ')}\` is not verified: ${s.reason}`
    }
  ]
}

/** `- a: unused_imports in a/src/lib.rs (2)` */
export function fixedLines(fixed: FixedLint[]): string[] {
  return fixed.map(
    f => `${f.crate}: ${f.lint || '(no lint name)'} in ${f.file}${f.count > 1 ? ` (${f.count})` : ''}`
  )
}

export function lintFixesMarkdown(s: LintFixesSection): string {
  const head = '### Machine-applicable fixes'
  const command = `\`${s.command.join(' ')}\``
  if (s.status === 'verified')
    return [
      head,
      '',
      `${command} in a scratch copy, verified: the warnings below are gone, nothing new appears and the tests build.`,
      '',
      ...fixedLines(s.fixed).map(l => `- ${l}`),
      ''
    ].join('\n')
  return [
    head,
    '',
    s.status === 'failed' ? `Could not run: ${s.reason}.` : `${command}: **not verified**: ${s.reason}.`,
    ...(s.details.length ? ['', '```', s.details.join('\n\n'), '```'] : []),
    ''
  ].join('\n')
}

export function lintFixesText(s: LintFixesSection): string[] {
  if (s.status === 'verified')
    return [
      `Machine-applicable fixes (verified, ${s.command.join(' ')}):`,
      ...fixedLines(s.fixed).map(l => `  ${l}`)
    ]
  return [
    `Machine-applicable fixes: ${s.status === 'failed' ? 'could not run' : 'not verified'}: ${s.reason}`,
    ...s.details.flatMap(d => d.split('\n').map(l => `  ${l}`))
  ]
}
