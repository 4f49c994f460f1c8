// The public API of one crate, as a user can name it: walked from the crate root through public
// modules and `pub use` re-exports (glob ones too), each item keyed by namespace and path, with the
// facts the rules compare. Pure: rustdoc JSON in, a map out.
import { factsContext } from './facts-context.js'
import { markSealed } from './facts-impls.js'
import { exportName, factsOf, fieldIds, type ApiFacts } from './facts.js'
import { innerOf, isDocHidden, kindOf, type Id, type RustdocCrate, type RustdocItem } from './rustdoc.js'
import { paramTokens, typeText } from './type-text.js'

export type { ApiFacts } from './facts.js'

export type ApiKind =
  | 'module'
  | 'function'
  | 'method'
  | 'struct'
  | 'enum'
  | 'union'
  | 'trait'
  | 'trait alias'
  | 'constant'
  | 'static'
  | 'type alias'
  | 'macro'
  | 'field'
  | 'variant'
  | 'trait method'
  | 'associated type'
  | 'associated constant'
  | 're-export'

export interface ApiItem {
  /** Namespace + path: unique within one crate's surface. */
  key: string
  path: string
  kind: ApiKind
  /** Key of the type or trait a member (field, variant, method…) belongs to. */
  parent: string | null
  /** The item's id in its rustdoc document: one item reachable by several paths shares it. */
  id: Id | null
  file: string | null
  line: number | null
  facts: ApiFacts
}

export type Surface = Map<string, ApiItem>

const TYPE_KINDS = new Set(['module', 'struct', 'enum', 'union', 'trait', 'trait_alias', 'type_alias'])
const VALUE_KINDS = new Set(['function', 'constant', 'static'])
const MACRO_KINDS = new Set(['macro', 'proc_attribute', 'proc_derive'])
const MAX_DEPTH = 24

const KIND_NAMES: Record<string, ApiKind> = {
  module: 'module',
  struct: 'struct',
  enum: 'enum',
  union: 'union',
  trait: 'trait',
  trait_alias: 'trait alias',
  type_alias: 'type alias',
  function: 'function',
  constant: 'constant',
  static: 'static',
  macro: 'macro',
  proc_macro: 'macro',
  proc_attribute: 'macro',
  proc_derive: 'macro'
}

function namespace(rustdocKind: string): string {
  if (TYPE_KINDS.has(rustdocKind)) return 'type'
  if (VALUE_KINDS.has(rustdocKind)) return 'value'
  if (MACRO_KINDS.has(rustdocKind)) return 'macro'
  return 'other'
}

interface UseInner {
  source: string
  name: string
  id: Id | null
  is_glob: boolean
}

/** How an item's facts are read once the whole surface (and so every name) is known. */
interface Pending {
  item: RustdocItem
  params?: Map<string, string>
  /** An inherent method's impl type (`Self`). */
  selfType?: unknown
}

/**
 * The surface without `#[doc(hidden)]` items (and what is only reachable through them); with
 * `includeHidden`, with them: an item missing from the first but in the second was hidden, not removed.
 */
