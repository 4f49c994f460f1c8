// The conflicts section for people: a job-summary table, terminal text, and annotations on the member
// Cargo.toml line through which each conflict arrives.
// What each conflict does to the verdict is read from its finding, never worked out again here.
import * as path from 'node:path'
import { formatChain } from '../../cargo/graph.js'
import type { ManifestRef } from '../../cargo/manifest-lines.js'
import { haveText, isCratesIo } from './findings.js'
import type { Finding } from '../../findings/finding.js'
import type { Annotation } from '../../report/annotations.js'
import type { ConflictPolicy, ConflictsSection, DuplicateFinding, RustVersionFinding } from './section.js'

type Impact = 'blocks' | 'warns' | 'allowed' | 'not counted'

export function isEmpty(section: ConflictsSection): boolean {
  return (
    section.duplicates.length +
      section.singleVersionViolations.length +
      section.staleAllowEntries.length +
      section.rustVersion.length +
      section.cargoRefusals.length ===
    0
  )
}

/** `findings`: the conflicts' findings of the report, which say what each conflict does to the verdict. */
export function conflictsMarkdown(section: ConflictsSection, findings: readonly Finding[]): string {
  const out = ['### Dependency conflicts', '']
  if (isEmpty(section))
    return [...out, 'No duplicate versions, single-version violations or Rust version conflicts.', ''].join(
      '\n'
    )
  const rows = duplicateRows(section, findings)
  if (rows.length > 0) {
    out.push('| crate | versions | chain per version | verdict impact |', '| --- | --- | --- | --- |')
    for (const r of rows)
      out.push(`| ${cells([`\`${r.name}\``, r.versions.join(', '), r.chains.join('<br>'), r.impact])} |`)
    out.push('')
  }
  if (section.rustVersion.length > 0) {
    out.push(
      '| crate | needs Rust | has | chain | verdict impact | fix |',
      '| --- | --- | --- | --- | --- | --- |'
    )
    for (const f of section.rustVersion)
      out.push(
        `| ${cells([
          `\`${f.name}\` ${f.version}`,
          `${f.requires} (${because(f)})`,
          `${f.have} (${hasWhat(f)})`,
          chainText(f),
          describe(rustImpact(f, findings)),
          f.fixes.join('; ')
        ])} |`
      )
    out.push('')
  }
  for (const r of section.cargoRefusals) out.push(`- **cargo refused:** ${r.message}`)
  for (const e of section.staleAllowEntries)
    out.push(`- \`allow-duplicates\` entry \`${e}\` matches no duplicate; remove it.`)
  return [...out, ''].join('\n')
}

export function conflictsText(section: ConflictsSection, findings: readonly Finding[]): string {
  if (isEmpty(section)) return 'Dependency conflicts: none'
  const out = ['Dependency conflicts:']
  for (const r of duplicateRows(section, findings)) {
    out.push(`  ${r.name} (${r.versions.join(', ')}) — ${r.impact}`)
    for (const c of r.chains) out.push(`    ${c}`)
  }
  for (const f of section.rustVersion) {
    out.push(
      `  ${f.name} ${f.version} needs Rust ${f.requires} (${because(f)}), ${hasWhat(f)} is ${f.have} — ${describe(rustImpact(f, findings))}`
    )
    out.push(`    ${chainText(f)}`)
    for (const fix of f.fixes) out.push(`    fix: ${fix}`)
  }
  for (const r of section.cargoRefusals) out.push(`  ${r.message}`)
  for (const e of section.staleAllowEntries)
    out.push(`  allow-duplicates entry '${e}' matches no duplicate; remove it`)
  return out.join('\n')
}

