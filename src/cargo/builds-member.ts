// Which members a cargo command builds anything for, from cargo's target selection. By default
// `cargo check` builds libs and bins (a member of integration tests only gets nothing), and `cargo test`
// the targets that are tested (test = true), doc-tested (a lib with doctest = true) or examples (built
// to check they compile): a member whose targets all opt out is left alone, and rightly so. With
// explicit target flags, the members with a target of a selected kind. Either way only targets whose
// required-features the command enables count: cargo skips the others without a word.
import { cargoOwnArgs } from './commands.js'
import {
  isLibTarget,
  workspaceMembers,
  type CargoMetadata,
  type MetadataPackage,
  type MetadataTarget
} from './metadata.js'

type Selects = (t: MetadataTarget) => boolean

const SELECTORS: Record<string, Selects> = {
  '--lib': isLibTarget,
  '--bins': t => t.kind.includes('bin'),
  '--bin': t => t.kind.includes('bin'),
  '--tests': t => t.test !== false || t.kind.includes('test'),
  '--test': t => t.kind.includes('test'),
  '--examples': t => t.kind.includes('example'),
  '--example': t => t.kind.includes('example'),
  '--benches': t => t.kind.includes('bench'),
  '--bench': t => t.kind.includes('bench'),
  '--all-targets': () => true
}

const DEFAULTS: Record<'check' | 'test', Selects> = {
  check: t => isLibTarget(t) || t.kind.includes('bin'),
  // Metadata from a cargo without the test flag says nothing: expect the member to be built.
  test: t => t.test !== false || t.doctest === true || t.kind.includes('example')
}

export function buildsMember(
  pkg: MetadataPackage,
  args: readonly string[],
  command: 'check' | 'test'
): boolean {
  const own = cargoOwnArgs(args)
  const on = enabledFeatures(pkg, own)
  const targets = pkg.targets.filter(
    t => on === 'all' || (t['required-features'] ?? []).every(f => on.has(f))
  )
  const flags = Object.keys(SELECTORS).filter(f => own.some(a => a === f || a.startsWith(`${f}=`)))
  if (flags.length === 0) return targets.some(DEFAULTS[command])
  return targets.some(t => flags.some(f => SELECTORS[f](t)))
}

/** The package's features the args turn on, with what `default` and each of them enable in turn. */
function enabledFeatures(pkg: MetadataPackage, own: readonly string[]): Set<string> | 'all' {
  if (own.includes('--all-features')) return 'all'
  const listed = featureArgs(own)
    .flatMap(v => v.split(/[\s,]+/))
    .filter(Boolean)
    // `member/feature` names one member's feature; a plain name, every selected member's.
    .flatMap(f =>
      !f.includes('/') ? [f] : f.startsWith(`${pkg.name}/`) ? [f.slice(pkg.name.length + 1)] : []
    )
  const queue = [...(own.includes('--no-default-features') ? [] : ['default']), ...listed]
  const on = new Set<string>()
  for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
    if (on.has(f)) continue
    on.add(f)
    // `dep:x` and `x/feature` are about dependencies; a plain name is another feature of the package.
    for (const e of pkg.features[f] ?? []) if (!e.includes('/') && !e.startsWith('dep:')) queue.push(e)
  }
  return on
}

function featureArgs(own: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < own.length; i++) {
    const a = own[i]
    if ((a === '--features' || a === '-F') && i + 1 < own.length) out.push(own[++i])
    else if (a.startsWith('--features=')) out.push(a.slice('--features='.length))
    else if (a.startsWith('-F') && a.length > 2) out.push(a.slice(a[2] === '=' ? 3 : 2))
  }
  return out
}

/** The selected members the command has something to build for. */
export function expectedBuilt(
  meta: CargoMetadata,
  selected: readonly string[],
  args: readonly string[],
  command: 'check' | 'test'
): string[] {
  return workspaceMembers(meta)
    .filter(p => selected.includes(p.name) && buildsMember(p, args, command))
    .map(p => p.name)
}
