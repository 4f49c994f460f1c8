// fixes: for the dependency conflicts the conflicts capability found, fixes resolved by cargo and
// verified in a scratch copy of the workspace, rendered as "How to fix". The fix PR that carries them
// is the fix-pr capability (sync stage).
import type { Capability } from '../capability.js'
import { fixFindings } from './findings.js'
import { conflictsWeighing } from './plan.js'
import { fixesMarkdown, fixesText, isEmpty } from './render.js'
import { runFixes } from './run.js'
import { FIXES_CODES, fixesOutput, type FixesParts } from './section.js'

export { filesOf, gitBlobSha } from '../../store/contents.js'
export type { ChangedFile } from './run.js'
export { applyAfterGate } from './apply.js'
export type { FixesConfig, FixesParts, FixesSection, FixSearch } from './section.js'

export const fixes: Capability<FixesParts> = {
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
  codes: FIXES_CODES,
  outputs: [
    {
      name: 'fixes',
      description:
        'JSON array of the fixes found: `{crate, from, to, kind: lock|manifest|patch, manifest, verified, command}` each.',
      value: r => (r.fixes ? JSON.stringify(fixesOutput(r.fixes)) : null)
    }
  ],
  async run(ports, config) {
    const body = ports.report
    // Shards analyse the same graph: the first shard searches, the others would repeat it.
    if (
      config.fixSearch === 'false' ||
      !ports.metadata ||
      !body.conflicts ||
      (body.shard && body.shard.index !== 1)
    )
      return { section: {}, findings: [] }
    // Which conflicts weigh is what their findings say (the conflicts ran before, at this stage).
    const weights = config.fixSearch === 'auto' ? (['block'] as const) : (['block', 'warn'] as const)
    const targets = conflictsWeighing(body.conflicts, body.findings ?? [], weights)
    if (targets.rustVersion.length === 0 && targets.duplicates.length === 0)
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
  findings: report => (report.fixes ? fixFindings(report.fixes) : []),
  merge: shards => {
    const found = shards.find(s => s.fixes)?.fixes
    return found ? { fixes: found } : {}
  },
  markdown: r => (r.fixes && !isEmpty(r.fixes) ? fixesMarkdown(r.fixes) : null),
  terminal: r => (r.fixes && !isEmpty(r.fixes) ? fixesText(r.fixes).split('\n') : [])
}
