// cargo's plain-text refusals to build with the active toolchain (stderr, never JSON), read into
// crate/version/requirement so the report can say who needs what. Three wordings cargo has used:
//   cargo ≥ 1.80ish: `rustc 1.95.0 is not supported by the following package(s):` + `  foo@1.2.3 requires rustc 1.99`
//   older cargo:     package `foo v1.2.3` cannot be built because it requires rustc 1.99 or newer, while …
//   cargo < 1.85 reading an edition-2024 manifest: failed to parse manifest at `…/foo-1.2.3/Cargo.toml` …
//                    feature `edition2024` is required

/** A package cargo refused to build, in its words (crate, version and what it requires, when said). */
export interface CargoRefusal {
  crate: string | null
  version: string | null
  requires: string | null
  message: string
}

// Cargo features that gate a new edition, and the first release that has them stable.
const EDITION_FEATURES: Record<string, string> = {
  edition2018: '1.31',
  edition2021: '1.56',
  edition2024: '1.85'
}

const UNSUPPORTED_HEADER = /rustc (\S+) is not supported by the following packages?:/
const UNSUPPORTED_ITEM = /^\s+([A-Za-z0-9_-]+)@(\S+) requires rustc (\S+)/
const CANNOT_BUILD =
  /(?:package|cannot install package) `([A-Za-z0-9_-]+) v?([^\s`]+)(?: \([^)]*\))?`,? (?:cannot be built because )?it requires rustc (\S+) or newer, while the currently active rustc version is (\S+?)\.?(?=\s|$)/
const FEATURE_REQUIRED = /feature `([^`]+)` is required/
const PARSE_MANIFEST = /failed to parse manifest at `([^`]+)`/
const DOWNLOAD = /failed to download `([A-Za-z0-9_-]+) v(\S+)`/
const CARGO_VERSION = /not stabilized in this version of Cargo \((\d+\.\d+\.\d+)/

export function parseCargoRefusals(stderr: string): CargoRefusal[] {
  const lines = stderr.split(/\r?\n/).map(stripAnsi)
  const found: CargoRefusal[] = []
  let rustc: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const header = UNSUPPORTED_HEADER.exec(line)
    if (header) {
      rustc = header[1]
      continue
    }
    const item = rustc ? UNSUPPORTED_ITEM.exec(line) : null
    if (item) {
      found.push(rustcRefusal(item[1], item[2], item[3], rustc!))
      continue
    }
    if (!/^\s/.test(line)) rustc = null
    const old = CANNOT_BUILD.exec(line)
    if (old) {
      found.push(rustcRefusal(old[1], old[2], old[3], old[4]))
      continue
    }
    const feature = FEATURE_REQUIRED.exec(line)
    if (feature) found.push(featureRefusal(feature[1], lines, i))
  }
  return dedupe(found)
}

function rustcRefusal(crate: string, version: string, requires: string, active: string): CargoRefusal {
  return {
    crate,
    version,
    requires,
    message: `cargo refused to build: ${crate} ${version} requires rustc ${requires}, the active rustc is ${active}`
  }
}

/** The crate is named by the nearest `failed to download`/`failed to parse manifest` line above. */
function featureRefusal(feature: string, lines: string[], at: number): CargoRefusal {
  let crate: string | null = null
  let version: string | null = null
  for (let j = at - 1; j >= 0 && crate === null; j--) {
    const manifest = PARSE_MANIFEST.exec(lines[j])
    if (manifest) ({ crate, version } = crateFromManifestPath(manifest[1]))
    const download = DOWNLOAD.exec(lines[j])
    if (download) [crate, version] = [download[1], download[2]]
    if (lines[j].startsWith('error')) break
  }
  const cargo =
    lines
      .slice(at, at + 4)
      .map(l => CARGO_VERSION.exec(l)?.[1])
      .find(Boolean) ?? null
  const requires = EDITION_FEATURES[feature] ?? null
  const who = crate ? `${crate}${version ? ` ${version}` : ''}` : 'a package'
  const edition = /^edition(\d{4})$/.exec(feature)?.[1]
  const what = edition ? `uses edition ${edition}` : `needs the Cargo feature \`${feature}\``
  const have = cargo ? `this Cargo (${cargo})` : 'this Cargo'
  const needs = requires ? `; it needs Rust ${requires} or newer` : ''
  return {
    crate,
    version,
    requires,
    message: `cargo refused to build: ${who} ${what}, which ${have} cannot read${needs}`
  }
}

/** `…/base64ct-1.8.0/Cargo.toml` → base64ct 1.8.0; a path dependency's directory is its name alone. */
function crateFromManifestPath(file: string): { crate: string | null; version: string | null } {
  const dir = file.replace(/\\/g, '/').split('/').slice(-2, -1)[0] ?? ''
  const m = /^(.+?)-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(dir)
  if (m) return { crate: m[1], version: m[2] }
  return { crate: dir || null, version: null }
}

function dedupe(refusals: CargoRefusal[]): CargoRefusal[] {
  const seen = new Set<string>()
  return refusals.filter(r => {
    const key = `${r.crate}@${r.version}:${r.requires}:${r.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '')
}
