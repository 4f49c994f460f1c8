// Which workspace crates have a public API to compare, and which of them the change can have touched.
// Pure: cargo metadata's members and git's list of changed files in, decisions out.
import * as path from 'node:path'
import type { MetadataPackage } from '../../cargo/metadata.js'
import { byCodeUnit } from '../../order.js'

const LIB_KINDS = new Set(['lib', 'rlib', 'dylib', 'proc-macro'])

export interface ApiCrate {
  name: string
  version: string
  /** The library target's crate name: rustdoc writes `doc/<libName>.json`. */
  libName: string
  manifestPath: string
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
      name: p.name,
      version: p.version,
      libName: lib.name.replace(/-/g, '_'),
      manifestPath: p.manifest_path
    })
  }
  return {
    crates: crates.sort((a, b) => byCodeUnit(a.name, b.name)),
    unpublished: unpublished.sort(),
    unknownListed: listed.filter(n => !libs.has(n))
  }
}

/** Files of the workspace outside every crate's directory that can still change what rustdoc sees. */
const SHARED_INPUT =
  /(^|\/)(Cargo\.toml|Cargo\.lock|build\.rs|rust-toolchain(\.toml)?|[^/]+\.rs)$|(^|\/)\.cargo\//

/** Above the workspace, cargo still reads these (it looks for them in every parent directory). */
function ancestorInputDir(file: string): string | null {
  if (/(^|\/)\.cargo\/config(\.toml)?$/.test(file)) return path.posix.dirname(path.posix.dirname(file))
  if (/(^|\/)rust-toolchain(\.toml)?$/.test(file)) return path.posix.dirname(file)
  return null
}

/**
 * Crates whose API may differ from the base: a file under the crate's directory changed, or a shared
 * input did (a workspace manifest, the lock file, cargo config, Rust source outside the crates).
 * Paths are relative to the repository root; `workspace` is the workspace root's.
 */
export function touchedCrates(
  crates: ApiCrate[],
  memberManifests: string[],
  changed: Set<string>,
  repoRoot: string,
  workspace: string
): Set<string> {
  const rel = (p: string) => toPosix(path.relative(repoRoot, p))
  const dirOf = (manifest: string) => rel(path.dirname(manifest))
  const names = new Map(crates.map(c => [dirOf(c.manifestPath), c.name]))
  const dirs = memberManifests.map(m => ({ dir: dirOf(m), name: names.get(dirOf(m)) ?? null }))
  const inside = (file: string, dir: string) => dir === '' || file === dir || file.startsWith(`${dir}/`)
  const ws = rel(workspace) // '' when the workspace is the repository root
  const everything = () => new Set(crates.map(c => c.name))
  const touched = new Set<string>()
  for (const file of changed) {
    const owners = dirs.filter(d => inside(file, d.dir))
    // The innermost crate owns the file; a nested crate's change does not touch its parent directory's crate.
    const depth = Math.max(-1, ...owners.map(o => o.dir.length))
    const owner = owners.filter(o => o.dir.length === depth)
    if (owner.length > 0) owner.forEach(o => o.name && touched.add(o.name))
    else if (inside(file, ws)) {
      if (SHARED_INPUT.test(file)) return everything()
    } else {
      const dir = ancestorInputDir(file)
      if (dir !== null && (dir === '.' || inside(ws, dir))) return everything()
    }
  }
  return touched
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
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