/** One annotation per conflict that affects the verdict, on the member Cargo.toml line it arrives through. */
/** `policy`: the one the findings were decided under (which versions of a duplicate count). */
export function conflictAnnotations(
  section: ConflictsSection,
  repoRoot: string,
  policy: Pick<ConflictPolicy, 'duplicateVersionsIncludeDev'>,
  findings: readonly Finding[]
): Annotation[] {
  const out: Annotation[] = []
  const single = new Set(section.singleVersionViolations.map(v => v.name))
  for (const d of section.duplicates) {
    const counted = d.versions.filter(v => policy.duplicateVersionsIncludeDev || !v.devOnly)
    const impact = single.has(d.name) ? 'blocks' : duplicateImpact(d, findings)
    if (impact !== 'blocks' && impact !== 'warns') continue
    for (const v of counted) {
      const others = counted.filter(o => o !== v).map(o => `${o.version}${sourceLabel(d, o)}`)
      out.push({
        level: impact === 'blocks' ? 'error' : 'warning',
        title: `${d.name}: ${counted.length} versions`,
        message: `${d.name} ${v.version}${sourceLabel(d, v)} arrives through ${formatChain(v.chain)}; ${d.name} also resolves to ${others.join(', ')}.`,
        ...location(manifestOf(v), repoRoot)
      })
    }
  }
  for (const f of section.rustVersion) {
    const impact = rustImpact(f, findings)
    if (impact === 'blocks' || impact === 'warns')
      out.push({
        level: impact === 'blocks' ? 'error' : 'warning',
        title: `${f.name} ${f.version} needs Rust ${f.requires}`,
        message: `${f.name} ${f.version} needs Rust ${f.requires} (${because(f)}), ${haveText(f)}: ${chainText(f)}. Fix: ${f.fixes.join('; ')}`,
        ...location(f.manifest, repoRoot)
      })
  }
  return out
}

interface Row {
  name: string
  versions: string[]
  chains: string[]
  impact: string
}

function duplicateRows(section: ConflictsSection, findings: readonly Finding[]): Row[] {
  const rows: Row[] = section.duplicates.map(d => {
    const single = section.singleVersionViolations.some(v => v.name === d.name)
    return {
      name: d.name,
      versions: d.versions.map(v => `${v.version}${sourceLabel(d, v)}`),
      chains: d.versions.map(
        v => `${v.version}${sourceLabel(d, v)}: ${formatChain(v.chain)}${v.devOnly ? ' (dev only)' : ''}`
      ),
      impact: single ? 'blocks (single-version-crates)' : describe(duplicateImpact(d, findings))
    }
  })
  for (const v of section.singleVersionViolations)
    if (!rows.some(r => r.name === v.name))
      rows.push({ name: v.name, versions: v.versions, chains: [], impact: 'blocks (single-version-crates)' })
  return rows
}

const IMPACT: Record<Finding['severity'], Impact> = {
  block: 'blocks',
  warn: 'warns',
  allowed: 'allowed',
  info: 'not counted'
}

function duplicateImpact(d: DuplicateFinding, findings: readonly Finding[]): Impact {
  const f = findings.find(x => x.code === 'duplicate-versions' && x.crate === d.name)
  return f ? IMPACT[f.severity] : 'not counted'
}

function rustImpact(r: RustVersionFinding, findings: readonly Finding[]): Impact {
  const f = findings.find(x => x.code === 'msrv' && x.crate === r.name && x.version === r.version)
  return f ? IMPACT[f.severity] : 'not counted'
}

function describe(impact: Impact): string {
  return impact === 'not counted' ? 'not counted (dev only)' : impact
}

/** `toolchain`, or whose rust-version it is measured against. */
function hasWhat(f: RustVersionFinding): string {
  if (f.against === 'toolchain') return 'toolchain'
  if (f.msrvFrom === 'member') return `${f.member}'s rust-version`
  return f.msrvFrom === 'workspace' ? '[workspace.package] rust-version' : 'MSRV'
}

function chainText(f: RustVersionFinding): string {
  return `${formatChain(f.chain)}${f.devOnly ? ' (dev only)' : ''}`
}

/** ` (path serde)` / ` (crates.io)` where one version comes from several sources; '' otherwise. */
function sourceLabel(d: DuplicateFinding, v: DuplicateFinding['versions'][number]): string {
  if (v.source === undefined || !d.versions.some(o => o !== v && o.version === v.version)) return ''
  return v.source === null
    ? ` (path ${v.dir ?? '?'})`
    : isCratesIo(v.source)
      ? ' (crates.io)'
      : ` (${v.source})`
}

function because(f: RustVersionFinding): string {
  return f.requiresBecause === 'edition' ? `edition ${f.edition}` : 'rust-version'
}

// The manifest reference travels on each duplicate version; older reports may not carry it.
function manifestOf(v: DuplicateFinding['versions'][number]): ManifestRef | null {
  return (v as { manifest?: ManifestRef | null }).manifest ?? null
}

function location(
  ref: ManifestRef | null,
  repoRoot: string
): Pick<Annotation, 'file' | 'startLine' | 'endLine'> {
  if (!ref) return {}
  const file = path.relative(repoRoot, path.resolve(repoRoot, ref.file)).split(path.sep).join('/')
  return ref.line === null ? { file } : { file, startLine: ref.line, endLine: ref.line }
}

function cells(values: string[]): string {
  return values.map(v => v.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')
}
