// The workspace's shared inputs compared between base and head: which locked packages differ, and
// which parts of the workspace manifest. A crate's API can only change through what it is built
// from, so a change here touches the crates that use what changed, not every crate. Pure.
import { parse } from 'smol-toml'

/** Every crate may be affected: the input could not be read, or what changed reaches every crate. */
export const EVERY = 'every' as const

/**
 * Locked packages (`name@version`) whose Cargo.lock entry differs between base and head in any way:
 * source, checksum, or the versions its dependencies resolved to; or that one side lacks.
 */
export function changedLockedPackages(base: string | null, head: string | null): Set<string> | typeof EVERY {
  const a = lockEntries(base)
  const b = lockEntries(head)
  if (!a || !b) return EVERY
  const out = new Set<string>()
  for (const key of new Set([...a.keys(), ...b.keys()])) if (a.get(key) !== b.get(key)) out.add(key)
  return out
}

function lockEntries(text: string | null): Map<string, string> | null {
  if (text === null) return null
  let doc: { package?: unknown }
  try {
    doc = parse(text) as { package?: unknown }
  } catch {
    return null
  }
  if (!Array.isArray(doc.package)) return null
  const out = new Map<string, string>()
  for (const p of doc.package as Record<string, unknown>[]) {
    if (typeof p.name !== 'string' || typeof p.version !== 'string') return null
    const deps = Array.isArray(p.dependencies) ? [...(p.dependencies as unknown[])].map(String).sort() : []
    out.set(`${p.name}@${p.version}`, JSON.stringify([p.source ?? null, p.checksum ?? null, deps]))
  }
  return out
}

export interface ManifestChange {
  /** Names of `[workspace.dependencies]` entries that differ: members declaring them are affected. */
  dependencies: Set<string>
}

/** Tables of a root manifest that belong to its package, when it has one (the package's own change). */
const PACKAGE_TABLES = new Set([
  'package',
  'lib',
  'bin',
  'test',
  'bench',
  'example',
  'dependencies',
  'dev-dependencies',
  'build-dependencies',
  'target',
  'features',
  'badges',
  'lints'
])

/** Keys of `[workspace]` that cannot change what a member's API is built from. */
const NEUTRAL_WORKSPACE_KEYS = new Set(['members', 'exclude', 'default-members', 'metadata', 'lints'])

/**
 * The workspace-wide parts of the root manifest compared (`[workspace]`, `[patch]`, `[profile]`…),
 * the package's own tables left to the package. Membership, metadata and lints reach no API; a
 * `[workspace.dependencies]` entry reaches the members that declare it; anything else every crate.
 */
export function workspaceManifestChange(
  base: string | null,
  head: string | null
): ManifestChange | typeof EVERY {
  const a = workspaceParts(base)
  const b = workspaceParts(head)
  if (!a || !b) return EVERY
  if (canonical(a.rest) !== canonical(b.rest)) return EVERY
  const dependencies = new Set<string>()
  for (const name of new Set([...Object.keys(a.dependencies), ...Object.keys(b.dependencies)])) {
    const [x, y] = [a.dependencies[name], b.dependencies[name]]
    if (canonical(x) === canonical(y)) continue
    dependencies.add(name)
    // `name = { package = "real" }`: members see the package's own name in cargo metadata.
    for (const entry of [x, y]) {
      const real = (entry as { package?: unknown } | undefined)?.package
      if (typeof real === 'string') dependencies.add(real)
    }
  }
  return { dependencies }
}

function workspaceParts(
  text: string | null
): { rest: Record<string, unknown>; dependencies: Record<string, unknown> } | null {
  if (text === null) return null
  let doc: Record<string, unknown>
  try {
    doc = parse(text) as Record<string, unknown>
  } catch {
    return null
  }
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc)) if (!PACKAGE_TABLES.has(k) && k !== 'workspace') rest[k] = v
  const ws = (doc.workspace ?? {}) as Record<string, unknown>
  const wsRest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(ws))
    if (!NEUTRAL_WORKSPACE_KEYS.has(k) && k !== 'dependencies') wsRest[k] = v
  rest.workspace = wsRest
  return { rest, dependencies: (ws.dependencies ?? {}) as Record<string, unknown> }
}

/** JSON with keys sorted at every level: two tables equal in TOML compare equal here. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : 1)))
      : x
  )
}
