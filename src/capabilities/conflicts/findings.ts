// Dependency conflicts as findings, severity decided once from the policy inputs: duplicate versions
// (duplicate-versions, allow-duplicates), single-version crates, Rust versions (msrv-check), cargo's
// refusals and stale allow-duplicates entries.
import * as path from 'node:path'
import { formatChain } from '../../cargo/graph.js'
import type { Finding, FindingLocation, FindingSeverity } from '../../findings/finding.js'
import type { ConflictPolicy, ConflictsSection } from './section.js'

const SOURCE = 'conflicts'

/** `root` makes manifest locations relative (the workspace root); '' keeps them as recorded. */
export function conflictFindingList(section: ConflictsSection, policy: ConflictPolicy, root = ''): Finding[] {
  const out: Finding[] = []
  const at = (ref: { file: string; line: number | null } | null | undefined): FindingLocation | null =>
    ref ? { file: root ? path.relative(root, path.resolve(root, ref.file)) : ref.file, line: ref.line } : null
  for (const d of section.duplicates) {
    const counted = d.versions.filter(v => policy.duplicateVersionsIncludeDev || !v.devOnly)
    if (counted.length < 2) continue
    const severity: FindingSeverity =
      d.allowed || policy.duplicateVersions === 'allow'
        ? 'allowed'
        : policy.duplicateVersions === 'deny'
          ? 'block'
          : 'warn'
    out.push({
      code: 'duplicate-versions',
      severity,
      message: `${d.name} resolves to ${counted.length} versions: ${counted
        .map(v => `${v.version} via ${formatChain(v.chain)}${v.devOnly ? ' (dev only)' : ''}`)
        .join('; ')}. Align the requirements on one version, or list ${d.name} in allow-duplicates`,
      source: SOURCE,
      crate: d.name,
      location: at(counted.find(v => v.manifest)?.manifest)
    })
  }
  for (const v of section.singleVersionViolations)
    out.push({
      code: 'single-version',
      severity: 'block',
      message: `${v.name} must resolve to one version (single-version-crates) but resolves to ${v.versions.join(' and ')}`,
      source: SOURCE,
      crate: v.name
    })
  for (const entry of section.staleAllowEntries)
    out.push({
      code: 'stale-allow',
      severity: 'warn',
      message: `allow-duplicates lists ${entry}, which is not resolved at several versions; remove the entry`,
      source: SOURCE,
      crate: entry
    })
  if (policy.msrvCheck !== 'off')
    for (const f of section.rustVersion) {
      const why = f.requiresBecause === 'edition' ? `edition ${f.edition}` : 'its rust-version'
      const have =
        f.against === 'toolchain' ? `the toolchain is ${f.have}` : `the workspace MSRV is ${f.have}`
      const via = f.chain.length > 1 ? `, pulled in by ${formatChain(f.chain)}` : ''
      out.push({
        code: 'msrv',
        severity: policy.msrvCheck === 'deny' ? 'block' : 'warn',
        message: `${f.name} ${f.version} needs Rust ${f.requires} (${why}) but ${have}${via}. Fix: ${f.fixes.join('; ')}`,
        source: SOURCE,
        crate: f.name,
        version: f.version,
        location: at(f.manifest)
      })
    }
  // A refusal of a crate the analysis already explained (same crate and version) says nothing new.
  const explained = new Set(section.rustVersion.map(f => `${f.name}@${f.version}`))
  for (const r of section.cargoRefusals)
    if (!r.crate || !explained.has(`${r.crate}@${r.version}`) || policy.msrvCheck !== 'deny')
      out.push({
        code: 'cargo-refused',
        severity: 'block',
        message: r.message,
        source: SOURCE,
        crate: r.crate,
        version: r.version
      })
  return out
}
