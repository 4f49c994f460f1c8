// fixes: for the dependency conflicts the conflicts capability found, fixes resolved by cargo and
// verified in a scratch copy of the workspace, rendered as "How to fix". The fix PR that
// carries them is the fix-pr capability (sync stage).
import type { GateConfig } from '../../config.js'
import { runFixes } from './run.js'
import { fixFindings } from './findings.js'
import { blockingConflicts } from './plan.js'
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

/** Conflicts a fix could answer (the policy is applied when candidates are planned). */
function conflictsToFix(report: ReportBody): boolean {
  return (
    !!report.conflicts && (report.conflicts.rustVersion.length > 0 || report.conflicts.duplicates.length > 0)
  )
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
        'JSON array of the fixes found: `{crate, from, to, kind: lock|manifest, manifest, verified, command}` each.',
      value: r => (r.fixes ? JSON.stringify(fixesOutput(r.fixes)) : null)
    }
  ],
  async run(ports, config: GateConfig) {
    const body = ports.report
    // Shards analyse the same graph: the first shard searches, the others would repeat it.
    if (
      config.fixSearch === 'false' ||
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
        conflicts: config.fixSearch === 'auto' ? blockingConflicts(body.conflicts!, config) : body.conflicts!,
        conflictOptions: { ...config, toolchain: ports.toolchain.release, msrv: body.workspace.msrv },
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
