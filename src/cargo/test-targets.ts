// Which members `cargo test` builds anything for. With cargo's default target selection only those
// with a target that is tested (test = true), doc-tested (a lib with doctest = true) or an example
// (built to check it compiles): a member whose targets all opt out is left alone, and rightly so.
// With explicit target flags, those with a target of a selected kind.
import { isLibTarget, type MetadataPackage, type MetadataTarget } from './metadata.js'

const SELECTORS: Record<string, (t: MetadataTarget) => boolean> = {
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

export function testBuildsMember(pkg: MetadataPackage, testArgs: readonly string[]): boolean {
  const sep = testArgs.indexOf('--')
  const own = sep === -1 ? testArgs : testArgs.slice(0, sep)
  const flags = Object.keys(SELECTORS).filter(f => own.some(a => a === f || a.startsWith(`${f}=`)))
  if (flags.length === 0)
    // Metadata from a cargo without the test flag says nothing: expect the member to be built.
    return pkg.targets.some(t => t.test !== false || t.doctest === true || t.kind.includes('example'))
  return pkg.targets.some(t => flags.some(f => SELECTORS[f](t)))
}
