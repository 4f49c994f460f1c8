// conflicts: the resolved dependency graph's duplicate versions, single-version crates, Rust versions
// the toolchain or the MSRV cannot build, and cargo's own refusals.
import type { Finding } from '../../findings/finding.js'
import type { Capability } from '../capability.js'
import { analyzeConflicts } from './analyze.js'
import { conflictFindingList } from './findings.js'
import { conflictAnnotations, conflictsMarkdown, conflictsText, isEmpty } from './render.js'
import { CONFLICTS_CODES, type ConflictPolicy, type ConflictsParts } from './section.js'
import { readMemberDeps } from './member-deps.js'

export { analyzeConflicts, type ConflictOptions } from './analyze.js'
export { CONFLICT_CODES, conflictId, conflictIds, describeConflict, isConflict } from './identity.js'
export { isCratesIo } from './findings.js'
export { readMemberDeps } from './member-deps.js'
export { EDITION_RUST } from './rust-version.js'
export type {
  ConflictPolicy,
  ConflictsConfig,
  ConflictsParts,
  ConflictsSection,
  DuplicateFinding,
  RustVersionFinding
} from './section.js'

const policyOf = (config: ConflictPolicy): ConflictPolicy => ({
  duplicateVersions: config.duplicateVersions,
  duplicateVersionsIncludeDev: config.duplicateVersionsIncludeDev,
  msrvCheck: config.msrvCheck
})

/** What each conflict does to the verdict is read from its finding, never worked out again. */
const own = (r: { findings: readonly Finding[] }) => r.findings.filter(f => f.source === 'conflicts')

export const conflicts: Capability<ConflictsParts> = {
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
        "Dependencies whose edition or rust-version the toolchain cannot build, or that a member pulls in above the member's rust-version (its own, else `[workspace.package]`'s): `deny`, `warn` or `off`."
    },
    {
      name: 'msrv-check-include-dev',
      default: 'false',
      description: "Hold a member's rust-version to what only its dev-dependencies pull in, too."
    }
  ],
  parse: p => ({
    duplicateVersions: p.oneOf('duplicate-versions', ['deny', 'warn', 'allow'] as const),
    duplicateVersionsIncludeDev: p.bool('duplicate-versions-include-dev'),
    allowDuplicates: p.names('allow-duplicates'),
    singleVersionCrates: p.names('single-version-crates'),
    msrvCheck: p.oneOf('msrv-check', ['deny', 'warn', 'off'] as const),
    msrvCheckIncludeDev: p.bool('msrv-check-include-dev')
  }),
  codes: CONFLICTS_CODES,
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
      description:
        'Dependencies the toolchain cannot build, or above the rust-version of a member that pulls them in (one per member).',
      value: r =>
        r.conflicts ? String(r.conflicts.rustVersion.length + r.conflicts.cargoRefusals.length) : null
    }
  ],
  async run(ports, config) {
    const memberDeps =
      ports.graph && config.msrvCheck !== 'off'
        ? await readMemberDeps(ports.graph, config.msrvCheckIncludeDev, {
            run: ports.run,
            cwd: ports.cwd,
            host: ports.toolchain.host,
            toolchain: config.toolchain
          })
        : null
    for (const note of memberDeps?.notes ?? []) ports.log(note)
    const conflicts = {
      ...analyzeConflicts(ports.metadata, ports.graph, {
        ...config,
        toolchain: ports.toolchain.release,
        memberDeps: memberDeps?.deps,
        cargoErrors: ports.phases.flatMap(p => p.cargoErrors)
      }),
      policy: policyOf(config)
    }
    return {
      section: { conflicts },
      findings: conflictFindingList(conflicts, config, ports.report.workspace.root)
    }
  },
  findings: (report, config) =>
    report.conflicts ? conflictFindingList(report.conflicts, config, report.workspace.root) : [],
  // Every shard analyses the same resolved graph: the first shard's section stands for all.
  merge: shards => (shards[0]?.conflicts ? { conflicts: shards[0].conflicts } : {}),
  markdown: r => (r.conflicts && !isEmpty(r.conflicts) ? conflictsMarkdown(r.conflicts, own(r)) : null),
  terminal: r => (r.conflicts && !isEmpty(r.conflicts) ? conflictsText(r.conflicts, own(r)).split('\n') : []),
  // Which versions of a duplicate count is the recorded policy's (a schema-1 report has none: no annotation).
  annotations: (r, repoRoot) =>
    r.conflicts?.policy ? conflictAnnotations(r.conflicts, repoRoot, r.conflicts.policy, own(r)) : []
}
