// Compares two public surfaces of one crate: each item on both sides through the rule families
// (rules/*), and what is gone or new. Breaking only where the rule is certain; anything else that
// differs is "changed", never breaking. Pure.
import type { ApiItem, Surface } from './surface.js'
import { byCodeUnit } from '../../order.js'
import {
  change,
  diffContext,
  short,
  type ApiChange,
  type ChangeClass,
  type DiffContext
} from './rules/change.js'
import { genericsRules } from './rules/generics.js'
import { addedMember, hiddenNow, removed } from './rules/presence.js'
import { signatureRules } from './rules/signatures.js'
import { traitRules } from './rules/traits.js'
import { kindRules, typeRules } from './rules/types.js'
import { warningRules } from './rules/warnings.js'

export {
  CHANGE_RULES,
  type ApiChange,
  type ChangeClass,
  type ChangeRule,
  type Location
} from './rules/change.js'

/**
 * `headWithHidden`/`baseWithHidden`: each side's surface with `#[doc(hidden)]` items: what is hidden
 * on the head was not removed (it became hidden); what was hidden on the base is not new.
 */
export function diffSurfaces(
  base: Surface,
  head: Surface,
  headWithHidden: Surface = head,
  baseWithHidden: Surface = base
): ApiChange[] {
  const cx = diffContext(base, head, headWithHidden, baseWithHidden)
  const changes: ApiChange[] = []
  const gone = typePaths(base, headWithHidden)
  const hiddenNowPaths = new Set([...typePaths(base, head)].filter(p => !gone.has(p)))
  const fresh = typePaths(head, baseWithHidden)
  const reshaped = new Set<string>()
  for (const b of base.values()) {
    const h = head.get(b.key)
    const stillThere = headWithHidden.get(b.key)
    if (h) {
      const found = compare(b, h, cx)
      if (
        found.some(
          c =>
            c.rule === 'kind-changed' || c.rule === 'variant-kind-changed' || c.rule === 'struct-kind-changed'
        )
      )
        reshaped.add(b.key)
      changes.push(...found)
    } else if (stillThere) {
      // Reported once, at the outermost item that became hidden.
      if (!under(b.path, hiddenNowPaths)) changes.push(hiddenNow(b, stillThere))
    } else if (!under(b.path, gone) && (!b.parent || headWithHidden.has(b.parent))) {
      const parentB = b.parent ? base.get(b.parent) : undefined
      const parentH = b.parent ? head.get(b.parent) : undefined
      if (parentB && parentH && parentB.kind !== parentH.kind) {
        // Reported on the parent; through an alias, members are those of the aliased type.
        const target = parentH.kind === 'type alias' ? aliasTarget(parentH, cx) : undefined
        if (!target) continue
        const moved = head.get(`${b.key.slice(0, b.key.indexOf(' '))} ${target}::${b.path.split('::').pop()}`)
        changes.push(...(moved ? compare(b, moved, cx) : [removed(b, cx)]))
      } else {
        const gone = removed(b, cx)
        // Where what held it is now: a removed field is looked for in its struct.
        if (parentH) gone.head = { file: parentH.file, line: parentH.line }
        changes.push(gone)
      }
    }
  }
  // Hidden members count where they break users (a required trait item, a variant, a field a literal
  // must name); what was hidden on the base and is visible now is not new.
  for (const h of headWithHidden.values()) {
    if (base.has(h.key) || baseWithHidden.has(h.key)) continue
    if (h.parent && reshaped.has(h.parent)) continue
    const visible = head.has(h.key)
    const parentBase = h.parent ? base.get(h.parent) : undefined
    const parentHead = h.parent ? headWithHidden.get(h.parent) : undefined
    if (parentBase && parentHead) {
      const added = addedMember(h, parentBase, parentHead)
      if (visible || added.class === 'breaking') changes.push(added)
    } else if (visible && !under(h.path, fresh) && !h.parent)
      changes.push(change('addition', 'added', undefined, h, `${h.kind} added`))
  }
  const order: Record<ChangeClass, number> = { breaking: 0, warning: 1, changed: 2, addition: 3 }
  return dedupe(changes).sort((a, b) => order[a.class] - order[b.class] || byCodeUnit(a.path, b.path))
}

/** The item a type alias names, when it is a type of the head's surface. */
function aliasTarget(alias: ApiItem, cx: DiffContext): string | undefined {
  const m = /^⟦([^⟧]+)⟧/.exec(alias.facts.type ?? '')
  return m && cx.head.has(`type ${m[1]}`) ? m[1] : undefined
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

function compare(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  if (b.kind !== h.kind)
    return b.kind === 're-export' || h.kind === 're-export'
      ? [change('changed', 'changed', b, h, `was a ${b.kind}, now a ${h.kind}`)]
      : kindRules(b, h, cx)
  const out: ApiChange[] = [
    ...signatureRules(b, h, cx),
    ...genericsRules(b, h, cx),
    ...typeRules(b, h, cx),
    ...traitRules(b, h, cx),
    ...exhaustiveness(b, h, cx),
    ...warningRules(b, h, cx)
  ]
  if (out.some(c => c.class === 'breaking' || c.class === 'warning')) return out
  const differs = FALLBACK_KEYS.filter(k => JSON.stringify(b.facts[k]) !== JSON.stringify(h.facts[k]))
  if (differs.length > 0 && out.length === 0)
    out.push(change('changed', 'changed', b, h, describe(b, h, differs)))
  return out
}

const FALLBACK_KEYS = [
  'signature',
  'nonExhaustive',
  'hasDefault',
  'unsafe',
  'allFieldsPublic',
  'source'
] as const

/** #[non_exhaustive] added, and private fields added to a struct users could build. */
function exhaustiveness(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  const name = short(h.path)
  // Under #[non_exhaustive] a struct can no longer be built outside, even with `..base`.
  const fillable = b.facts.allFieldsPublic === true && !b.facts.nonExhaustive
  if ((b.kind === 'enum' || b.kind === 'struct') && !b.facts.nonExhaustive && h.facts.nonExhaustive) {
    if (b.kind === 'enum' || fillable)
      out.push(
        change(
          'breaking',
          'non-exhaustive-added',
          b,
          h,
          `${h.kind} newly marked #[non_exhaustive]`,
          b.kind === 'enum'
            ? `\`match value { … }\` over \`${name}\` without a wildcard arm`
            : `\`${name} { … }\` (a struct literal)`
        )
      )
    else
      out.push(
        change('changed', 'changed', b, h, `${h.kind} newly marked #[non_exhaustive] (it had private fields)`)
      )
  }
  if (
    (b.kind === 'struct' || b.kind === 'variant') &&
    b.facts.form === h.facts.form &&
    fillable &&
    h.facts.allFieldsPublic === false &&
    !h.facts.nonExhaustive &&
    !madePrivate(b, cx)
  )
    out.push(
      change(
        'breaking',
        'field-added',
        b,
        h,
        `private field added to a ${b.kind} with only public fields`,
        `\`${name} { …, ..other }\` or a literal`
      )
    )
  return out
}

/** A public field of the base struct is no longer public: that is reported as removed, not as added. */
function madePrivate(b: ApiItem, cx: DiffContext): boolean {
  for (const item of cx.base.values()) if (item.parent === b.key && !cx.head.has(item.key)) return true
  return false
}

function describe(b: ApiItem, h: ApiItem, keys: readonly string[]): string {
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
