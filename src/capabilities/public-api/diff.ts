// Compares two public surfaces of one crate. Breaking only where the rule is certain (the kinds the
// gate checks); anything else that differs is "changed", never breaking. Pure.
import type { ApiItem, ApiKind, Surface } from './surface.js'
import { byCodeUnit } from '../../order.js'

export type ChangeClass = 'breaking' | 'addition' | 'changed'

/** Stable rule names: scripts read them from the `api-changes` output. */
export type ChangeRule =
  | 'removed'
  | 'params-changed'
  | 'became-unsafe'
  | 'field-removed'
  | 'field-added'
  | 'variant-added'
  | 'variant-removed'
  | 'non-exhaustive-added'
  | 'required-trait-item-added'
  | 'feature-removed'
  | 'added'
  | 'changed'

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
}

/** `headWithHidden`: the head's surface with `#[doc(hidden)]` items: what was hidden is not removed. */
export function diffSurfaces(base: Surface, head: Surface, headWithHidden: Surface = head): ApiChange[] {
  const changes: ApiChange[] = []
  const gone = typePaths(base, headWithHidden)
  const hiddenNow = new Set([...typePaths(base, head)].filter(p => !gone.has(p)))
  const fresh = typePaths(head, base)
  for (const b of base.values()) {
    const h = head.get(b.key)
    const stillThere = headWithHidden.get(b.key)
    if (h) changes.push(...compare(b, h, base, head))
    else if (stillThere) {
      // Still compiles for its users: reported once, at the outermost item that became hidden.
      if (!under(b.path, hiddenNow))
        changes.push(change('changed', 'changed', stillThere, `${b.kind} is now #[doc(hidden)]`))
    } else if (!under(b.path, gone) && (!b.parent || headWithHidden.has(b.parent))) changes.push(removed(b))
  }
  for (const h of head.values()) {
    if (base.has(h.key)) continue
    if (h.parent && base.has(h.parent)) changes.push(addedMember(h, base.get(h.parent)!, head.get(h.parent)!))
    else if (!under(h.path, fresh) && !h.parent)
      changes.push(change('addition', 'added', h, `${h.kind} added`))
  }
  const order: Record<ChangeClass, number> = { breaking: 0, changed: 1, addition: 2 }
  return dedupe(changes).sort((a, b) => order[a.class] - order[b.class] || byCodeUnit(a.path, b.path))
}

/** Paths of type-namespace items (modules, types, traits) of `a` that `b` lacks. */
function typePaths(a: Surface, b: Surface): Set<string> {
  const out = new Set<string>()
  for (const item of a.values()) if (item.key.startsWith('type ') && !b.has(item.key)) out.add(item.path)
  return out
}

/** True when a proper prefix of `path` is in `set`: the change is reported on that ancestor. */
function under(path: string, set: Set<string>): boolean {
  const parts = path.split('::')
  for (let i = parts.length - 1; i > 0; i--) if (set.has(parts.slice(0, i).join('::'))) return true
  return false
}

function change(
  cls: ChangeClass,
  rule: ChangeRule,
  item: ApiItem,
  what: string,
  side: 'head' | 'base' = 'head'
): ApiChange {
  return { class: cls, rule, path: item.path, kind: item.kind, what, side, file: item.file, line: item.line }
}

function removed(b: ApiItem): ApiChange {
  if (b.kind === 'field') return change('breaking', 'field-removed', b, 'public field removed', 'base')
  if (b.kind === 'variant') return change('breaking', 'variant-removed', b, 'variant removed', 'base')
  if (b.kind === 're-export')
    return change(
      'changed',
      'changed',
      b,
      `re-export of ${b.facts.source ?? 'another crate'} removed`,
      'base'
    )
  return change('breaking', 'removed', b, `${b.kind} no longer reachable at this path`, 'base')
}

