// Which fix to try for each conflict, from the conflicts section and its findings (pure). What cargo then
// resolves decides whether the candidate becomes a fix, a blocker, or nothing.
import { compareLoose, type DependencyChainLink } from '../../cargo/graph.js'
import type { Finding } from '../../findings/finding.js'
import { normalizeRustVersion } from '../../cargo/metadata.js'
import { isCratesIo, type ConflictOptions, type ConflictsSection } from '../conflicts/index.js'
import type { FixTarget } from './section.js'

export type Candidate =
  /** Let cargo's MSRV-aware resolver pick the newest version that Rust `have` can build. */
  | {
      kind: 'lock'
      target: FixTarget
      chain: DependencyChainLink[]
      needs: string
      /** The Rust it must build with: the toolchain, or the strictest rust-version of the members that pull it in. */
      have: string
      /** Whose rust-version `have` is; null for the toolchain. */
      member: string | null
    }
  /** A member asks for the older version itself: raise its requirement to the newest one. */
  | {
      kind: 'manifest'
      target: FixTarget
      to: string
      member: string
      /** Absolute path of the member's Cargo.toml. */
      manifest: string
      edge: DependencyChainLink['kind']
    }
  /** A third-party crate holds the older version: update it within its requirement. */
  | {
      kind: 'holder'
      target: FixTarget
      to: string
      holder: DependencyChainLink
      chain: DependencyChainLink[]
    }
  /** The registry's copy of a workspace path crate, same version: `[patch.crates-io]` makes it the path crate. */
  | { kind: 'patch'; target: FixTarget; dir: string }

/**
 * The conflicts whose finding weighs as much as `weights` says (`fix-search: auto`: those that block,
 * since each fix costs a build of the scratch copy and most workspaces carry duplicates that only
 * warn). Read from the conflicts' findings, never worked out again from the policy.
 */
export function conflictsWeighing(
  conflicts: ConflictsSection,
  findings: readonly Finding[],
  weights: readonly Finding['severity'][]
): ConflictsSection {
  const weighs = (code: string, crate: string, version?: string) =>
    findings.some(
      f =>
        f.source === 'conflicts' &&
        f.code === code &&
        f.crate === crate &&
        (version === undefined || f.version === version) &&
        weights.includes(f.severity)
    )
  return {
    ...conflicts,
    rustVersion: conflicts.rustVersion.filter(f => weighs('msrv', f.name, f.version)),
    duplicates: conflicts.duplicates.filter(
      d => weighs('duplicate-versions', d.name) || weighs('single-version', d.name)
    ),
    singleVersionViolations: conflicts.singleVersionViolations.filter(v => weighs('single-version', v.name))
  }
}

/**
 * `conflicts`: those to answer (conflictsWeighing). `members`: names of the workspace members, which no
 * lock change can move.
 */
export function planCandidates(
  conflicts: ConflictsSection,
  options: Pick<ConflictOptions, 'duplicateVersions' | 'duplicateVersionsIncludeDev' | 'msrvCheck'>,
  members: ReadonlySet<string> = new Set()
): Candidate[] {
  const out: Candidate[] = []
  const seen = new Set<string>()
  if (options.msrvCheck !== 'off')
    // msrv before toolchain, the strictest rust-version first: what it can build, the others can too.
    for (const f of [...conflicts.rustVersion].sort(
      (a, b) =>
        (a.against === b.against ? 0 : a.against === 'msrv' ? -1 : 1) ||
        compareLoose(normalizeRustVersion(a.have) ?? a.have, normalizeRustVersion(b.have) ?? b.have)
    )) {
      // A member's own edition or rust-version, or a member another pulls in: no lock change moves it.
      if (f.chain.length < 2 || members.has(f.name)) continue
      const target: FixTarget = { code: 'msrv', crate: f.name, version: f.version }
      const key = `${f.name}@${f.version}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({
        kind: 'lock',
        target,
        chain: f.chain,
        needs: f.requires,
        have: f.have,
        member: f.against === 'msrv' ? f.member : null
      })
    }
  const single = new Set(conflicts.singleVersionViolations.map(v => v.name))
  for (const d of conflicts.duplicates) {
    const isSingle = single.has(d.name)
    if (!isSingle && (d.allowed || options.duplicateVersions === 'allow')) continue
    const counted = d.versions.filter(v => isSingle || options.duplicateVersionsIncludeDev || !v.devOnly)
    if (counted.length < 2) continue
    const code = isSingle ? 'single-version' : 'duplicate-versions'
    const newest = [...counted].sort((a, b) => compareLoose(a.version, b.version)).at(-1)!.version
    for (const v of counted) {
      const target: FixTarget = { code, crate: d.name, version: v.version }
      const local = counted.find(o => o.version === v.version && o.source === null && o.dir)
      if (local && typeof v.source === 'string' && isCratesIo(v.source)) {
        out.push({ kind: 'patch', target, dir: local.dir! })
        continue
      }
      if (v.version === newest) continue
      if (v.chain.length === 2 && v.manifest?.file)
        out.push({
          kind: 'manifest',
          target,
          to: newest,
          member: v.chain[0].name,
          manifest: v.manifest.file,
          edge: v.chain[0].kind
        })
      else if (v.chain.length > 2)
        out.push({ kind: 'holder', target, to: newest, holder: v.chain[v.chain.length - 2], chain: v.chain })
    }
  }
  return out
}
