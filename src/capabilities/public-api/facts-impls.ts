// A type's trait impls (written, derived, blanket, and the auto traits rustdoc works out), a trait's
// supertraits, object safety and implementors, and whether a trait is sealed. Pure.
import { scopeOf, type FactsContext } from './facts-context.js'
import {
  hasAttr,
  innerOf,
  isDocHidden,
  kindOf,
  type Id,
  type RustdocCrate,
  type RustdocItem
} from './rustdoc.js'
import {
  boundsText,
  genericsFacts,
  impliedBounds,
  typeText,
  type GenericsFacts,
  type TypeScope
} from './type-text.js'

const STD_CRATES = new Set(['std', 'core', 'alloc'])

/** The auto traits users rely on (rustdoc also lists unstable ones, such as Freeze). */
export const AUTO_TRAITS: Record<string, string> = {
  'core::marker::Send': 'Send',
  'core::marker::Sync': 'Sync',
  'core::marker::Unpin': 'Unpin',
  'core::panic::unwind_safe::UnwindSafe': 'UnwindSafe',
  'core::panic::unwind_safe::RefUnwindSafe': 'RefUnwindSafe'
}

const UNNAMEABLE = new Set([
  'core::marker::StructuralPartialEq',
  'core::marker::Freeze',
  'core::marker::UnsafeUnpin'
])

export interface ImplFact {
  /** The trait with its arguments: `⟦core::convert::From⟧<u32>`. */
  trait: string
  /** The trait's path alone. */
  path: string
  /** impl: written or derived for this type; blanket: `impl<T: …> Trait for T`; auto: worked out by rustdoc. */
  kind: 'impl' | 'blanket' | 'auto'
  derived: boolean
  negative: boolean
  /** The impl's conditions: bounds on its parameters and where-clauses. */
  where: string[]
  for: string
  /** Names of the items the impl defines. */
  items: string[]
}

export interface TraitFacts {
  unsafe: boolean
  dynCompatible: boolean
  /** Supertraits (bounds on `Self`), and everything they imply. */
  supertraits: string[]
  implied: string[]
  /** Types of other crates (or primitives) this crate implements the trait for: `u32`, `⟦…String⟧`. */
  implementors: string[]
}

interface RawImpl {
  trait: { path: string; id: Id | null; args: unknown } | null
  for: unknown
  items: Id[]
  provided_trait_methods?: string[]
  generics: {
    params: { name: string; kind: Record<string, unknown> }[]
    where_predicates: Record<string, unknown>[]
  }
  is_negative: boolean
  is_synthetic: boolean
  blanket_impl: unknown
}

function traitNameable(ctx: FactsContext, id: Id | null): boolean {
  if (id === null) return false
  const item = ctx.doc.index[String(id)]
  if (item && item.crate_id === 0) return ctx.nameable.has(id)
  return true
}

export function implFacts(
  ctx: FactsContext,
  item: RustdocItem,
  own: Map<string, string>
): { impls: ImplFact[]; unsized: boolean } {
  const s: TypeScope = { ...scopeOf(ctx, own), self: null }
  const impls: ImplFact[] = []
  let unsized = false
  for (const implId of innerOf<{ impls?: Id[] }>(item).impls ?? []) {
    const implItem = ctx.doc.index[String(implId)]
    if (!implItem || kindOf(implItem) !== 'impl' || ctx.hidden(implItem)) continue
    const i = innerOf<RawImpl>(implItem)
    if (!i.trait) continue
    const path = s.name(i.trait.id, i.trait.path)
    if (i.is_synthetic && path === 'core::marker::Sized') {
      unsized = unsized || i.is_negative
      continue
    }
    if (i.is_synthetic && !AUTO_TRAITS[path]) continue
    // Unstable markers users cannot name (derive(PartialEq) adds StructuralPartialEq).
    if (UNNAMEABLE.has(path)) continue
    if (!traitNameable(ctx, i.trait.id)) continue
    // A blanket impl only says which trait (and which methods) the type gets; an auto trait's impl
    // is for the type itself, under conditions.
    const blanket = !!i.blanket_impl
    const plain = blanket || i.is_synthetic
    impls.push({
      trait: plain ? `⟦${path}⟧` : `⟦${path}⟧${argsOf(i, s)}`,
      path,
      kind: i.is_synthetic ? 'auto' : blanket ? 'blanket' : 'impl',
      derived: hasAttr(implItem, 'automatically_derived'),
      negative: i.is_negative,
      where:
        blanket || (i.generics.where_predicates.length === 0 && i.generics.params.length === 0)
          ? []
          : genericsFacts(i.generics as never, s).bounds,
      for: plain ? '' : typeText(i.for, s),
      // What the impl defines and what the trait provides: all of it callable on the type.
      items: [
        ...i.items.map(id => ctx.doc.index[String(id)]?.name).filter((n): n is string => !!n),
        ...(i.provided_trait_methods ?? [])
      ]
    })
  }
  return { impls, unsized }
}

