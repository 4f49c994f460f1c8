// What Rust each resolved package needs (its rust-version, or at least what its edition needs) against
// what the build has: the active toolchain builds everything; each member's rust-version is a promise
// about what that member pulls in, and about nothing another member pulls in.
import * as semver from 'semver'
import { parse } from 'smol-toml'
import { normalizeRustVersion, type MetadataPackage } from '../../cargo/metadata.js'
import type { RustVersionFinding } from './section.js'
import {
  chainTo,
  memberReach,
  reachablePackages,
  type DependencyGraph,
  type Reach
} from '../../cargo/graph.js'
import { dependencyRef, packageKeyRef } from '../../cargo/manifest-lines.js'

/** The first release that accepts each edition. */
export const EDITION_RUST: Record<string, string> = {
  '2015': '1.0',
  '2018': '1.31',
  '2021': '1.56',
  '2024': '1.85'
}

/** What each member pulls in, by member id; a member missing here is read from the resolved graph. */
export type MemberDeps = ReadonlyMap<string, ReadonlyMap<string, Reach>>

export interface RustVersionOptions {
  /** `release` from `rustc -vV`, e.g. `1.95.0` or `1.96.0-nightly`. */
  toolchain: string | null
  /** Judge a member's rust-version on what only its dev-dependencies pull in, too. */
  includeDev: boolean
  /** What each member builds by itself (cargo tree); the resolved graph stands in for a member not here. */
  memberDeps?: MemberDeps
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

/** The rust-version a member is held to: its own, else `[workspace.package]`'s; null: none. */
export function memberMsrv(
  graph: DependencyGraph,
  pkg: MetadataPackage
): { have: string; from: 'member' | 'workspace' } | null {
  if (normalizeRustVersion(pkg.rust_version)) return { have: pkg.rust_version!, from: 'member' }
  const ws = graph.workspaceRustVersion
  return ws && normalizeRustVersion(ws) ? { have: ws, from: 'workspace' } : null
}

export function findRustVersionFindings(
  graph: DependencyGraph,
  options: RustVersionOptions
): RustVersionFinding[] {
  return [...toolchainFindings(graph, options), ...msrvFindings(graph, options)]
}

/** Members whose rust-version the resolved graph says is broken: only these need cargo tree's closer look. */
export function msrvSuspects(
  graph: DependencyGraph,
  options: Pick<RustVersionOptions, 'includeDev'>
): string[] {
  // A member's own edition needs no closer look: only what it pulls in does.
  return graph.members.filter(id =>
    memberFindings(graph, id, options, memberReach(graph, id)).some(f => f.chain.length > 1)
  )
}

function toolchainFindings(graph: DependencyGraph, options: RustVersionOptions): RustVersionFinding[] {
  const have = options.toolchain
  if (!have || !normalizeRustVersion(have)) return []
  const out: RustVersionFinding[] = []
  for (const pkg of reachablePackages(graph)) {
    const need = requirementOf(pkg)
    const reached = chainTo(graph, pkg.id)
    if (!need || !reached || !exceeds(need, have)) continue
    const member = graph.members.includes(pkg.id)
    out.push({
      ...base(graph, pkg, need, reached.chain),
      against: 'toolchain',
      have,
      member: reached.chain[0].name,
      fixes: member
        ? [`build with Rust ${need.requires} or newer (the toolchain input or rust-toolchain.toml)`]
        : [
            `build with Rust ${need.requires} or newer (the toolchain input or rust-toolchain.toml)`,
            `or ${pin(pkg, have)}`
          ]
    })
  }
  return out
}

function msrvFindings(graph: DependencyGraph, options: RustVersionOptions): RustVersionFinding[] {
  return graph.members.flatMap(id =>
    memberFindings(graph, id, options, options.memberDeps?.get(id) ?? memberReach(graph, id))
  )
}

function memberFindings(
  graph: DependencyGraph,
  id: string,
  options: Pick<RustVersionOptions, 'includeDev'>,
  reach: ReadonlyMap<string, Reach>
): RustVersionFinding[] {
  const member = graph.packages.get(id)!
  const msrv = memberMsrv(graph, member)
  if (!msrv) return []
  const out: RustVersionFinding[] = []
  // A member's own rust-version below its edition is cargo's to refuse; one held to the workspace's
  // is checked on its edition.
  if (msrv.from === 'workspace') {
    const own = requirementOf({ edition: member.edition, rust_version: null })
    if (own && exceeds(own, msrv.have))
      out.push({
        ...base(graph, member, own, [{ name: member.name, version: member.version, kind: 'normal' }]),
        against: 'msrv',
        have: msrv.have,
        msrvFrom: msrv.from,
        member: member.name,
        fixes: [
          `raise rust-version of ${member.name} to ${own.requires}`,
          `or use an edition that Rust ${msrv.have} supports in ${member.name}`
        ]
      })
  }
  const ids = [...reach.keys()].filter(d => d !== id).map(d => graph.packages.get(d))
  for (const pkg of ids.filter((p): p is MetadataPackage => !!p)) {
    const { chain, devOnly } = reach.get(pkg.id)!
    const need = requirementOf(pkg)
    if (!need || (devOnly && !options.includeDev) || !exceeds(need, msrv.have)) continue
    const where =
      msrv.from === 'member' && !inheritsRustVersion(graph, member)
        ? `${member.name}'s Cargo.toml`
        : '[workspace.package]'
    const raise = `raise rust-version to ${need.requires} in ${where}`
    out.push({
      ...base(graph, pkg, need, chain),
      against: 'msrv',
      have: msrv.have,
      msrvFrom: msrv.from,
      member: member.name,
      devOnly,
      // Another member is not moved by a lock change: its own promise is what differs.
      fixes: graph.members.includes(pkg.id)
        ? [raise, `or make ${pkg.name} build with Rust ${msrv.have} and lower its rust-version`]
        : [pin(pkg, msrv.have), `or ${raise}`]
    })
  }
  return out
}

function base(
  graph: DependencyGraph,
  pkg: MetadataPackage,
  need: Requirement,
  chain: RustVersionFinding['chain']
): Pick<
  RustVersionFinding,
  'name' | 'version' | 'requires' | 'requiresBecause' | 'edition' | 'chain' | 'manifest'
> {
  return {
    name: pkg.name,
    version: pkg.version,
    requires: need.requires,
    requiresBecause: need.because,
    edition: pkg.edition,
    chain,
    manifest: manifestFor(graph, pkg, chain, need)
  }
}

/** `rust-version.workspace = true`: the member's rust-version is `[workspace.package]`'s. */
function inheritsRustVersion(graph: DependencyGraph, member: MetadataPackage): boolean {
  try {
    const doc = parse(graph.manifests.get(member.manifest_path) ?? '') as {
      package?: { 'rust-version'?: unknown }
    }
    const v = doc.package?.['rust-version']
    return typeof v === 'object' && v !== null && (v as { workspace?: unknown }).workspace === true
  } catch {
    return false
  }
}

const pin = (pkg: MetadataPackage, have: string): string =>
  `pin ${pkg.name} to a version that supports Rust ${have}: \`cargo update -p ${pkg.name}@${pkg.version} --precise <older version>\``

const exceeds = (need: Requirement, have: string): boolean =>
  !!normalizeRustVersion(have) && semver.gt(norm(need.requires), norm(have))

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
