// The subset of rustdoc's JSON output (`--output-format json`) the API check reads, and the one place
// that decides whether a document can be read at all. The format is unstable and versioned: a version
// whose shape was not checked here is refused with the reason, never guessed at.

/**
 * 57: stable 1.95 and nightly 1.97 (2026-05) here. 56 differs from 57 only in `external_crates[].path`,
 * which is not read. Anything else: the result is `unknown`.
 */
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [56, 57]

export type Id = number

export interface RustdocSpan {
  filename: string
  begin: [number, number]
  end: [number, number]
}

export interface RustdocItem {
  id: Id
  crate_id: number
  name: string | null
  span: RustdocSpan | null
  visibility: 'public' | 'default' | 'crate' | { restricted: unknown }
  /** Structured since v54: `"non_exhaustive"`, `"macro_export"`, `{ "other": "#[…]" }`, … */
  attrs: unknown[]
  deprecation?: unknown
  /** One key: the item's kind (`module`, `struct`, `function`, `use`, …). */
  inner: Record<string, unknown>
}

export interface RustdocCrate {
  format_version: number
  root: Id
  crate_version: string | null
  index: Record<string, RustdocItem>
  paths: Record<string, { crate_id: number; path: string[]; kind: string }>
  external_crates: Record<string, { name: string }>
  /** The target's features and the ones each implies. */
  target?: { target_features?: { name: string; implies_features: string[]; globally_enabled?: boolean }[] }
}

export class RustdocFormatError extends Error {}

/** Parses and checks one document; throws RustdocFormatError with words a user can act on. */
export function readRustdoc(text: string, what: string): RustdocCrate {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw new RustdocFormatError(`${what}: rustdoc's JSON could not be parsed (${(e as Error).message}).`)
  }
  const d = doc as Partial<RustdocCrate> | null
  if (!d || typeof d !== 'object' || typeof d.format_version !== 'number')
    throw new RustdocFormatError(`${what}: the file has no format_version; is it rustdoc JSON?`)
  if (!SUPPORTED_FORMAT_VERSIONS.includes(d.format_version))
    throw new RustdocFormatError(
      `${what}: rustdoc JSON format_version ${d.format_version} is not supported (supported: ${SUPPORTED_FORMAT_VERSIONS.join(', ')}). ` +
        'Use a toolchain that produces a supported version (stable 1.95 does), or set `toolchain`.'
    )
  if (typeof d.root !== 'number' || !d.index || typeof d.index !== 'object' || !d.paths)
    throw new RustdocFormatError(`${what}: rustdoc JSON lacks root/index/paths.`)
  const root = d.index[String(d.root)]
  if (!root || kindOf(root) !== 'module')
    throw new RustdocFormatError(`${what}: rustdoc JSON's root is not a module.`)
  return d as RustdocCrate
}

export function kindOf(item: RustdocItem): string {
  const keys = Object.keys(item.inner ?? {})
  return keys.length === 1 ? keys[0] : 'unknown'
}

export function innerOf<T>(item: RustdocItem): T {
  return item.inner[kindOf(item)] as T
}

export function hasAttr(item: RustdocItem, name: string): boolean {
  return (item.attrs ?? []).some(
    a => a === name || (typeof a === 'object' && a !== null && name in (a as Record<string, unknown>))
  )
}

/**
 * `#[doc(hidden)]`, should rustdoc keep such an item (it strips them by default). A hidden item that
 * is also `#[deprecated]` is still public API (as the reference tool treats it): users were told how
 * to move off it.
 */
export function isDocHidden(item: RustdocItem): boolean {
  if (item.deprecation) return false
  return (item.attrs ?? []).some(a => {
    const other = typeof a === 'object' && a !== null ? (a as { other?: unknown }).other : a
    return typeof other === 'string' && /#\[doc\s*\(\s*hidden\s*\)\s*\]/.test(other)
  })
}

/** A type or signature fragment as comparable text: ids are per-document, so they are left out. */
export function shape(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'id' ? undefined : v))
}
