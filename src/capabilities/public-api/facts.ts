// What the rules compare about one item, read from its rustdoc JSON: generics, signatures, layout
// (repr, kinds, discriminants), trait impls and auto traits, attributes, and the rest as comparable
// text. Facts are plain data (the base side's are cached as JSON). Pure.
import { scopeOf, type FactsContext } from './facts-context.js'
import { implFacts, traitFacts, type ImplFact, type TraitFacts } from './facts-impls.js'
import {
  hasAttr,
  innerOf,
  isDocHidden,
  kindOf,
  shape,
  type Id,
  type RustdocCrate,
  type RustdocItem
} from './rustdoc.js'
import {
  abiText,
  boundsText,
  genericsFacts,
  paramTokens,
  typeText,
  type GenericsFacts,
  type TypeScope
} from './type-text.js'

const FUTURE = '⟦core::future::future::Future⟧'

/** `none`, or how `self` is taken (`owned`, `ref`, `mut`) and its type (`Self`, `⟦…Box⟧<Self>`). */
export type Receiver = 'none' | `${'owned' | 'ref' | 'mut'} ${string}`

export interface FnFacts {
  /** Parameter types in order, the receiver included. */
  inputs: string[]
  output: string
  /** The bounds of an `impl Trait` (or async) return type, sorted; null for other return types. */
  outputBounds: string[] | null
  receiver: Receiver
  isConst: boolean
  abi: string
  /** The symbol `#[no_mangle]` or `#[export_name]` exports, if any. */
  exportName: string | null
  /** Target features it enables (with the ones they imply, without the ones every build has). */
  targetFeatures: string[]
  /** Has a #[target_feature] at all: a safe one can then only be called from `unsafe` code. */
  targetFeature: boolean
}

export interface ReprFacts {
  c: boolean
  transparent: boolean
  int: string | null
  align: number | null
  packed: number | null
}

export interface ApiFacts {
  /** Functions and methods: parameters, `self` included. */
  params?: number
  unsafe?: boolean
  /** Trait methods, associated types and constants: has a default. */
  hasDefault?: boolean
  nonExhaustive?: boolean
  /** Structs and variants: no private field (`..base` can fill the fields of another value). */
  allFieldsPublic?: boolean
  /** Structs and variants: a public field is #[doc(hidden)] (a literal would name non-public API). */
  hiddenFields?: boolean
  /** Traits: true when a supertrait cannot be named outside the crate; null when unsure. */
  sealed?: boolean | null
  /** Re-exports of another crate's item: where it comes from. */
  source?: string
  /** Everything else that a user could notice, as comparable text. */
  signature?: string
  generics?: GenericsFacts
  fn?: FnFacts
  /** Constants, statics, fields, associated constants and type aliases: the type. */
  type?: string
  /** Structs and variants: `unit`, `tuple` or `plain` (named fields). */
  form?: 'unit' | 'tuple' | 'plain'
  repr?: ReprFacts | null
  /** Public fields in declaration order (structs, variants); variants in order (enums). */
  order?: string[]
  /** Enums: each variant's discriminant, explicit or implied; castable: `as` works (all unit variants). */
  discriminants?: Record<string, string>
  castable?: boolean
  mustUse?: boolean
  staticMut?: boolean
  /** Types: their trait impls (derived, written, blanket and auto); unsized: `impl !Sized`. */
  impls?: ImplFact[]
  unsized?: boolean
  /** Type aliases of this crate's types: the kind of item named (`struct`, `enum`…) and a struct's form. */
  aliased?: { kind: string; form: 'unit' | 'tuple' | 'plain' | null }
  /** Derive macros: the helper attributes they accept. */
  helpers?: string[]
  /** Associated types: their bounds. */
  bounds?: string[]
  trait?: TraitFacts
}

/** Field ids of a struct, union or struct-like variant; null entries are private tuple fields. */
export function fieldIds(item: RustdocItem): (Id | null)[] {
  const inner = innerOf<{ kind?: unknown; fields?: Id[] }>(item)
  if (kindOf(item) === 'union') return inner.fields ?? []
  const kind = inner.kind as { plain?: { fields: Id[] }; tuple?: (Id | null)[]; struct?: { fields: Id[] } }
  if (!kind || typeof kind !== 'object') return []
  return kind.plain?.fields ?? kind.tuple ?? kind.struct?.fields ?? []
}

function form(kind: unknown): 'unit' | 'tuple' | 'plain' {
  const k = typeof kind === 'string' ? kind : Object.keys(kind ?? {})[0]
  return k === 'tuple'
    ? 'tuple'
    : k === 'plain' && typeof kind !== 'string'
      ? 'plain'
      : k === 'struct'
        ? 'plain'
        : 'unit'
}