export function publicSurface(doc: RustdocCrate, includeHidden = false): Surface {
  const out: Surface = new Map()
  const pending = new Map<string, Pending>()
  const hidden = (item: RustdocItem): boolean => !includeHidden && isDocHidden(item)
  const get = (id: Id | null): RustdocItem | undefined => (id === null ? undefined : doc.index[String(id)])
  const local = (id: Id | null): RustdocItem | undefined => {
    const item = get(id)
    return item && item.crate_id === 0 && !hidden(item) ? item : undefined
  }
  const add = (item: ApiItem, replace = true, how?: Pending): void => {
    if (!replace && out.has(item.key)) return
    out.set(item.key, item)
    if (how) pending.set(item.key, how)
    else pending.delete(item.key)
  }
  const located = (item: RustdocItem | undefined) => ({
    id: item?.id ?? null,
    file: item?.span?.filename ?? null,
    line: item?.span?.begin[0] ?? null
  })

  const walkModule = (module: RustdocItem, path: string[], stack: Id[]): void => {
    if (stack.includes(module.id) || path.length > MAX_DEPTH) return
    const inner = innerOf<{ items: Id[] }>(module)
    const children = inner.items.map(get).filter((i): i is RustdocItem => !!i && !hidden(i))
    const globs: RustdocItem[] = []
    for (const child of children) {
      if (child.visibility !== 'public') continue
      if (kindOf(child) === 'use') {
        const use = innerOf<UseInner>(child)
        if (use.is_glob) globs.push(child)
        else visitUse(child, use, path, [...stack, module.id], true)
      } else if (child.name) visit(child, child.name, path, [...stack, module.id], true)
    }
    // Names declared or imported by name shadow what a glob brings in.
    for (const glob of globs) {
      const use = innerOf<UseInner>(glob)
      const target = local(use.id)
      if (target && kindOf(target) === 'module') {
        for (const id of innerOf<{ items: Id[] }>(target).items) {
          const item = get(id)
          if (!item || item.visibility !== 'public' || hidden(item)) continue
          if (kindOf(item) === 'use') {
            const u = innerOf<UseInner>(item)
            if (!u.is_glob) visitUse(item, u, path, [...stack, module.id], false)
          } else if (item.name) visit(item, item.name, path, [...stack, module.id], false)
        }
      } else if (!target) {
        // Another crate's module: its items cannot be listed from this document.
        add(reexport(glob, [...path, '*'].join('::'), 'type', use.source), false)
      }
      // A glob of a local enum imports its variants; they are compared on the enum itself.
    }
  }

  const reexport = (use: RustdocItem, path: string, ns: string, source: string): ApiItem => ({
    key: `${ns} ${path}`,
    path,
    kind: 're-export',
    parent: null,
    ...located(use),
    facts: { source }
  })

  const visitUse = (use: RustdocItem, inner: UseInner, path: string[], stack: Id[], replace: boolean) => {
    // `pub use Trait as _` brings a trait's methods into scope and names nothing.
    if (inner.name === '_') return
    const target = local(inner.id)
    if (target) return visit(target, inner.name, path, stack, replace)
    const own = get(inner.id)
    if (own && own.crate_id === 0) return // a hidden item of this crate
    const known = inner.id === null ? undefined : doc.paths[String(inner.id)]
    const full = [...path, inner.name].join('::')
    const kind = known ? KIND_NAMES[known.kind] : undefined
    if (known && kind) {
      const item = reexport(use, full, namespace(known.kind), known.path.join('::'))
      add({ ...item, kind, facts: { source: known.path.join('::') } }, replace)
    } else add(reexport(use, full, 'other', inner.source), replace)
  }

  const visit = (item: RustdocItem, name: string, path: string[], stack: Id[], replace: boolean): void => {
    const rk = kindOf(item)
    const kind = KIND_NAMES[rk]
    if (!kind) return
    const full = [...path, name]
    const p = full.join('::')
    const key = `${namespace(rk)} ${p}`
    if (!replace && out.has(key)) return
    add({ key, path: p, kind, parent: null, ...located(item), facts: {} }, true, { item })
    if (rk === 'module') walkModule(item, full, stack)
    else if (rk === 'struct' || rk === 'union' || rk === 'enum') members(item, p, key)
    else if (rk === 'trait') traitItems(item, p, key)
  }

  const member = (
    parentKey: string,
    parentPath: string,
    item: RustdocItem,
    kind: ApiKind,
    group: string,
    how: Omit<Pending, 'item'> = {}
  ): string => {
    const path = `${parentPath}::${item.name ?? '?'}`
    const key = `${group} ${path}`
    add({ key, path, kind, parent: parentKey, ...located(item), facts: {} }, true, { item, ...how })
    return key
  }

  const members = (item: RustdocItem, path: string, key: string): void => {
    const rk = kindOf(item)
    const inner = innerOf<{ variants?: Id[]; impls?: Id[]; generics?: never }>(item)
    const params = paramTokens(inner.generics)
    for (const id of fieldIds(item)) {
      const field = local(id)
      if (field && field.visibility === 'public') member(key, path, field, 'field', 'field', { params })
    }
    if (rk === 'enum')
      for (const id of inner.variants ?? []) {
        const variant = local(id)
        if (!variant) continue
        const vkey = member(key, path, variant, 'variant', 'variant')
        for (const fid of fieldIds(variant)) {
          const field = local(fid)
          if (field) member(vkey, `${path}::${variant.name ?? '?'}`, field, 'field', 'field', { params })
        }
      }
    for (const implId of inner.impls ?? []) {
      const impl = local(implId)
      if (!impl || kindOf(impl) !== 'impl') continue
      const i = innerOf<{
        trait: unknown
        for: unknown
        is_synthetic: boolean
        blanket_impl: unknown
        items: Id[]
        generics?: never
      }>(impl)
      if (i.trait !== null || i.is_synthetic || i.blanket_impl !== null) continue
      // Methods name the impl's parameters (`impl<U> S<U>`): by position, apart from their own.
      const how = { params: paramTokens(i.generics, 'I'), selfType: i.for }
      for (const id of i.items) {
        const assoc = local(id)
        if (!assoc || assoc.visibility !== 'public' || !assoc.name) continue
        if (kindOf(assoc) === 'function') member(key, path, assoc, 'method', 'assoc', how)
        else if (kindOf(assoc) === 'assoc_const')
          member(key, path, assoc, 'associated constant', 'assoc', how)
      }
    }
  }

  const traitItems = (item: RustdocItem, path: string, key: string): void => {
    // The trait's parameters by position, apart from each method's own (`#PT0` beside `#T0`).
    const params = paramTokens(innerOf<{ generics?: never }>(item).generics, 'P')
    for (const id of innerOf<{ items: Id[] }>(item).items) {
      const assoc = local(id)
      if (!assoc?.name) continue
      const rk = kindOf(assoc)
      const kind: ApiKind | null =
        rk === 'function'
          ? 'trait method'
          : rk === 'assoc_type'
            ? 'associated type'
            : rk === 'assoc_const'
              ? 'associated constant'
              : null
      if (kind) member(key, path, assoc, kind, 'titem', { params })
    }
  }

  const root = doc.index[String(doc.root)]
  walkModule(root, [root.name ?? 'crate'], [])
  exportedSymbols(doc, out, hidden, (item, key, path) =>
    add({ key, path, kind: 'function', parent: null, ...located(item), facts: {} }, false, { item })
  )
  const ctx = factsContext(doc, out, hidden)
  for (const [key, how] of pending) {
    const item = out.get(key)!
    const self =
      how.selfType === undefined
        ? null
        : typeText(how.selfType, { name: ctx.name, params: how.params ?? new Map(), self: null })
    item.facts = factsOf({ ...ctx, params: how.params, self }, how.item)
  }
  markSealed(doc, out)
  return out
}