function addedMember(h: ApiItem, parentBase: ApiItem, parentHead: ApiItem): ApiChange {
  if (h.kind === 'variant') {
    if (!parentBase.facts.nonExhaustive && !parentHead.facts.nonExhaustive)
      return change('breaking', 'variant-added', h, 'variant added to an enum without #[non_exhaustive]')
    return change('addition', 'added', h, 'variant added to a #[non_exhaustive] enum')
  }
  if (h.kind === 'field' && parentBase.kind === 'struct' && constructible(parentBase))
    return change('breaking', 'field-added', h, 'field added to a struct with only public fields')
  if (parentBase.kind === 'trait' && !h.facts.hasDefault) {
    const sealed = parentBase.facts.sealed
    if (sealed === false)
      return change(
        'breaking',
        'required-trait-item-added',
        h,
        `required ${h.kind} (no default) added to a trait that is not sealed`
      )
    if (sealed === null)
      return change('changed', 'changed', h, `required ${h.kind} added to a trait that may be sealed`)
  }
  return change('addition', 'added', h, `${h.kind} added`)
}

function constructible(struct: ApiItem): boolean {
  return struct.facts.allFieldsPublic === true && !struct.facts.nonExhaustive
}

function compare(b: ApiItem, h: ApiItem, base: Surface, head: Surface): ApiChange[] {
  if (b.kind !== h.kind) return [change('changed', 'changed', h, `was a ${b.kind}, now a ${h.kind}`)]
  const out: ApiChange[] = []
  if (b.facts.params !== undefined && h.facts.params !== undefined && b.facts.params !== h.facts.params)
    out.push(
      change('breaking', 'params-changed', h, `takes ${h.facts.params} parameter(s), took ${b.facts.params}`)
    )
  if (b.facts.unsafe === false && h.facts.unsafe === true)
    out.push(change('breaking', 'became-unsafe', h, `${h.kind} became unsafe`))
  if ((b.kind === 'enum' || b.kind === 'struct') && !b.facts.nonExhaustive && h.facts.nonExhaustive) {
    if (b.kind === 'enum' || constructible(b))
      out.push(change('breaking', 'non-exhaustive-added', h, `${h.kind} newly marked #[non_exhaustive]`))
    else
      out.push(
        change('changed', 'changed', h, `${h.kind} newly marked #[non_exhaustive] (it had private fields)`)
      )
  }
  if (
    b.kind === 'struct' &&
    constructible(b) &&
    h.facts.allFieldsPublic === false &&
    !madePrivate(b, base, head)
  )
    out.push(change('breaking', 'field-added', h, 'private field added to a struct with only public fields'))
  if (out.length > 0) return out
  const differs = (Object.keys({ ...b.facts, ...h.facts }) as (keyof typeof b.facts)[]).filter(
    k => k !== 'sealed' && b.facts[k] !== h.facts[k]
  )
  if (differs.length > 0) out.push(change('changed', 'changed', h, describe(b, h, differs)))
  return out
}

/** A public field of the base struct is no longer public: that is reported as removed, not as added. */
function madePrivate(b: ApiItem, base: Surface, head: Surface): boolean {
  for (const item of base.values()) if (item.parent === b.key && !head.has(item.key)) return true
  return false
}

function describe(b: ApiItem, h: ApiItem, keys: string[]): string {
  const words: string[] = []
  for (const k of keys) {
    if (k === 'signature') words.push(b.kind === 'field' ? 'type changed' : 'signature changed')
    else if (k === 'nonExhaustive')
      words.push(h.facts.nonExhaustive ? '#[non_exhaustive] added' : '#[non_exhaustive] removed')
    else if (k === 'hasDefault') words.push(h.facts.hasDefault ? 'default added' : 'default removed')
    else if (k === 'unsafe') words.push('no longer unsafe')
    else if (k === 'allFieldsPublic')
      words.push(h.facts.allFieldsPublic ? 'fields now all public' : 'private field added')
    else if (k === 'source') words.push(`now re-exports ${h.facts.source ?? '?'}`)
  }
  return words.join(', ') || 'changed'
}

/** One item reachable by several paths is reported once per rule, at its shortest path. */
function dedupe(changes: ApiChange[]): ApiChange[] {
  const seen = new Map<string, ApiChange>()
  for (const c of [...changes].sort((x, y) => x.path.length - y.path.length || byCodeUnit(x.path, y.path))) {
    const id =
      c.side === 'head' && c.file
        ? `${c.rule}|${c.what}|${c.file}:${c.line}|${c.path.split('::').pop()}`
        : `${c.rule}|${c.path}|${c.kind}`
    if (!seen.has(id)) seen.set(id, c)
  }
  return [...seen.values()]
}
