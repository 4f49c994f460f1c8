// Warn-level changes, as the reference tool warns: the order of fields or variants changed under a
// derived PartialOrd or repr(C) (code compiles, but compares or lays out differently), and
// #[must_use] added (callers that drop the result get a new warning). Pure.
import type { ApiItem } from '../surface.js'
import { change, reordered, short, type ApiChange, type DiffContext } from './change.js'

const PARTIAL_ORD = 'core::cmp::PartialOrd'

function derivesPartialOrd(item: ApiItem | undefined): boolean {
  return !!item?.facts.impls?.some(i => i.path === PARTIAL_ORD && i.derived && !i.negative)
}

export function warningRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  const name = short(h.path)
  // Variants take the enum's derives and repr.
  const ownerB = b.kind === 'variant' && b.parent ? cx.base.get(b.parent) : b
  const ownerH = h.kind === 'variant' && h.parent ? cx.head.get(h.parent) : h
  const order = b.facts.order && h.facts.order && reordered(b.facts.order, h.facts.order)
  const what = b.kind === 'enum' ? 'variants' : 'fields'
  if (order && derivesPartialOrd(ownerB) && derivesPartialOrd(ownerH))
    out.push(
      change(
        'warning',
        'partial-ord-order-changed',
        b,
        h,
        `${what} reordered under #[derive(PartialOrd)]: ${h.facts.order!.join(', ')} (was ${b.facts.order!.join(', ')})`,
        `\`a < b\` on two \`${short(ownerH!.path)}\` values now compares in another order`
      )
    )
  if (order && what === 'fields' && ownerB?.facts.repr?.c && ownerH?.facts.repr?.c)
    out.push(
      change(
        'warning',
        'repr-c-order-changed',
        b,
        h,
        `fields reordered under repr(C): ${h.facts.order!.join(', ')} (was ${b.facts.order!.join(', ')})`,
        `C code (or \`offset_of!\`) that expects the old field offsets of \`${name}\``
      )
    )
  if (b.facts.mustUse === false && h.facts.mustUse === true)
    out.push(
      change(
        'warning',
        'must-use-added',
        b,
        h,
        '#[must_use] added',
        b.kind === 'function' || b.kind === 'method' || b.kind === 'trait method'
          ? `\`${name}(…);\` (the result dropped) now warns`
          : `a dropped \`${name}\` value now warns`
      )
    )
  return out
}
