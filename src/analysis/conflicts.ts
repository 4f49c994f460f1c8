// Dependency conflicts from the resolved graph: duplicate versions, single-version crates, and what Rust
// each package needs; plus what cargo itself refused. Data in, section out; the verdict reads findings.
import type { CargoMetadata } from '../cargo/metadata.js'
import { parseCargoRefusals } from '../cargo/refusals.js'
import type { ConflictsSection, Reason } from '../report/schema.js'
import { findDuplicates } from './duplicates.js'
import { buildGraph, formatChain, type DependencyGraph } from './graph.js'
import { findRustVersionFindings } from './rust-version.js'
import { findSingleVersionViolations } from './single-version.js'

export interface ConflictOptions {
  /** `release` from `rustc -vV` of the toolchain the build runs with; null when unknown. */
  toolchain: string | null
  /** The workspace MSRV (WorkspaceInfo.msrv); null skips that comparison. */
  msrv: string | null
  duplicateVersions: 'deny' | 'warn' | 'allow'
  duplicateVersionsIncludeDev: boolean
  allowDuplicates: string[]
  singleVersionCrates: string[]
  msrvCheck: 'deny' | 'warn' | 'off'
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
  const { duplicates, staleAllowEntries } = findDuplicates(g, { includeDev, allow: options.allowDuplicates })
  return {
    duplicates,
    singleVersionViolations: findSingleVersionViolations(g, options.singleVersionCrates, includeDev),
    staleAllowEntries,
    rustVersion:
      options.msrvCheck === 'off'
        ? []
        : findRustVersionFindings(g, { toolchain: options.toolchain, msrv: options.msrv }),
    cargoRefusals
  }
}

export function conflictFindings(
  section: ConflictsSection,
  options: Pick<ConflictOptions, 'duplicateVersions' | 'duplicateVersionsIncludeDev' | 'msrvCheck'>
): { blocking: Reason[]; warnings: Reason[] } {
  const blocking: Reason[] = []
  const warnings: Reason[] = []
  for (const d of section.duplicates) {
    if (d.allowed || options.duplicateVersions === 'allow') continue
    const counted = d.versions.filter(v => options.duplicateVersionsIncludeDev || !v.devOnly)
    const message = `${d.name} resolves to ${counted.length} versions: ${counted
      .map(v => `${v.version} via ${formatChain(v.chain)}${v.devOnly ? ' (dev only)' : ''}`)
      .join('; ')}. Align the requirements on one version, or list ${d.name} in allow-duplicates`
    ;(options.duplicateVersions === 'deny' ? blocking : warnings).push({
      code: 'duplicate-versions',
      message
    })
  }
  for (const v of section.singleVersionViolations)
    blocking.push({
      code: 'single-version',
      message: `${v.name} must resolve to one version (single-version-crates) but resolves to ${v.versions.join(' and ')}`
    })
  for (const entry of section.staleAllowEntries)
    warnings.push({
      code: 'stale-allow',
      message: `allow-duplicates lists ${entry}, which is not resolved at several versions; remove the entry`
    })
  if (options.msrvCheck !== 'off')
    for (const f of section.rustVersion) {
      const why = f.requiresBecause === 'edition' ? `edition ${f.edition}` : 'its rust-version'
      const have =
        f.against === 'toolchain' ? `the toolchain is ${f.have}` : `the workspace MSRV is ${f.have}`
      const via = f.chain.length > 1 ? `, pulled in by ${formatChain(f.chain)}` : ''
      const message = `${f.name} ${f.version} needs Rust ${f.requires} (${why}) but ${have}${via}. Fix: ${f.fixes.join('; ')}`
      ;(options.msrvCheck === 'deny' ? blocking : warnings).push({ code: 'msrv', message })
    }
  // A refusal of a crate the analysis already explained (same crate and version) says nothing new.
  const explained = new Set(section.rustVersion.map(f => `${f.name}@${f.version}`))
  for (const r of section.cargoRefusals)
    if (!r.crate || !explained.has(`${r.crate}@${r.version}`) || options.msrvCheck !== 'deny')
      blocking.push({ code: 'cargo-refused', message: r.message })
  return { blocking, warnings }
}
