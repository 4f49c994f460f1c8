// conflicts: the resolved dependency graph's duplicate versions, single-version crates, Rust versions
// the toolchain or the MSRV cannot build, and cargo's own refusals.
import { analyzeConflicts } from './analyze.js'
import type { GateConfig } from '../../config.js'
import { conflictAnnotations, conflictsMarkdown, conflictsText, DEFAULT_POLICY, isEmpty } from './render.js'
import type { GateReport } from '../../report/schema.js'
import type { Capability, ReportBody } from '../capability.js'
import { conflictFindingList, type ConflictPolicy } from './findings.js'

export { CONFLICT_CODES, conflictId, conflictIds, describeConflict, isConflict } from './identity.js'

const policyOf = (config: ConflictPolicy): ConflictPolicy => ({
  duplicateVersions: config.duplicateVersions,
  duplicateVersionsIncludeDev: config.duplicateVersionsIncludeDev,
  msrvCheck: config.msrvCheck
})

function findingsOf(report: ReportBody, config: ConflictPolicy) {
  return report.conflicts ? conflictFindingList(report.conflicts, config, report.workspace.root) : []
}

/** The policy the section was judged under (recorded in it), for renderers that show which versions count. */
const recorded = (r: GateReport): ConflictPolicy => r.conflicts?.policy ?? DEFAULT_POLICY
const own = (r: GateReport) => (r.findings ?? []).filter(f => f.source === 'conflicts')

export const conflicts: Capability = {
  name: 'conflicts',
  stage: 'analyses',
  inputs: [
    {
      name: 'duplicate-versions',
      default: 'warn',
      description: 'Crates resolved at several versions: `warn`, `deny` (unstable) or `allow`.'
    },
    {
      name: 'duplicate-versions-include-dev',
      default: 'false',
      description: 'Count duplicates reached only through dev-dependencies.'
    },
    {
      name: 'allow-duplicates',
      default: '',
      description:
        'Crate names exempt from the duplicate check (comma or newline separated). Entries matching nothing are reported.'
    },
    {
      name: 'single-version-crates',
      default: '',
      description: 'Crates that must resolve to exactly one version, e.g. `base64, base64ct`.'
    },
    {
      name: 'msrv-check',
      default: 'deny',
      description:
        'Dependencies whose edition or rust-version the toolchain or the workspace MSRV cannot build: `deny`, `warn` or `off`.'
    }
  ],
  parse: p => ({
    duplicateVersions: p.oneOf('duplicate-versions', ['deny', 'warn', 'allow'] as const),
    duplicateVersionsIncludeDev: p.bool('duplicate-versions-include-dev'),
    allowDuplicates: p.names('allow-duplicates'),
    singleVersionCrates: p.names('single-version-crates'),
    msrvCheck: p.oneOf('msrv-check', ['deny', 'warn', 'off'] as const)
  }),
  outputs: [
    {
      name: 'duplicate-crates',
      description: 'Crates resolved at more than one version (counted by the duplicate-versions rules).',
      // Distinct crates: a merged report carries each shard's blocking findings.
      value: r =>
        r.conflicts
          ? String(
              new Set(
                own(r)
                  .filter(
                    f => f.code === 'duplicate-versions' && (f.severity === 'block' || f.severity === 'warn')
                  )
                  .map(f => f.crate)
              ).size
            )
          : null
    },
    {
      name: 'single-version-violations',
      description: 'Crates of `single-version-crates` resolved at more than one version.',
      value: r => (r.conflicts ? String(r.conflicts.singleVersionViolations.length) : null)
    },
    {
      name: 'msrv-violations',
      description: 'Dependencies the toolchain or the workspace MSRV cannot build.',
      value: r =>
        r.conflicts ? String(r.conflicts.rustVersion.length + r.conflicts.cargoRefusals.length) : null
    }
  ],
  async run(ports, config: GateConfig) {
    const section = {
      ...analyzeConflicts(ports.metadata, ports.graph, {
        ...config,
        toolchain: ports.toolchain.release,
        msrv: ports.report.workspace.msrv,
        cargoErrors: ports.phases.flatMap(p => p.cargoErrors)
      }),
      policy: policyOf(config)
    }
    const report = { ...ports.report, conflicts: section }
    return { section: { conflicts: section }, findings: findingsOf(report, config) }
  },
  findings: findingsOf,
  // Every shard analyses the same resolved graph: the first shard's section stands for all.
  merge: shards => (shards[0]?.conflicts ? { conflicts: shards[0].conflicts } : {}),
  markdown: r =>
    r.conflicts && !isEmpty(r.conflicts) ? conflictsMarkdown(r.conflicts, recorded(r), own(r)) : null,
  terminal: r =>
    r.conflicts && !isEmpty(r.conflicts) ? conflictsText(r.conflicts, recorded(r), own(r)).split('\n') : [],
  annotations: (r, repoRoot) =>
    r.conflicts ? conflictAnnotations(r.conflicts, repoRoot, recorded(r), own(r)) : []
}