export function reprOf(item: RustdocItem): ReprFacts | null {
  for (const a of item.attrs ?? []) {
    const r = a && typeof a === 'object' ? (a as { repr?: Record<string, unknown> }).repr : undefined
    if (r)
      return {
        c: r.kind === 'c',
        transparent: r.kind === 'transparent',
        int: typeof r.int === 'string' ? r.int : null,
        align: typeof r.align === 'number' ? r.align : null,
        packed: typeof r.packed === 'number' ? r.packed : null
      }
  }
  return null
}

function attrValue(item: RustdocItem, name: string): unknown {
  for (const a of item.attrs ?? [])
    if (a && typeof a === 'object' && name in (a as Record<string, unknown>))
      return (a as Record<string, unknown>)[name]
  return undefined
}

function fields(doc: RustdocCrate, item: RustdocItem) {
  // A variant's fields are as public as its enum.
  const isPublic = (f: RustdocItem) => kindOf(item) === 'variant' || f.visibility === 'public'
  const inner = innerOf<Record<string, unknown>>(item)
  const ids = fieldIds(item)
  const kind = inner.kind as
    { plain?: { has_stripped_fields: boolean }; struct?: { has_stripped_fields: boolean } } | undefined
  const stripped =
    ids.some(id => id === null) ||
    kind?.plain?.has_stripped_fields === true ||
    kind?.struct?.has_stripped_fields === true ||
    inner.has_stripped_fields === true
  const items = ids.map(id => (id === null ? undefined : doc.index[String(id)]))
  const open = items.filter((f): f is RustdocItem => !!f && isPublic(f))
  return {
    allFieldsPublic: !stripped && open.length === items.length,
    hiddenFields: open.some(isDocHidden),
    order: open.filter(f => !isDocHidden(f)).map(f => f.name ?? '?')
  }
}

/** The symbol a function exports (`#[no_mangle]`: its name; `#[export_name]`), if any. */
export function exportName(item: RustdocItem): string | null {
  if (hasAttr(item, 'no_mangle')) return item.name
  return (attrValue(item, 'export_name') as string | undefined) ?? null
}

function fnFacts(item: RustdocItem, s: TypeScope, ctx: FactsContext): FnFacts {
  const inner = innerOf<{
    sig: { inputs: [string, unknown][]; output: unknown }
    header: { is_const: boolean; is_unsafe: boolean; is_async: boolean; abi: unknown }
  }>(item)
  const { sig, header } = inner
  const first = sig.inputs[0]
  let receiver: Receiver = 'none'
  if (first && first[0] === 'self') {
    // `&self` is `ref Self`, `self: &Rc<Self>` is `ref ⟦…Rc⟧<Self>`: how it is borrowed, and what.
    const t = first[1] as { borrowed_ref?: { is_mutable: boolean; type: unknown } }
    const selfScope = { ...s, self: null }
    receiver = t.borrowed_ref
      ? `${t.borrowed_ref.is_mutable ? 'mut' : 'ref'} ${typeText(t.borrowed_ref.type, selfScope)}`
      : `owned ${typeText(t, selfScope)}`
  }
  let output = typeText(sig.output, s)
  let outputBounds: string[] | null = null
  const impl = (sig.output as { impl_trait?: unknown[] } | null)?.impl_trait
  if (header.is_async) {
    outputBounds = [`${FUTURE}<Output = ${output}>`]
    output = `impl ${outputBounds[0]}`
  } else if (impl) outputBounds = boundsText(impl, s).sort()
  // `impl Future` and `impl Future<Output = ()>` (an `async fn` returning nothing) are used alike.
  if (outputBounds) {
    outputBounds = outputBounds.map(b => (b === `${FUTURE}<Output = ()>` ? FUTURE : b))
    output = `impl ${outputBounds.join(' + ')}`
  }
  const tf = attrValue(item, 'target_feature') as { enable?: string[] } | undefined
  return {
    inputs: sig.inputs.map(([, t]) => typeText(t, s)),
    output,
    outputBounds,
    receiver,
    isConst: header.is_const,
    abi: abiText(header.abi),
    exportName: exportName(item),
    targetFeatures: ctx.features(tf?.enable ?? []),
    targetFeature: tf !== undefined
  }
}

