// fixes: for the dependency conflicts the conflicts capability found, fixes resolved by cargo and
// verified in a scratch copy of the workspace, rendered as "How to fix". The fix PR that
// carries them is the fix-pr capability (sync stage).
import type { GateConfig } from '../../config.js'
import { runFixes } from './run.js'
import { fixFindings } from './findings.js'
import { conflictsToSearch } from './plan.js'
import { conflictFindingList } from '../conflicts/findings.js'
import type { Finding } from '../../findings/finding.js'
import { fixesMarkdown, fixesText, isEmpty } from './render.js'
import { fixesOutput, type FixesSection } from './section.js'
import type { Capability, ReportBody } from '../capability.js'

/** auto: only conflicts that block the build (each fix costs a scratch build); true: every conflict. */
export type FixSearch = 'auto' | 'true' | 'false'

declare module '../../report/schema.js' {
  interface GateReport {
    fixes?: FixesSection
  }
}

declare module '../../config.js' {
  interface GateConfig {
    fixSearch: FixSearch
  }
}

const findingsOf = (report: ReportBody): ReturnType<typeof fixFindings> =>
  report.fixes ? fixFindings(report.fixes) : []

/**
 * The conflicts' findings, as the conflicts capability decided them: those in the report when it
 * carries them, else the same function that made them, under the policy recorded in the section.
 */
function conflictFindingsOf(report: ReportBody, config: GateConfig): Finding[] {
  const own = (report.findings ?? []).filter(f => f.source === 'conflicts')
  if (own.length > 0 || !report.conflicts) return own
  return conflictFindingList(report.conflicts, report.conflicts.policy ?? config)
}

export const fixes: Capability = {
  name: 'fixes',
  stage: 'analyses',
  inputs: [
    {
      name: 'fix-search',
      default: 'auto',
      description:
        'For dependency conflicts, find fixes with cargo and verify each in a scratch copy of the workspace (a check and test build per fix); shown under "How to fix". `auto`: only conflicts that block the build; `true`: also those that only warn; `false`: none.'
    }
  ],
  parse: p => ({ fixSearch: p.oneOf('fix-search', ['auto', 'true', 'false'] as const) }),
  outputs: [
    {
      name: 'fixes',
      description:
        'JSON array of the fixes found: `{crate, from, to, kind: lock|manifest|patch, manifest, verified, command}` each.',
      value: r => (r.fixes ? JSON.stringify(fixesOutput(r.fixes)) : null)
    }
  ],
  async run(ports, config: GateConfig) {
    const body = ports.report
    const targets = conflictsToSearch(conflictFindingsOf(body, config), config.fixSearch === 'true')
    // Shards analyse the same graph: the first shard searches, the others would repeat it.
    if (
      config.fixSearch === 'false' ||
      !ports.metadata ||
      !body.conflicts ||
      targets.length === 0 ||
      (body.shard && body.shard.index !== 1)
    )
      return { section: {}, findings: [] }
    const result = await runFixes(
      {
        root: ports.cwd,
        host: ports.toolchain.host,
        config,
        conflicts: body.conflicts,
        targets,
        conflictOptions: { ...config, toolchain: ports.toolchain.release },
        metadata: ports.metadata
      },
      { run: ports.run }
    )
    return { section: { fixes: result.section }, findings: result.findings }
  },
  findings: findingsOf,
  merge: shards => {
    const found = shards.find(s => s.fixes)?.fixes
    return found ? { fixes: found } : {}
  },
  markdown: r => (r.fixes && !isEmpty(r.fixes) ? fixesMarkdown(r.fixes) : null),
  terminal: r => (r.fixes && !isEmpty(r.fixes) ? fixesText(r.fixes).split('\n') : [])
}
