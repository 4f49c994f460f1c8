// Which members a cargo command builds anything for, from cargo's target selection. By default
// `cargo check` builds libs and bins (a member of integration tests only gets nothing), and `cargo test`
// the targets that are tested (test = true), doc-tested (a lib with doctest = true) or examples (built
// to check they compile): a member whose targets all opt out is left alone, and rightly so. With
// explicit target flags, the members with a target of a selected kind.
import { isLibTarget, type MetadataPackage, type MetadataTarget } from './metadata.js'

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
  const sep = args.indexOf('--')
  const own = sep === -1 ? args : args.slice(0, sep)
  const flags = Object.keys(SELECTORS).filter(f => own.some(a => a === f || a.startsWith(`${f}=`)))
  if (flags.length === 0) return pkg.targets.some(DEFAULTS[command])
  return pkg.targets.some(t => flags.some(f => SELECTORS[f](t)))
}
