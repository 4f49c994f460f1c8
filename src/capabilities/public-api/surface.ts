// The public API of one crate, as a user can name it: walked from the crate root through public
// modules and `pub use` re-exports (glob ones too), each item keyed by namespace and path, with the
// facts the rules compare. Pure: rustdoc JSON in, a map out.
import { factsOf, fieldIds, markSealed } from './facts.js'
import { innerOf, isDocHidden, kindOf, type Id, type RustdocCrate, type RustdocItem } from './rustdoc.js'

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
  | 'feature'

export interface ApiFacts {
  /** Functions and methods: parameters, `self` included. */
  params?: number
  unsafe?: boolean
  /** Trait methods, associated types and constants: has a default. */
  hasDefault?: boolean
  nonExhaustive?: boolean
  /** Structs: no private (or hidden) field, so a literal can build it. */
  allFieldsPublic?: boolean
  /** Traits: true when a supertrait cannot be named outside the crate; null when unsure. */
  sealed?: boolean | null
  /** Re-exports of another crate's item: where it comes from. */
  source?: string
  /** Everything else that a user could notice, as comparable text. */
  signature?: string
}

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

/**
 * The surface without `#[doc(hidden)]` items (and what is only reachable through them); with
 * `includeHidden`, with them: an item missing from the first but in the second was hidden, not removed.
 */
export function publicSurface(doc: RustdocCrate, includeHidden = false): Surface {
  const out: Surface = new Map()
  const hidden = (item: RustdocItem): boolean => !includeHidden && isDocHidden(item)
  const get = (id: Id | null): RustdocItem | undefined => (id === null ? undefined : doc.index[String(id)])
  const local = (id: Id | null): RustdocItem | undefined => {
    const item = get(id)
    return item && item.crate_id === 0 && !hidden(item) ? item : undefined
  }
  const add = (item: ApiItem, replace = true): void => {
    if (replace || !out.has(item.key)) out.set(item.key, item)
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
    const target = local(inner.id)
    if (target) return visit(target, inner.name, path, stack, replace)
    const known = inner.id === null ? undefined : doc.paths[String(inner.id)]
    if (get(inner.id) && !known) return // a hidden item of this crate
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
    add({ key, path: p, kind, parent: null, ...located(item), facts: factsOf(doc, item) })
    if (rk === 'module') walkModule(item, full, stack)
    else if (rk === 'struct' || rk === 'union' || rk === 'enum') members(item, p, key)
    else if (rk === 'trait') traitItems(item, p, key)
  }

  const member = (parentKey: string, parentPath: string, item: RustdocItem, kind: ApiKind, group: string) => {
    const path = `${parentPath}::${item.name ?? '?'}`
    add({
      key: `${group} ${path}`,
      path,
      kind,
      parent: parentKey,
      ...located(item),
      facts: factsOf(doc, item)
    })
  }

  const members = (item: RustdocItem, path: string, key: string): void => {
    const rk = kindOf(item)
    const inner = innerOf<{ variants?: Id[]; impls?: Id[] }>(item)
    for (const id of fieldIds(item)) {
      const field = local(id)
      if (field && field.visibility === 'public') member(key, path, field, 'field', 'field')
    }
    if (rk === 'enum')
      for (const id of inner.variants ?? []) {
        const variant = local(id)
        if (variant) member(key, path, variant, 'variant', 'variant')
      }
    for (const implId of inner.impls ?? []) {
      const impl = local(implId)
      if (!impl || kindOf(impl) !== 'impl') continue
      const i = innerOf<{ trait: unknown; is_synthetic: boolean; blanket_impl: unknown; items: Id[] }>(impl)
      if (i.trait !== null || i.is_synthetic || i.blanket_impl !== null) continue
      for (const id of i.items) {
        const assoc = local(id)
        if (!assoc || assoc.visibility !== 'public' || !assoc.name) continue
        if (kindOf(assoc) === 'function') member(key, path, assoc, 'method', 'assoc')
        else if (kindOf(assoc) === 'assoc_const') member(key, path, assoc, 'associated constant', 'assoc')
      }
    }
  }

  const traitItems = (item: RustdocItem, path: string, key: string): void => {
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
      if (kind) member(key, path, assoc, kind, 'titem')
    }
  }

  const root = doc.index[String(doc.root)]
  walkModule(root, [root.name ?? 'crate'], [])
  markSealed(doc, out)
  return out
}
