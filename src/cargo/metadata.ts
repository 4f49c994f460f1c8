// `cargo metadata --format-version 1`: the subset the gate reads, and the workspace facts drawn from it.
import * as semver from 'semver'
import { parse as parseToml } from 'smol-toml'
import { GateError } from '../errors.js'
import type { WorkspaceInfo } from '../report/schema.js'

export interface MetadataDependency {
  name: string
  /** Present when the dependency is renamed (`foo = { package = "bar" }`). */
  rename: string | null
  req: string
  kind: 'dev' | 'build' | null
  optional: boolean
  target: string | null
}

export interface MetadataTarget {
  name: string
  kind: string[]
  crate_types: string[]
  src_path: string
  edition: string
  test: boolean
  doctest: boolean
  /** Features the target is built only with (absent when none). */
  'required-features'?: string[]
}

const LIB_KINDS = new Set(['lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro'])

/** A library target, whatever its crate type. */
export const isLibTarget = (t: MetadataTarget): boolean => t.kind.some(k => LIB_KINDS.has(k))

export interface MetadataPackage {
  id: string
  name: string
  version: string
  edition: string
  rust_version: string | null
  manifest_path: string
  source: string | null
  dependencies: MetadataDependency[]
  targets: MetadataTarget[]
  features: Record<string, string[]>
}

export interface ResolveNode {
  id: string
  deps: { name: string; pkg: string; dep_kinds: { kind: 'dev' | 'build' | null; target: string | null }[] }[]
  features: string[]
}

export interface CargoMetadata {
  packages: MetadataPackage[]
  workspace_members: string[]
  workspace_default_members?: string[]
  resolve: { nodes: ResolveNode[]; root: string | null } | null
  workspace_root: string
  target_directory: string
  version: number
  /** Raw manifest `[workspace.package]` is not in metadata; read from Cargo.toml by the caller. */
}

export function parseMetadata(text: string): CargoMetadata {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new GateError('cargo', `cargo metadata printed output that is not JSON (${(e as Error).message}).`)
  }
  const m = value as Partial<CargoMetadata>
  if (!m || typeof m !== 'object' || !Array.isArray(m.packages) || !Array.isArray(m.workspace_members))
    throw new GateError(
      'cargo',
      'cargo metadata output lacks packages/workspace_members; is this cargo too old?'
    )
  if (m.version !== 1)
    throw new GateError('cargo', `cargo metadata format version ${String(m.version)} is not 1.`)
  const bad = shapeProblem(m)
  if (bad) throw new GateError('cargo', `cargo metadata output cannot be read: ${bad}.`)
  return m as CargoMetadata
}

// What the analyses rely on, checked once here so that none of them crashes on a surprise.
function shapeProblem(m: Partial<CargoMetadata>): string | null {
  if (typeof m.workspace_root !== 'string') return 'workspace_root is not a path'
  for (const p of m.packages ?? []) {
    if (typeof p !== 'object' || p === null) return 'a package is not an object'
    for (const k of ['id', 'name', 'version', 'manifest_path'] as const)
      if (typeof p[k] !== 'string') return `package ${String(p.id)} has no ${k}`
    if (!Array.isArray(p.dependencies) || !Array.isArray(p.targets))
      return `package ${p.id} has no dependencies/targets lists`
  }
  if (m.resolve != null) {
    if (!Array.isArray(m.resolve.nodes)) return 'resolve.nodes is not a list'
    for (const n of m.resolve.nodes)
      if (typeof n?.id !== 'string' || !Array.isArray(n.deps)) return 'a resolve node has no id/deps'
  }
  return null
}

export function workspaceMembers(meta: CargoMetadata): MetadataPackage[] {
  const ids = new Set(meta.workspace_members)
  return meta.packages.filter(p => ids.has(p.id))
}

/** `1.85` → `1.85.0`; null when it is not a Rust version. */
export function normalizeRustVersion(v: string | null | undefined): string | null {
  if (!v) return null
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v.trim())
  if (!m) return null
  return semver.valid(`${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`)
}

/** `[workspace.package] rust-version` of the root manifest, if declared. */
export function declaredMsrv(manifest: string | null): string | null {
  try {
    const parsed = parseToml(manifest ?? '') as {
      workspace?: { package?: { 'rust-version'?: unknown } }
    }
    const v = parsed.workspace?.package?.['rust-version']
    return typeof v === 'string' ? v : null
  } catch {
    return null // cargo metadata already accepted the manifest; its own reading stands.
  }
}

/**
 * The workspace MSRV: `[workspace.package] rust-version` when declared (passed in by the caller,
 * who reads the root manifest), else the lowest `rust-version` of the members, else null.
 */
export function workspaceMsrv(meta: CargoMetadata, declared: string | null): string | null {
  if (declared) return declared
  const versions = workspaceMembers(meta)
    .map(p => p.rust_version)
    .filter((v): v is string => !!normalizeRustVersion(v))
  if (versions.length === 0) return null
  return versions.sort((a, b) => semver.compare(normalizeRustVersion(a)!, normalizeRustVersion(b)!))[0]
}

export function workspaceInfo(
  meta: CargoMetadata,
  declaredMsrv: string | null,
  toolchain: WorkspaceInfo['toolchain'],
  requestedToolchain: string | null
): WorkspaceInfo {
  return {
    root: meta.workspace_root,
    members: workspaceMembers(meta).map(p => ({
      name: p.name,
      version: p.version,
      manifestPath: p.manifest_path,
      rustVersion: p.rust_version,
      edition: p.edition
    })),
    msrv: workspaceMsrv(meta, declaredMsrv),
    toolchain,
    requestedToolchain
  }
}
