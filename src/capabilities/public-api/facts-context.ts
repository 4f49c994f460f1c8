// The context facts are read in: how items are named, which this crate's items a user can name,
// this crate's supertraits, and the owner an item belongs to. Pure.
import { innerOf, kindOf, type Id, type RustdocCrate, type RustdocItem } from './rustdoc.js'
import { byCodeUnit } from '../../order.js'
import { docPath, type Namer, type TypeScope } from './type-text.js'

export interface FactsContext {
  doc: RustdocCrate
  name: Namer
  /** Ids of this crate's items a user can name (the surface's). */
  nameable: Set<Id>
  /** Trait path → its supertraits' paths, for this crate's traits. */
  supertraits: (path: string) => string[]
  /** Items left out of this surface (`#[doc(hidden)]` ones, unless hidden items are included). */
  hidden: (item: RustdocItem) => boolean
  /** The target features `features` enable, with the ones they imply. */
  features: (features: string[]) => string[]
  /** The owner's positional tokens (a struct's generics for its fields), and what `Self` is. */
  params?: Map<string, string>
  self?: string | null
}

export function scopeOf(ctx: FactsContext, params: Map<string, string> = new Map()): TypeScope {
  const { doc } = ctx
  return {
    name: ctx.name,
    params: new Map([...(ctx.params ?? []), ...params]),
    self: ctx.self ?? null,
    alias: id => {
      const item = doc.index[String(id)]
      if (!item || item.crate_id !== 0 || kindOf(item) !== 'type_alias') return undefined
      const a = innerOf<{ type: unknown; generics: { params: unknown[] } }>(item)
      return a.generics.params.length === 0 ? a.type : undefined
    }
  }
}

const STD = new Set(['core', 'alloc', 'std'])
const NAMED_TYPES = new Set(['struct', 'enum', 'union', 'trait', 'trait alias', 'type alias'])

/** Names for facts: a public type by its shortest path in the surface, anything else by rustdoc's path. */
export function factsContext(
  doc: RustdocCrate,
  surface: { values(): Iterable<{ id: Id | null; kind: string; path: string }> },
  hidden: (item: RustdocItem) => boolean
): FactsContext {
  const canonical = new Map<Id, string>()
  const nameable = new Set<Id>()
  for (const item of surface.values()) {
    if (item.id === null) continue
    nameable.add(item.id)
    if (!NAMED_TYPES.has(item.kind) || item.kind === 're-export') continue
    const known = canonical.get(item.id)
    if (
      known === undefined ||
      item.path.length < known.length ||
      (item.path.length === known.length && byCodeUnit(item.path, known) < 0)
    )
      canonical.set(item.id, item.path)
  }
  // Other crates' items by crate and name: where they are defined inside may move between two
  // versions of a dependency. The standard library's paths and this crate's stay whole.
  const named = new Map<Id, string>()
  const name: Namer = (id, written) => {
    const known = id === null || id === undefined ? undefined : (canonical.get(id) ?? named.get(id))
    if (known) return known
    const found = rustdocName(id, written)
    // Only a name from rustdoc's paths is the id's whatever the caller wrote.
    if (id !== null && id !== undefined && doc.paths[String(id)]) named.set(id, found)
    return found
  }
  const rustdocName = (id: Id | null | undefined, written: string): string => {
    const full = docPath(doc, id)
    if (!full) return written.split('::').pop() ?? written
    const parts = full.split('::')
    const local = doc.paths[String(id)]?.crate_id === 0
    return local || STD.has(parts[0]) || parts.length < 3 ? full : `${parts[0]}::${parts[parts.length - 1]}`
  }
  let supers: Map<string, string[]> | null = null
  const supertraits = (path: string): string[] => {
    if (!supers) {
      supers = new Map()
      for (const item of Object.values(doc.index)) {
        if (item.crate_id !== 0 || kindOf(item) !== 'trait') continue
        const bounds = innerOf<{ bounds: { trait_bound?: { trait: { id: Id; path: string } } }[] }>(
          item
        ).bounds
        supers.set(
          name(item.id, item.name ?? '?'),
          bounds.filter(b => b.trait_bound).map(b => name(b.trait_bound!.trait.id, b.trait_bound!.trait.path))
        )
      }
    }
    return supers.get(path) ?? []
  }
  const implies = new Map((doc.target?.target_features ?? []).map(t => [t.name, t.implies_features]))
  // Features every build of the target has (sse2 on x86_64) change nothing for a caller.
  const everywhere = new Set(
    (doc.target?.target_features ?? []).filter(t => t.globally_enabled).map(t => t.name)
  )
  const features = (list: string[]): string[] => {
    const out = new Set<string>()
    const queue = [...list]
    while (queue.length) {
      const f = queue.pop()!
      if (out.has(f)) continue
      out.add(f)
      queue.push(...(implies.get(f) ?? []))
    }
    return [...out].filter(f => !everywhere.has(f)).sort()
  }
  return { doc, name, nameable, supertraits, hidden, features }
}