export function factsOf(ctx: FactsContext, item: RustdocItem): ApiFacts {
  const { doc } = ctx
  const rk = kindOf(item)
  const inner = innerOf<Record<string, unknown>>(item)
  const nonExhaustive = hasAttr(item, 'non_exhaustive')
  const mustUse = attrValue(item, 'must_use') !== undefined
  const own = paramTokens(inner.generics as never)
  const s = scopeOf(ctx, own)
  switch (rk) {
    case 'function': {
      const header = inner.header as Record<string, unknown>
      const fn = fnFacts(item, s, ctx)
      return {
        params: fn.inputs.length,
        unsafe: header.is_unsafe === true,
        hasDefault: inner.has_body === true,
        generics: genericsFacts(inner.generics as never, s),
        fn,
        mustUse,
        signature: shape({
          inputs: fn.inputs,
          output: fn.output,
          header: { ...header, is_unsafe: undefined }
        })
      }
    }
    case 'struct':
    case 'union': {
      const f = fields(doc, item)
      const typeScope = { ...s, self: null }
      return {
        nonExhaustive,
        allFieldsPublic: f.allFieldsPublic,
        hiddenFields: f.hiddenFields,
        order: f.order,
        form: rk === 'union' ? 'plain' : form(inner.kind),
        repr: reprOf(item),
        generics: genericsFacts(inner.generics as never, typeScope),
        mustUse,
        ...implFacts(ctx, item, own),
        signature: shape({ form: rk === 'union' ? 'union' : form(inner.kind), generics: inner.generics })
      }
    }
    case 'enum': {
      const variants = ((inner.variants as Id[]) ?? []).map(id => doc.index[String(id)]).filter(v => !!v)
      const discriminants: Record<string, string> = {}
      let next = 0n
      let known = true
      for (const v of variants) {
        const d = innerOf<{ discriminant: { value: string } | null }>(v).discriminant
        if (d) {
          try {
            next = BigInt(d.value)
          } catch {
            known = false
          }
        }
        if (known) discriminants[v.name ?? '?'] = next.toString()
        next += 1n
      }
      return {
        nonExhaustive,
        order: variants.map(v => v.name ?? '?'),
        repr: reprOf(item),
        discriminants,
        castable: variants.every(
          v => form(innerOf<{ kind: unknown }>(v).kind) === 'unit' && !hasAttr(v, 'non_exhaustive')
        ),
        generics: genericsFacts(inner.generics as never, { ...s, self: null }),
        mustUse,
        ...implFacts(ctx, item, own),
        signature: shape({ generics: inner.generics })
      }
    }
    case 'variant': {
      const f = fields(doc, item)
      return {
        nonExhaustive,
        allFieldsPublic: f.allFieldsPublic,
        hiddenFields: f.hiddenFields,
        order: f.order,
        form: form(inner.kind),
        signature: shape({ form: form(inner.kind) })
      }
    }
    case 'struct_field':
      return { type: typeText(inner, s), signature: typeText(inner, s) }
    case 'trait': {
      const generics = genericsFacts(inner.generics as never, { ...s, self: null })
      const trait = traitFacts(ctx, item, generics, { ...s, self: null })
      generics.bounds = generics.bounds.filter(b => !b.startsWith('Self: '))
      return { generics, trait, mustUse, signature: shape({ unsafe: inner.is_unsafe }) }
    }
    case 'assoc_type': {
      const bounds = boundsText((inner.bounds as unknown[]) ?? [], s).sort()
      return {
        hasDefault: inner.type !== null,
        bounds,
        generics: genericsFacts(inner.generics as never, s),
        signature: shape({ bounds, default: inner.type === null ? null : typeText(inner.type, s) })
      }
    }
    case 'assoc_const':
      return {
        hasDefault: inner.value !== null,
        type: typeText(inner.type, s),
        signature: typeText(inner.type, s)
      }
    case 'constant':
      return { type: typeText(inner.type, s), signature: typeText(inner.type, s) }
    case 'static':
      return {
        type: typeText(inner.type, s),
        staticMut: inner.is_mutable === true,
        unsafe: inner.is_unsafe === true,
        signature: typeText(inner.type, s)
      }
    case 'type_alias': {
      const target = (inner.type as { resolved_path?: { id: Id | null } }).resolved_path?.id
      const aliased = target === undefined || target === null ? undefined : doc.index[String(target)]
      return {
        type: typeText(inner.type, s),
        generics: genericsFacts(inner.generics as never, s),
        // What the alias names, when it is this crate's (it may be private): a struct keeps its literal.
        ...(aliased && aliased.crate_id === 0
          ? {
              aliased: {
                kind: kindOf(aliased),
                form: kindOf(aliased) === 'struct' ? form(innerOf<{ kind: unknown }>(aliased).kind) : null
              }
            }
          : {}),
        signature: typeText(inner.type, s)
      }
    }
    case 'module':
      return {}
    case 'macro':
      return { signature: typeof inner === 'string' ? inner : shape(inner) }
    case 'proc_macro':
      return {
        helpers: ((inner.helpers as string[] | undefined) ?? []).slice().sort(),
        signature: shape(inner)
      }
    default:
      return { signature: shape(inner) }
  }
}
