// Aims cargo's MSRV-aware resolver at one Rust. cargo prefers versions that every member's rust-version
// can build (a member without one: the toolchain's), so for the resolve only, in the scratch copy,
// every member states `have`, or what its edition needs when that is more: cargo refuses a manifest
// whose rust-version is below its edition's first release. The manifests are restored right after, so
// no fix carries the change.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import * as semver from 'semver'
import { parse } from 'smol-toml'
import { normalizeRustVersion } from '../../cargo/metadata.js'
import { EDITION_RUST } from '../conflicts/index.js'
import type { SearchInputs } from './proposal.js'

export async function withResolverMsrv<T>(
  inputs: SearchInputs,
  have: string,
  fn: () => Promise<T>
): Promise<T> {
  const target = normalizeRustVersion(have)
  const members = new Set(inputs.metadata.workspace_members)
  const edits = target
    ? inputs.metadata.packages
        .filter(p => members.has(p.id))
        .map(p => {
          const file = path.join(inputs.root, path.relative(inputs.userRoot, p.manifest_path))
          const original = readFileSync(file, 'utf8')
          return { file, original, edited: setRustVersion(original, rustVersionFloor(p.edition, target)) }
        })
        .filter(e => e.edited !== null && e.edited !== e.original)
    : []
  for (const e of edits) writeFileSync(e.file, e.edited!)
  try {
    return await fn()
  } finally {
    for (const e of edits) writeFileSync(e.file, e.original)
  }
}

/** `have` (x.y.z), or the first release of `edition` when that is later. */
export function rustVersionFloor(edition: string, have: string): string {
  const floor = normalizeRustVersion(EDITION_RUST[edition] ?? '1.0')!
  return semver.gt(floor, have) ? floor : have
}

/**
 * The manifest with `[package] rust-version = "version"`: the key replaced where the package states it
 * (or inherits it), else added under the header. null when the result does not read back that way.
 */
export function setRustVersion(manifest: string, version: string): string | null {
  const lines = manifest.split('\n')
  const header = lines.findIndex(l => /^\s*\[\s*package\s*\]\s*(#.*)?$/.test(l))
  if (header < 0) return null
  const end = lines.findIndex((l, i) => i > header && /^\s*\[/.test(l))
  const stop = end < 0 ? lines.length : end
  const entry = `rust-version = ${JSON.stringify(version)}`
  const at = lines.findIndex((l, i) => i > header && i < stop && /^\s*rust-version\s*[.=]/.test(l))
  const edited =
    at >= 0
      ? [...lines.slice(0, at), entry, ...lines.slice(at + 1)]
      : [...lines.slice(0, header + 1), entry, ...lines.slice(header + 1)]
  const text = edited.join('\n')
  try {
    const pkg = (parse(text) as { package?: Record<string, unknown> }).package
    return pkg?.['rust-version'] === version ? text : null
  } catch {
    return null
  }
}
