// Dependency conflicts as findings, severity decided once from the policy inputs: duplicate versions
// (duplicate-versions, allow-duplicates), single-version crates, Rust versions (msrv-check), cargo's
// refusals and stale allow-duplicates entries.
import * as path from 'node:path'
import { formatChain } from '../../cargo/graph.js'
import type { Finding, FindingLocation, FindingSeverity } from '../../findings/finding.js'
import type { ConflictPolicy, ConflictsSection, DuplicateFinding, RustVersionFinding } from './section.js'

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
      message: duplicateMessage(d.name, counted),
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
      const via =
        f.chain.length > 1 ? `, pulled in by ${formatChain(f.chain)}${f.devOnly ? ' (dev only)' : ''}` : ''
      out.push({
        code: 'msrv',
        severity: policy.msrvCheck === 'deny' ? 'block' : 'warn',
        message: `${f.name} ${f.version} needs Rust ${f.requires} (${why}) but ${haveText(f)}${via}. Fix: ${f.fixes.join('; ')}`,
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

/** What the package is measured against, in words: the toolchain, or the rust-version of the member that pulls it in. */
export function haveText(f: RustVersionFinding): string {
  if (f.against === 'toolchain') return `the toolchain is ${f.have}`
  if (f.msrvFrom === 'member') return `${f.member}'s rust-version is ${f.have}`
  if (f.msrvFrom === 'workspace')
    return `${f.member} is held to [workspace.package] rust-version ${f.have} (it declares none)`
  return `the workspace MSRV is ${f.have}` // a report written before rust-version was judged per member
}

type Version = DuplicateFinding['versions'][number]

/**
 * One crate at several versions; or one version from several sources (a workspace's path crate and its
 * registry copy), which cargo builds as two crates that no requirement can merge: `[patch]` does.
 */
function duplicateMessage(name: string, counted: Version[]): string {
  // Reports written before sources were recorded say nothing about them.
  const twice = counted.filter(
    v => v.source !== undefined && counted.some(o => o !== v && o.version === v.version)
  )
  const label = (v: Version) =>
    twice.includes(v) ? ` from ${v.source === null ? `the path ${v.dir ?? '?'}` : sourceName(v.source)}` : ''
  const list = counted
    .map(v => `${v.version}${label(v)} ${via(v)}${v.devOnly ? ' (dev only)' : ''}`)
    .join('; ')
  const allow = `list ${name} in allow-duplicates`
  if (twice.length === 0)
    return `${name} resolves to ${counted.length} versions: ${list}. Align the requirements on one version, or ${allow}`
  const local = twice.find(v => v.source === null)
  const patch = local && twice.find(v => typeof v.source === 'string' && isCratesIo(v.source))
  const fix = patch
    ? `add \`${name} = { path = "${local.dir}" }\` under [patch.crates-io] in the root Cargo.toml, so that every dependent takes the workspace's ${name}`
    : `take ${name} from one source everywhere (a [patch] section in the root Cargo.toml replaces a source's copy)`
  return `${name} ${twice[0].version} comes from ${new Set(twice.map(v => v.source)).size} sources, which cargo builds as separate crates: ${list}. Aligning requirements cannot merge them: ${fix}, or ${allow}`
}

const via = (v: Version): string =>
  v.chain.length === 1 ? '(a workspace member)' : `via ${formatChain(v.chain)}`

const CRATES_IO = ['registry+https://github.com/rust-lang/crates.io-index', 'sparse+https://index.crates.io/']

export const isCratesIo = (source: string): boolean => CRATES_IO.includes(source)

function sourceName(source: string | undefined): string {
  if (source === undefined) return 'another source'
  if (isCratesIo(source)) return 'crates.io'
  return source.replace(/^(registry|sparse|git)\+/, '').replace(/[?#].*$/, '')
}
