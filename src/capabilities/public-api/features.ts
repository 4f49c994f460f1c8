// Cargo features are part of a crate's API: a dependent that enables one the new version no longer
// has fails to resolve. Features come from cargo metadata (explicit ones and the implicit feature of
// an optional dependency); their lines from the manifest's text. Pure.
import type { ApiChange } from './rules/change.js'

export interface ManifestFeatures {
  /** The package's Cargo.toml, relative to the workspace root (posix). */
  file: string
  /** Feature name → its line in that file (a `[features]` key, or the optional dependency's), or null. */
  features: Record<string, number | null>
}

/**
 * Names that by convention are not a stable feature (the reference tool's convention: a leading
 * underscore; `unstable`, `nightly`, `bench`, alone or before `-`/`_`): removing one is reported, not breaking.
 */
const UNSTABLE_NAME = /^(?:_|(?:unstable|nightly|bench)(?:[-_]|$))/

export function featureChanges(crate: string, base: ManifestFeatures, head: ManifestFeatures): ApiChange[] {
  const out: ApiChange[] = []
  for (const [name, line] of Object.entries(base.features)) {
    if (name in head.features) continue
    const unstable = UNSTABLE_NAME.test(name)
    out.push({
      class: unstable ? 'changed' : 'breaking',
      rule: unstable ? 'changed' : 'feature-removed',
      path: `${crate}/${name}`,
      kind: 'feature',
      what: unstable
        ? `feature \`${name}\` removed (by its name not a stable feature, so not counted as breaking)`
        : `feature \`${name}\` removed: a dependent's \`features = ["${name}"]\` no longer resolves`,
      side: 'base',
      file: base.file,
      line,
      base: { file: base.file, line },
      // What is gone is reported at its owner on the head: the package's manifest.
      head: { file: head.file, line: null },
      ...(unstable ? {} : { breaks: `\`${crate} = { features = ["${name}"] }\` in a dependent's Cargo.toml` })
    })
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Each feature of cargo metadata's `features` with its line in the manifest text (null when not found). */
export function manifestFeatures(
  file: string,
  features: Record<string, unknown>,
  text: string | null
): ManifestFeatures {
  const lines = featureLines(text ?? '')
  return {
    file,
    features: Object.fromEntries(Object.keys(features).map(n => [n, lines.get(n) ?? null]))
  }
}

/**
 * Lines of `[features]` keys and of dependency keys (an optional dependency's implicit feature),
 * `[dependencies.name]` headers included. A feature key wins over a dependency of the same name.
 */
function featureLines(text: string): Map<string, number> {
  const features = new Map<string, number>()
  const deps = new Map<string, number>()
  let table = ''
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    const header = /^\[\s*([^\]]+?)\s*\]/.exec(line)
    if (header && !line.startsWith('[[')) {
      table = header[1].replace(/\s+/g, '')
      const dep = /(?:^|\.)(?:dependencies|build-dependencies)\.("[^"]+"|'[^']+'|[\w-]+)$/.exec(table)
      if (dep) setOnce(deps, unquote(dep[1]), i + 1)
      return
    }
    const key = /^("[^"]+"|'[^']+'|[\w-]+)\s*=/.exec(line)
    if (!key) return
    if (table === 'features') setOnce(features, unquote(key[1]), i + 1)
    else if (/(?:^|\.)(?:dependencies|build-dependencies)$/.test(table)) setOnce(deps, unquote(key[1]), i + 1)
  })
  for (const [name, line] of deps) setOnce(features, name, line)
  return features
}

function setOnce(map: Map<string, number>, key: string, line: number): void {
  if (!map.has(key)) map.set(key, line)
}

function unquote(key: string): string {
  return /^["']/.test(key) ? key.slice(1, -1) : key
}