/**
 * Functions exported under a symbol (`#[no_mangle]`, `#[export_name]`) that no public path reaches:
 * their symbol is ABI wherever they are. rustdoc lists them when it documents private items.
 */
function exportedSymbols(
  doc: RustdocCrate,
  surface: Surface,
  hidden: (item: RustdocItem) => boolean,
  add: (item: RustdocItem, key: string, path: string) => void
): void {
  const reached = new Set([...surface.values()].map(i => i.id))
  const crate = doc.index[String(doc.root)]?.name ?? 'crate'
  const exported = Object.values(doc.index).filter(
    item => item.crate_id === 0 && kindOf(item) === 'function' && !reached.has(item.id) && exportName(item)
  )
  if (exported.length === 0) return
  // A method of a hidden type is hidden with it.
  const owner = new Map<Id, RustdocItem>()
  for (const item of Object.values(doc.index)) {
    if (item.crate_id !== 0 || kindOf(item) !== 'impl') continue
    const i = innerOf<{ items: Id[]; for: { resolved_path?: { id: Id } } }>(item)
    const type = i.for.resolved_path ? doc.index[String(i.for.resolved_path.id)] : undefined
    if (type) for (const id of i.items) owner.set(id, type)
  }
  for (const item of exported) {
    const type = owner.get(item.id)
    if (hidden(item) || (type && hidden(type))) continue
    const symbol = exportName(item)!
    add(
      item,
      `symbol ${symbol}`,
      doc.paths[String(item.id)]?.path.join('::') ?? `${crate}::${item.name ?? symbol}`
    )
  }
}
