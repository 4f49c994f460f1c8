// fixes: for the dependency conflicts the conflicts capability found, fixes resolved by cargo and
// verified in a scratch copy of the workspace (src/fixes/), rendered as "How to fix"; the fix PR is
// written after the report is published (src/fixes/pr.ts, called by the action).
import type { GateConfig } from '../../config.js'
import { runFixes } from '../../fixes/index.js'
import { fixFindings } from '../../fixes/findings.js'
import { fixesMarkdown, fixesText, isEmpty } from '../../fixes/render.js'
import { fixesOutput, type FixesSection } from '../../fixes/section.js'
import * as path from 'node:path'
import { filesOf } from '../../fixes/contents.js'
import { syncFixPr, type FixPrOutcome } from '../../fixes/pr.js'
import type { Capability, ReportBody } from '../capability.js'

declare module '../../report/schema.js' {
  interface GateReport {
    fixes?: FixesSection
    /** What the fix PR step did (action only). */
    fixPr?: FixPrOutcome
  }
}

declare module '../../config.js' {
  interface GateConfig {
    fixSearch: boolean
    fixPr: boolean
  }
}

const findingsOf = (report: ReportBody): ReturnType<typeof fixFindings> =>
  report.fixes ? fixFindings(report.fixes) : []

/** Conflicts a fix could answer (the policy is applied when candidates are planned). */
function conflictsToFix(report: ReportBody): boolean {
  return (
    !!report.conflicts && (report.conflicts.rustVersion.length > 0 || report.conflicts.duplicates.length > 0)
  )
}

/** The workspace's place in the repository: its root under the checkout ('' at the top). */
function repoPathOf(root: string): string {
  const rel = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), root)
  return rel.startsWith('..') || path.isAbsolute(rel) ? '' : rel.split(path.sep).join('/')
}

export const fixes: Capability = {
  name: 'fixes',
  stage: 'analyses',
  inputs: [
    {
      name: 'fix-search',
      default: 'true',
      description:
        'For dependency conflicts, find fixes with cargo and verify each in a scratch copy of the workspace (a check and test build per fix); shown under "How to fix".'
    },
    {
      name: 'fix-pr',
      default: 'false',
      description:
        'On trusted runs, push the verified fixes to the branch `build-gate/fix-dependencies` and open (or update) one pull request. Needs `contents: write` and `pull-requests: write`.'
    }
  ],
  parse: p => ({ fixSearch: p.bool('fix-search'), fixPr: p.bool('fix-pr') }),
  outputs: [
    {
      name: 'fixes',
      description:
        'JSON array of the fixes found: `{crate, from, to, kind: lock|manifest, manifest, verified, command}` each.',
      value: r => (r.fixes ? JSON.stringify(fixesOutput(r.fixes)) : null)
    },
    {
      name: 'fix-pr',
      description: 'URL of the fix pull request, when one was opened or updated (or is up to date).',
      value: r => r.fixPr?.url ?? null
    }
  ],
  async run(ports, config: GateConfig) {
    const body = ports.report
    // Shards analyse the same graph: the first shard searches, the others would repeat it.
    if (
      !config.fixSearch ||
      !ports.metadata ||
      !conflictsToFix(body) ||
      (body.shard && body.shard.index !== 1)
    )
      return { section: {}, findings: [] }
    const result = await runFixes(
      {
        root: ports.cwd,
        host: ports.toolchain.host,
        config,
        conflicts: body.conflicts!,
        conflictOptions: { ...config, toolchain: ports.toolchain.release, msrv: body.workspace.msrv },
        metadata: ports.metadata
      },
      { run: ports.run }
    )
    return { section: { fixes: result.section }, findings: result.findings }
  },
  // The fix PR: after the verdict is published, with the changed files of this process's search.
  async sync(ports, config) {
    const section = ports.report.fixes
    if (!config.fixPr || !section) return { section: {}, findings: [] }
    const files = filesOf(section)
    const fixPr: FixPrOutcome = files
      ? await syncFixPr({
          client: ports.github,
          ctx: ports.ctx,
          section,
          files,
          repoPath: repoPathOf(ports.report.workspace.root),
          dryRun: config.dryRun,
          log: ports.log
        })
      : {
          mode: 'skipped',
          url: null,
          writes: 0,
          planned: [],
          note: 'no fix PR: the fix search did not run in this job'
        }
    ports.log(`fix PR: ${fixPr.note}${fixPr.url ? ` (${fixPr.url})` : ''}`)
    return { section: { fixPr }, findings: [] }
  },
  findings: findingsOf,
  merge: shards => {
    const found = shards.find(s => s.fixes)?.fixes
    return found ? { fixes: found } : {}
  },
  markdown: r => {
    if (!r.fixes || isEmpty(r.fixes)) return null
    const pr =
      r.fixPr && r.fixPr.mode !== 'skipped' ? `Fix PR: ${r.fixPr.url ?? '(none)'} — ${r.fixPr.note}\n` : ''
    return `${fixesMarkdown(r.fixes)}${pr}`
  },
  terminal: r => (r.fixes && !isEmpty(r.fixes) ? fixesText(r.fixes).split('\n') : [])
}
