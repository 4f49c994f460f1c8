// What Rust each resolved package needs (its rust-version, or at least what its edition needs) against
// what the build has: the active toolchain, and the workspace MSRV the team promises.
import * as semver from 'semver'
import { normalizeRustVersion, type MetadataPackage } from '../../cargo/metadata.js'
import type { RustVersionFinding } from './section.js'
import { chainTo, isMember, reachablePackages, type DependencyGraph } from '../../cargo/graph.js'
import { dependencyRef, packageKeyRef } from '../../cargo/manifest-lines.js'

/** The first release that accepts each edition. */
export const EDITION_RUST: Record<string, string> = {
  '2015': '1.0',
  '2018': '1.31',
  '2021': '1.56',
  '2024': '1.85'
}

export interface RustVersionOptions {
  /** `release` from `rustc -vV`, e.g. `1.95.0` or `1.96.0-nightly`. */
  toolchain: string | null
  /** The workspace MSRV (`1.80`), or null to skip that comparison. */
  msrv: string | null
}

export interface Requirement {
  requires: string
  because: RustVersionFinding['requiresBecause']
}

/** The higher of the package's rust-version and its edition's first release; null when it states neither. */
export function requirementOf(pkg: Pick<MetadataPackage, 'rust_version' | 'edition'>): Requirement | null {
  const declared = normalizeRustVersion(pkg.rust_version) ? pkg.rust_version! : null
  const edition = EDITION_RUST[pkg.edition] ?? null
  if (!declared) return edition ? { requires: edition, because: 'edition' } : null
  if (edition && semver.gt(norm(edition), norm(declared))) return { requires: edition, because: 'edition' }
  return { requires: declared, because: 'rust-version' }
}

export function findRustVersionFindings(
  graph: DependencyGraph,
  options: RustVersionOptions
): RustVersionFinding[] {
  const findings: RustVersionFinding[] = []
  for (const pkg of reachablePackages(graph)) {
    const need = requirementOf(pkg)
    const reached = chainTo(graph, pkg.id)
    if (!need || !reached) continue
    const member = isMember(graph, pkg.id)
    const against: {
      against: RustVersionFinding['against']
      have: string | null
      need: Requirement | null
    }[] = [
      { against: 'toolchain', have: options.toolchain, need },
      { against: 'msrv', have: options.msrv, need: member ? memberMsrvNeed(pkg) : need }
    ]
    for (const check of against) {
      if (!check.need || !check.have || !normalizeRustVersion(check.have)) continue
      if (!semver.gt(norm(check.need.requires), norm(check.have))) continue
      findings.push({
        name: pkg.name,
        version: pkg.version,
        requires: check.need.requires,
        requiresBecause: check.need.because,
        edition: pkg.edition,
        against: check.against,
        have: check.have,
        member: reached.chain[0].name,
        chain: reached.chain,
        fixes: fixesFor(pkg, check.need, check.against, check.have, member),
        manifest: manifestFor(graph, pkg, reached.chain, check.need)
      })
    }
  }
  return findings
}

/**
 * cargo itself rejects a manifest whose rust-version is below its edition, and a member's own
 * rust-version is its own promise: only a member that inherits the workspace MSRV is checked, on its edition.
 */
function memberMsrvNeed(pkg: MetadataPackage): Requirement | null {
  return pkg.rust_version ? null : requirementOf({ edition: pkg.edition, rust_version: null })
}

function fixesFor(
  pkg: MetadataPackage,
  need: Requirement,
  against: RustVersionFinding['against'],
  have: string,
  member: boolean
): string[] {
  const pin = `pin ${pkg.name} to a version that supports Rust ${have}: \`cargo update -p ${pkg.name}@${pkg.version} --precise <older version>\``
  if (member && against === 'msrv')
    return [
      `raise rust-version of ${pkg.name} to ${need.requires}`,
      `or use an edition that Rust ${have} supports in ${pkg.name}`
    ]
  if (member)
    return [`build with Rust ${need.requires} or newer (the toolchain input or rust-toolchain.toml)`]
  if (against === 'toolchain')
    return [
      `build with Rust ${need.requires} or newer (the toolchain input or rust-toolchain.toml)`,
      `or ${pin}`
    ]
  return [
    pin,
    `or raise rust-version to ${need.requires} in [workspace.package] (or the member's Cargo.toml)`
  ]
}

function manifestFor(
  graph: DependencyGraph,
  pkg: MetadataPackage,
  chain: RustVersionFinding['chain'],
  need: Requirement
): RustVersionFinding['manifest'] {
  if (chain.length === 1)
    return packageKeyRef(
      pkg.manifest_path,
      graph.manifests.get(pkg.manifest_path),
      need.because === 'edition' ? 'edition' : 'rust-version'
    )
  const member = graph.members.map(id => graph.packages.get(id)!).find(p => p.name === chain[0].name)
  return member
    ? dependencyRef(
        member.manifest_path,
        graph.manifests.get(member.manifest_path),
        chain[1].name,
        chain[0].kind
      )
    : null
}

function norm(v: string): string {
  return normalizeRustVersion(v) ?? '0.0.0'
}
