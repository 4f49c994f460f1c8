// Dependency conflicts from the resolved graph: duplicate versions, single-version crates, and what Rust
// each package needs; plus what cargo itself refused. Data in, section out; the findings are decided in
// findings.ts.
import { buildGraph, type DependencyGraph } from '../../cargo/graph.js'
import type { CargoMetadata } from '../../cargo/metadata.js'
import { parseCargoRefusals } from '../../cargo/refusals.js'
import { findDuplicates } from './duplicates.js'
import { findRustVersionFindings, type MemberDeps } from './rust-version.js'
import type { ConflictsConfig, ConflictsSection } from './section.js'
import { findSingleVersionViolations } from './single-version.js'

export interface ConflictOptions extends ConflictsConfig {
  /** `release` from `rustc -vV` of the toolchain the build runs with; null when unknown. */
  toolchain: string | null
  /** What each member builds by itself (readMemberDeps); without it, the resolved graph stands in. */
  memberDeps?: MemberDeps
  /** cargo's plain-text errors of every phase run so far (PhaseResult.cargoErrors), read for refusals. */
  cargoErrors?: string[]
}

/**
 * `meta` null means `cargo metadata` itself failed (e.g. an old cargo that cannot read an edition-2024
 * manifest): only cargo's refusals can be reported then.
 */
export function analyzeConflicts(
  meta: CargoMetadata | null,
  graph: DependencyGraph | null | undefined,
  options: ConflictOptions
): ConflictsSection {
  const cargoRefusals = parseCargoRefusals((options.cargoErrors ?? []).join('\n'))
  if (!meta)
    return {
      duplicates: [],
      singleVersionViolations: [],
      staleAllowEntries: [],
      rustVersion: [],
      cargoRefusals
    }
  const g = graph ?? buildGraph(meta)
  const includeDev = options.duplicateVersionsIncludeDev
  const { duplicates, staleAllowEntries } = findDuplicates(g, {
    includeDev,
    allow: options.allowDuplicates,
    root: meta.workspace_root
  })
  return {
    duplicates,
    singleVersionViolations: findSingleVersionViolations(g, options.singleVersionCrates, includeDev),
    staleAllowEntries,
    rustVersion:
      options.msrvCheck === 'off'
        ? []
        : findRustVersionFindings(g, {
            toolchain: options.toolchain,
            includeDev: options.msrvCheckIncludeDev,
            memberDeps: options.memberDeps
          }),
    cargoRefusals
  }
}