function argsOf(i: RawImpl, s: TypeScope): string {
  const text = typeText({ resolved_path: { path: '', id: null, args: i.trait?.args ?? null } }, s)
  return text.replace(/^⟦[^⟧]*⟧/, '')
}

export function traitFacts(
  ctx: FactsContext,
  item: RustdocItem,
  generics: GenericsFacts,
  s: TypeScope
): TraitFacts {
  const t = innerOf<{
    is_unsafe: boolean
    is_dyn_compatible?: boolean
    is_object_safe?: boolean
    bounds: unknown[]
    implementations?: Id[]
  }>(item)
  const supers = new Set(boundsText(t.bounds, s))
  for (const b of generics.bounds) if (b.startsWith('Self: ')) supers.add(b.slice('Self: '.length))
  const supertraits = [...supers].sort()
  const implied = [
    ...impliedBounds(
      supertraits.map(x => `Self: ${x}`),
      ctx.supertraits
    )
  ]
    .map(x => x.slice('Self: '.length))
    .sort()
  const implementors: string[] = []
  for (const id of t.implementations ?? []) {
    const implItem = ctx.doc.index[String(id)]
    if (!implItem || kindOf(implItem) !== 'impl' || ctx.hidden(implItem)) continue
    const i = innerOf<RawImpl>(implItem)
    if (i.blanket_impl || i.is_synthetic || i.is_negative) continue
    // Impls for this crate's types are listed on the type.
    const forId = (i.for as { resolved_path?: { id: Id } }).resolved_path?.id
    const forItem = forId === undefined ? undefined : ctx.doc.index[String(forId)]
    if (forItem && forItem.crate_id === 0) continue
    implementors.push(`${typeText(i.for, s)}${argsOf(i, s) ? ` as ${argsOf(i, s)}` : ''}`)
  }
  return {
    unsafe: t.is_unsafe,
    dynCompatible: t.is_dyn_compatible ?? t.is_object_safe ?? true,
    supertraits,
    implied,
    implementors: implementors.sort()
  }
}

function requiredHidden(item: RustdocItem | undefined): boolean {
  if (!item || !isDocHidden(item)) return false
  const inner = innerOf<{ has_body?: boolean; type?: unknown; value?: unknown }>(item)
  const kind = kindOf(item)
  return kind === 'function'
    ? !inner.has_body
    : kind === 'assoc_type'
      ? !inner.type
      : kind === 'assoc_const'
        ? inner.value === null
        : false
}

/**
 * A trait is sealed when a supertrait is a trait of this crate that users cannot name (or is itself
 * sealed): nobody outside can implement it. Unknown (null) when a bound or where-clause is not one
 * whose meaning is sure here (another crate's trait, a where-clause).
 */
export function markSealed(
  doc: RustdocCrate,
  surface: { values(): Iterable<{ kind: string; id: Id | null; facts: { sealed?: boolean | null } }> }
): void {
  const publicTraits = new Set<Id>()
  for (const item of surface.values())
    if (item.kind === 'trait' && item.id !== null) publicTraits.add(item.id)
  const memo = new Map<Id, boolean | null>()
  const sealed = (id: Id, stack: Id[]): boolean | null => {
    if (memo.has(id)) return memo.get(id)!
    if (stack.includes(id)) return null
    const item = doc.index[String(id)]
    if (!item || kindOf(item) !== 'trait') return null
    const t = innerOf<{ bounds: unknown[]; generics: { where_predicates: unknown[] }; items: Id[] }>(item)
    // A required item only hidden API can name: implementing it is not public API.
    if (t.items.some(i => requiredHidden(doc.index[String(i)]))) return (memo.set(id, true), true)
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
