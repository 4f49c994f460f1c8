// Targets built with `harness = false`: their binaries print no libtest suite, and cargo judges them
// by exit status alone. `cargo metadata` does not say which they are, so the manifests do.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import type { MetadataPackage } from './metadata.js'

interface ManifestTarget {
  name?: unknown
  path?: unknown
  harness?: unknown
}

/** `${packageId}\u0000${targetName}` of every target that declares `harness = false`. */
export function harnessFreeTargets(members: MetadataPackage[], read = readManifest): Set<string> {
  const out = new Set<string>()
  for (const pkg of members) {
    const manifest = read(pkg.manifest_path)
    if (!manifest) continue
    const lib = isTarget(manifest.lib) ? manifest.lib : null
    if (lib?.harness === false && typeof lib.name !== 'string') {
      const target = pkg.targets.find(t => t.kind.some(k => k.endsWith('lib') || k === 'proc-macro'))
      if (target) out.add(`${pkg.id}\u0000${target.name}`)
    }
    const declared: ManifestTarget[] = [
      ...(lib ? [lib] : []),
      ...(['bin', 'test', 'bench', 'example'] as const).flatMap(k =>
        Array.isArray(manifest[k]) ? (manifest[k] as unknown[]).filter(isTarget) : []
      )
    ]
    for (const d of declared) {
      if (d.harness !== false) continue
      const src = typeof d.path === 'string' ? path.resolve(path.dirname(pkg.manifest_path), d.path) : null
      const target = pkg.targets.find(
        t =>
          (typeof d.name === 'string' && t.name === d.name.replace(/-/g, '_')) ||
          t.name === d.name ||
          (src && t.src_path === src)
      )
      if (target) out.add(`${pkg.id}\u0000${target.name}`)
    }
  }
  return out
}

function isTarget(v: unknown): v is ManifestTarget {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

function readManifest(file: string): Record<string, unknown> | null {
  try {
    return parseToml(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch {
    return null // cargo metadata already read it; a target we cannot see stays a libtest target.
  }
}
