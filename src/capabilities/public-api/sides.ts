// One side of a crate's comparison (head or base): its public surface, or why there is none. Pure.
import type { ManifestFeatures } from './features.js'
import type { DocResult } from './rustdoc-run.js'
import { publicSurface, type Surface } from './surface.js'

export interface Documented {
  surface: Surface
  /** The surface with `#[doc(hidden)]` items: what only became hidden is not removed. */
  withHidden: Surface
  format: number
  version: string | null
  /** The package's cargo features; null when its manifest was not read. */
  features: ManifestFeatures | null
}

/** absent: the side has no such library crate. */
export type Side = Documented | { error: string } | 'absent'

export function sideOf(r: DocResult, features: ManifestFeatures | null): Side {
  if ('error' in r) return r
  return {
    surface: publicSurface(r.doc),
    withHidden: publicSurface(r.doc, true),
    format: r.doc.format_version,
    version: r.doc.crate_version,
    features
  }
}

export function isDocumented(s: Side | undefined): s is Documented {
  return s !== undefined && s !== 'absent' && !('error' in s)
}
