// The context facts are read in: how items are named, which this crate's items a user can name,
// this crate's supertraits, and the owner an item belongs to. Pure.
import { innerOf, kindOf, type Id, type RustdocCrate, type RustdocItem } from './rustdoc.js'
import type { Namer, TypeScope } from './type-text.js'

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
