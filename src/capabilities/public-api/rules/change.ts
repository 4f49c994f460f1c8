// One change to the public API, the rule that found it, and what the rules share: the two surfaces,
// base names put in the head's words, bounds with what they imply. Pure.
import type { ApiItem, ApiKind, Surface } from '../surface.js'
import { impliedBounds } from '../type-text.js'

export type ChangeClass = 'breaking' | 'warning' | 'addition' | 'changed'

/** Stable rule names: scripts read them from the `api-changes` output. Add, never rename. */
export const CHANGE_RULES = [
  'removed',
  'params-changed',
  'became-unsafe',
  'field-removed',
  'field-added',
  'variant-added',
  'variant-removed',
  'non-exhaustive-added',
  'required-trait-item-added',
  // Crate level (the manifests): a feature users may enable no longer exists
  'feature-removed',
  'added',
  'changed',
  // Generics and lifetimes
  'type-params-changed',
  'const-params-changed',
  'lifetime-params-changed',
  'generics-reordered',
  'bounds-tightened',
  'bounds-loosened',
  'impl-trait-changed',
  'kind-changed',
  // Signatures
  'return-type-changed',
  'param-type-changed',
  'receiver-changed',
  'const-removed',
  'type-changed',
  'static-mut-changed',
  'abi-changed',
  'export-symbol-changed',
  'target-feature-added',
  'target-feature-removed',
  'derive-helper-removed',
  'trait-method-unsafe-removed',
  // Types
  'repr-changed',
  'discriminant-changed',
  'no-longer-castable',
  'variant-kind-changed',
  'variant-non-exhaustive-added',
  'struct-kind-changed',
  // Traits
  'supertrait-added',
  'supertrait-removed',
  'default-removed',
  'trait-unsafe-changed',
  'trait-impl-removed',
  'copy-impl-added',
  'auto-trait-lost',
  'no-longer-sized',
  'no-longer-dyn-compatible',
  'trait-sealed',
  // Visibility by convention
  'now-hidden',
  'method-moved-to-trait',
  // Warn-level
  'partial-ord-order-changed',
  'repr-c-order-changed',
  'must-use-added'
] as const

export type ChangeRule = (typeof CHANGE_RULES)[number]

export interface Location {
  file: string | null
  line: number | null
}

export interface ApiChange {
  class: ChangeClass
  rule: ChangeRule
  path: string
  kind: ApiKind
  /** What changed, in plain words. */
  what: string
  /** Which side `file`/`line` are on: the head, or the base for what no longer exists. */
  side: 'head' | 'base'
  file: string | null
  line: number | null
  /** The item on each side (null where it does not exist; absent for what is not an item of the code). */
  base?: Location | null
  head?: Location | null
  /** Breaking and warning changes: one line of a user's code that this change breaks. */
  breaks?: string
}

export interface DiffContext {
  base: Surface
  head: Surface
  baseWithHidden: Surface
  headWithHidden: Surface
  /** A base text (type, bound) with the names of items as the head names them. */
  rename: (text: string) => string
  /** Bounds and what they imply, on one side (base bounds are renamed after). */
  implied: (bounds: string[], side: 'base' | 'head') => Set<string>
}

const at = (item: ApiItem | undefined): Location | null =>
  item ? { file: item.file, line: item.line } : null

/**
 * A change found on a pair of items (`b` on the base, `h` on the head; either may be missing):
 * reported at the head's item when there is one, else at the base's.
 */
export function change(
  cls: ChangeClass,
  rule: ChangeRule,
  b: ApiItem | undefined,
  h: ApiItem | undefined,
  what: string,
  breaks?: string
): ApiChange {
  const item = (h ?? b)!
  const side = h ? 'head' : 'base'
  return {
    class: cls,
    rule,
    path: item.path,
    kind: item.kind,
    what,
    side,
    file: item.file,
    line: item.line,
    base: at(b),
    head: at(h),
    ...(cls === 'breaking' || cls === 'warning' ? { breaks } : {})
  }
}

/** The last segments of a path, as code names it after a `use` of its module. */
export function short(path: string, segments = 2): string {
  return path.split('::').slice(-segments).join('::')
}

export function diffContext(
  base: Surface,
  head: Surface,
  headWithHidden: Surface,
  baseWithHidden: Surface
): DiffContext {
  // The head's name for each of its items (its shortest path), by id.
  const canonical = new Map<number, string>()
  for (const item of head.values())
    if (
      item.id !== null &&
      item.key.startsWith('type ') &&
      item.kind !== 'module' &&
      item.kind !== 're-export'
    ) {
      const known = canonical.get(item.id)
      if (
        known === undefined ||
        item.path.length < known.length ||
        (item.path.length === known.length && item.path < known)
      )
        canonical.set(item.id, item.path)
    }
  const rename = (text: string): string =>
    text.replace(/⟦([^⟧]+)⟧/g, (whole, p: string) => {
      const h = head.get(`type ${p}`)
      const name = h && h.id !== null ? canonical.get(h.id) : undefined
      return name ? `⟦${name}⟧` : whole
    })
  const supertraits = (surface: Surface) => (path: string) =>
    (surface.get(`type ${path}`)?.facts.trait?.implied ?? [])
      .map(x => /^⟦([^⟧]+)⟧$/.exec(x)?.[1])
      .filter((x): x is string => !!x)
  return {
    base,
    head,
    baseWithHidden,
    headWithHidden,
    rename,
    implied: (bounds, side) =>
      side === 'head'
        ? impliedBounds(bounds, supertraits(head))
        : new Set([...impliedBounds(bounds, supertraits(base))].map(rename))
  }
}

/** Items of `a` whose relative order differs in `b` (only the names both have count). */
export function reordered(a: string[], b: string[]): boolean {
  const inB = new Set(b)
  const inA = new Set(a)
  const x = a.filter(n => inB.has(n))
  const y = b.filter(n => inA.has(n))
  return x.some((n, i) => n !== y[i])
}
