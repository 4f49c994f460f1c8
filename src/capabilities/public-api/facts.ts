// What the rules compare about one item, read from its rustdoc JSON: parameters, unsafety, defaults,
// #[non_exhaustive], whether a literal can build a struct, whether a trait is sealed, and the rest as
// comparable text. Pure.
import { hasAttr, innerOf, kindOf, shape, type Id, type RustdocCrate, type RustdocItem } from './rustdoc.js'
import type { ApiFacts, Surface } from './api-items.js'

const STD_CRATES = new Set(['std', 'core', 'alloc'])

/** Field ids of a struct, union or struct-like variant; null entries are private tuple fields. */
export function fieldIds(item: RustdocItem): (Id | null)[] {
  const inner = innerOf<{ kind?: unknown; fields?: Id[] }>(item)
  if (kindOf(item) === 'union') return inner.fields ?? []
  const kind = inner.kind as { plain?: { fields: Id[] }; tuple?: (Id | null)[]; struct?: { fields: Id[] } }
  if (!kind || typeof kind !== 'object') return []
  return kind.plain?.fields ?? kind.tuple ?? kind.struct?.fields ?? []
}

export function factsOf(doc: RustdocCrate, item: RustdocItem): ApiFacts {
  const rk = kindOf(item)
  const inner = innerOf<Record<string, unknown>>(item)
  const nonExhaustive = hasAttr(item, 'non_exhaustive')
  switch (rk) {
    case 'function': {
      const sig = inner.sig as { inputs: [string, unknown][]; output: unknown; is_c_variadic: boolean }
      const header = inner.header as Record<string, unknown>
      return {
        params: sig.inputs.length,
        unsafe: header.is_unsafe === true,
        hasDefault: inner.has_body === true,
        signature: shape({
          inputs: sig.inputs.map(([, t]) => t),
          output: sig.output,
          variadic: sig.is_c_variadic,
          generics: inner.generics,
          header: { ...header, is_unsafe: undefined }
        })
      }
    }
    case 'struct':
    case 'union': {
      const ids = fieldIds(item)
      const stripped =
        ids.some(id => id === null) ||
        (inner.kind as { plain?: { has_stripped_fields: boolean } } | undefined)?.plain
          ?.has_stripped_fields === true ||
        inner.has_stripped_fields === true
      const allFieldsPublic = !stripped && ids.every(id => doc.index[String(id)]?.visibility === 'public')
      const form = typeof inner.kind === 'string' ? inner.kind : Object.keys(inner.kind ?? {})[0]
      return { nonExhaustive, allFieldsPublic, signature: shape({ form, generics: inner.generics }) }
    }
    case 'enum':
      return { nonExhaustive, signature: shape({ generics: inner.generics }) }
    case 'variant': {
      const fields = fieldIds(item).map(id =>
        id === null ? null : { name: doc.index[String(id)]?.name, type: doc.index[String(id)]?.inner }
      )
      const form = typeof inner.kind === 'string' ? inner.kind : Object.keys(inner.kind ?? {})[0]
      return { nonExhaustive, signature: shape({ form, fields, discriminant: inner.discriminant }) }
    }
    case 'struct_field':
      return { signature: shape(inner) }
    case 'trait':
      return { signature: shape({ generics: inner.generics, bounds: inner.bounds, unsafe: inner.is_unsafe }) }
    case 'assoc_type':
      return {
        hasDefault: inner.type !== null,
        signature: shape({ bounds: inner.bounds, generics: inner.generics })
      }
    case 'assoc_const':
      return { hasDefault: inner.value !== null, signature: shape(inner.type) }
    case 'constant':
      return { signature: shape(inner.type) }
    case 'static':
      return { signature: shape({ type: inner.type, mutable: inner.is_mutable, unsafe: inner.is_unsafe }) }
    case 'type_alias':
      return { signature: shape({ type: inner.type, generics: inner.generics }) }
    case 'module':
      return {}
    case 'macro':
      return { signature: typeof inner === 'string' ? inner : shape(inner) }
    default:
      return { signature: shape(inner) }
  }
}

/**
 * A trait is sealed when a supertrait is a trait of this crate that users cannot name (or is itself
 * sealed): nobody outside can implement it. Unknown (null) when a bound or where-clause is not one
 * whose meaning is sure here (another crate's trait, a where-clause).
 */
export function markSealed(doc: RustdocCrate, surface: Surface): void {
  const publicTraits = new Set<Id>()
  for (const item of surface.values())
    if (item.kind === 'trait' && item.id !== null) publicTraits.add(item.id)
  const memo = new Map<Id, boolean | null>()
  const sealed = (id: Id, stack: Id[]): boolean | null => {
    if (memo.has(id)) return memo.get(id)!
    if (stack.includes(id)) return null
    const item = doc.index[String(id)]
    if (!item || kindOf(item) !== 'trait') return null
    const t = innerOf<{ bounds: unknown[]; generics: { where_predicates: unknown[] } }>(item)
    let result: boolean | null = t.generics.where_predicates.length > 0 ? null : false
    for (const bound of t.bounds) {
      const tb = (bound as { trait_bound?: { trait: { id: Id } } }).trait_bound
      if (!tb) continue
      const superId = tb.trait.id
      const superItem = doc.index[String(superId)]
      if (superItem && superItem.crate_id === 0) {
        if (!publicTraits.has(superId)) return (memo.set(id, true), true)
        const s = sealed(superId, [...stack, id])
        if (s === true) return (memo.set(id, true), true)
        if (s === null) result = null
      } else {
        const crate = doc.paths[String(superId)]?.crate_id
        const name = crate === undefined ? undefined : doc.external_crates[String(crate)]?.name
        if (!name || !STD_CRATES.has(name)) result = null
      }
    }
    memo.set(id, result)
    return result
  }
  for (const item of surface.values())
    if (item.kind === 'trait' && item.id !== null) item.facts.sealed = sealed(item.id, [])
}
