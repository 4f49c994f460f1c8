// The base side's surfaces, kept in the target directory: a pull request's base commit stays the same
// across its pushes, so its surfaces are made once. The key holds everything the surface depends on.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { ManifestFeatures } from './features.js'
import type { Documented } from './sides.js'
import type { ApiItem } from './surface.js'

/** Raised whenever the surface or its facts change shape, so older entries are never read. */
const SURFACE_VERSION = 5

export interface BaseKey {
  sha: string
  crate: string
  /** rustc's release (and so rustdoc's); the entry holds the format it was documented in. */
  toolchain: string
  features: string[]
}

interface Entry {
  surface: ApiItem[]
  withHidden: ApiItem[]
  format: number
  version: string | null
  features: ManifestFeatures | null
}

function file(targetDir: string, key: BaseKey): string {
  const hash = createHash('sha256')
    .update(JSON.stringify({ v: SURFACE_VERSION, ...key }))
    .digest('hex')
    .slice(0, 32)
  return path.join(targetDir, 'build-gate', 'public-api', `${key.crate}-${hash}.json`)
}

export function readCached(targetDir: string, key: BaseKey): Documented | null {
  try {
    const e = JSON.parse(readFileSync(file(targetDir, key), 'utf8')) as Entry
    if (!Array.isArray(e.surface) || !Array.isArray(e.withHidden) || typeof e.format !== 'number') return null
    const map = (items: ApiItem[]) => new Map(items.map(i => [i.key, i]))
    return {
      surface: map(e.surface),
      withHidden: map(e.withHidden),
      format: e.format,
      version: e.version,
      features: e.features ?? null
    }
  } catch {
    return null
  }
}

export function writeCached(targetDir: string, key: BaseKey, side: Documented): void {
  const target = file(targetDir, key)
  const entry: Entry = {
    surface: [...side.surface.values()],
    withHidden: [...side.withHidden.values()],
    format: side.format,
    version: side.version,
    features: side.features
  }
  try {
    mkdirSync(path.dirname(target), { recursive: true })
    // Written aside and renamed, so a reader never sees half an entry.
    writeFileSync(`${target}.${process.pid}.tmp`, JSON.stringify(entry))
    renameSync(`${target}.${process.pid}.tmp`, target)
  } catch {
    // A cache that cannot be written only costs time next run.
  }
}
