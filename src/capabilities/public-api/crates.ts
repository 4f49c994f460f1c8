// Which workspace crates have a public API to compare (which of them the change touched: see
// touched.ts), and the features they are documented with. Pure: cargo metadata's members in.
import type { MetadataPackage } from '../../cargo/metadata.js'
import { byCodeUnit } from '../../order.js'

const LIB_KINDS = new Set(['lib', 'rlib', 'dylib', 'proc-macro'])

export interface ApiCrate {
  /** cargo's package id: the member, even when a dependency of the graph shares its name. */
  id: string
  name: string
  version: string
  /** The library target's crate name: rustdoc writes `doc/<libName>.json`. */
  libName: string
  manifestPath: string
  /** The package's cargo features (cargo metadata's `features`: explicit and implicit ones). */
  features: Record<string, string[]>
}

export interface CrateSelection {
  crates: ApiCrate[]
  /** Library members skipped because they are `publish = false` and not listed. */
  unpublished: string[]
  /** Names in public-api-crates that are no library member of the workspace. */
  unknownListed: string[]
}

export function selectCrates(members: MetadataPackage[], listed: string[]): CrateSelection {
  const crates: ApiCrate[] = []
  const unpublished: string[] = []
  const libs = new Set<string>()
  for (const p of members) {
    const lib = p.targets.find(t => t.kind.some(k => LIB_KINDS.has(k)))
    if (!lib) continue
    libs.add(p.name)
    // cargo metadata: `publish` is null (anywhere) or the allowed registries; [] is publish = false.
    const publish = (p as MetadataPackage & { publish?: string[] | null }).publish
    if (Array.isArray(publish) && publish.length === 0 && !listed.includes(p.name)) {
      unpublished.push(p.name)
      continue
    }
    crates.push({
      id: p.id,
      name: p.name,
      version: p.version,
      libName: lib.name.replace(/-/g, '_'),
      manifestPath: p.manifest_path,
      features: p.features ?? {}
    })
  }
  return {
    crates: crates.sort((a, b) => byCodeUnit(a.name, b.name)),
    unpublished: unpublished.sort(),
    unknownListed: listed.filter(n => !libs.has(n))
  }
}

/** The feature selection of `check-args`, so the API is the one the gate built (and its artifacts reused). */
export function featureArgs(checkArgs: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < checkArgs.length; i++) {
    const a = checkArgs[i]
    if (a === '--all-features' || a === '--no-default-features') out.push(a)
    else if ((a === '--features' || a === '-F') && i + 1 < checkArgs.length)
      out.push('--features', checkArgs[++i])
    else if (a.startsWith('--features=')) out.push(a)
  }
  return out
}
