// fix-pr: after the verdict is published, the verified fixes of this job's search go to one branch and
// one pull request (pr.ts). Trusted runs only; adds no finding.
import * as path from 'node:path'
import type { Capability } from '../capability.js'
import { filesOf, type FixesSection } from '../fixes/index.js'
import type { LintFixesSection } from '../lint-fixes/index.js'
import { syncFixPr, type FixPrOutcome } from './pr.js'

export type FixPrParts = {
  config: { fixPr: boolean }
  /** What the fix PR step did. */
  section: { fixPr?: FixPrOutcome }
  /** The fixes this job's search verified, and the lint fix it verified. */
  reads: { section: { fixes: FixesSection; lintFixes: LintFixesSection } }
}

/** The workspace's place in the repository: its root under the checkout ('' at the top). */
function repoPathOf(root: string): string {
  const rel = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), root)
  return rel.startsWith('..') || path.isAbsolute(rel) ? '' : rel.split(path.sep).join('/')
}

export const fixPr: Capability<FixPrParts> = {
  name: 'fix-pr',
  stage: 'sync',
  inputs: [
    {
      name: 'fix-pr',
      default: 'false',
      description:
        "On trusted runs, push the verified fixes to the branch `build-gate/fix-dependencies` and open (or update) one pull request: the dependency fixes, and rustc's and clippy's machine-applicable suggestions applied by `cargo fix` (`cargo clippy --fix` with `clippy: true`) in a scratch copy and verified there. Needs `contents: write` and `pull-requests: write`."
    }
  ],
  parse: p => ({ fixPr: p.bool('fix-pr') }),
  codes: {},
  outputs: [
    {
      name: 'fix-pr',
      description: 'URL of the fix pull request, when one was opened or updated (or is up to date).',
      value: r => r.fixPr?.url ?? null
    }
  ],
  async sync(ports, config) {
    const section = ports.report.fixes ?? null
    const lint = ports.report.lintFixes ?? null
    if (!config.fixPr || (!section && !lint)) return { section: {}, findings: [] }
    const depFiles = section ? filesOf(section) : []
    const lintFiles = lint?.status === 'verified' ? filesOf(lint) : []
    const files = depFiles && lintFiles ? [...depFiles, ...lintFiles] : null
    const outcome: FixPrOutcome = files
      ? await syncFixPr({
          client: ports.github,
          ctx: ports.ctx,
          section,
          lint,
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
    ports.log(`fix PR: ${outcome.note}${outcome.url ? ` (${outcome.url})` : ''}`)
    return { section: { fixPr: outcome }, findings: [] }
  },
  markdown: r => {
    const pr = r.fixPr
    if (!pr || pr.mode === 'skipped') return null
    const planned = pr.planned.map(p => `- ${pr.mode === 'dry-run' ? 'would ' : ''}${p}`)
    return ['### Fix pull request', '', `${pr.url ? `${pr.url}: ` : ''}${pr.note}.`, '', ...planned, ''].join(
      '\n'
    )
  },
  terminal: r =>
    r.fixPr && r.fixPr.mode !== 'skipped' ? [`Fix PR: ${r.fixPr.url ?? '-'} (${r.fixPr.note})`] : []
}
