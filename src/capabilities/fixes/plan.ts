// Which fix to try for each conflict, from the conflicts section alone (pure). What cargo then
// resolves decides whether the candidate becomes a fix, a blocker, or nothing.
import { compareLoose, type DependencyChainLink } from '../../cargo/graph.js'
import type { Finding } from '../../findings/finding.js'
import type { ConflictOptions, ConflictsSection } from '../conflicts/index.js'
import type { FixTarget } from './section.js'

export type Candidate =
  /** Let cargo's MSRV-aware resolver pick the newest version the MSRV (or toolchain) can build. */
  | { kind: 'lock'; target: FixTarget; chain: DependencyChainLink[]; needs: string }
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

export function planCandidates(
  conflicts: ConflictsSection,
  options: Pick<ConflictOptions, 'duplicateVersions' | 'duplicateVersionsIncludeDev' | 'msrvCheck'>
): Candidate[] {
  const out: Candidate[] = []
  const seen = new Set<string>()
  if (options.msrvCheck !== 'off')
    // msrv before toolchain: a version the MSRV can build, the (newer) toolchain can build too.
    for (const f of [...conflicts.rustVersion].sort((a, b) =>
      a.against === b.against ? 0 : a.against === 'msrv' ? -1 : 1
    )) {
      if (f.chain.length < 2) continue // a member's own edition or rust-version: no dependency to move
      const key = `${f.name}@${f.version}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({
        kind: 'lock',
        target: { code: 'msrv', crate: f.name, version: f.version },
        chain: f.chain,
        needs: f.requires
      })
    }
  const single = new Set(conflicts.singleVersionViolations.map(v => v.name))
  for (const d of conflicts.duplicates) {
    const isSingle = single.has(d.name)
    if (!isSingle && (d.allowed || options.duplicateVersions === 'allow')) continue
    const counted = d.versions.filter(v => isSingle || options.duplicateVersionsIncludeDev || !v.devOnly)
    if (counted.length < 2) continue
    const newest = [...counted].sort((a, b) => compareLoose(a.version, b.version)).at(-1)!.version
    for (const v of counted) {
      if (v.version === newest) continue
      const target: FixTarget = {
        code: isSingle ? 'single-version' : 'duplicate-versions',
        crate: d.name,
        version: v.version
      }
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
