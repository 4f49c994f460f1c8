// Items that are gone from their path, or new at one: removed, now #[doc(hidden)] (gone from the
// public API by convention, though it still compiles), an inherent method moved into a trait impl,
// and members added where users' code breaks (variants, fields, required trait items). Pure.
import type { ApiItem } from '../surface.js'
import { change, short, type ApiChange, type DiffContext } from './change.js'

/** The prelude's traits (every edition): their methods resolve without an import. */
const PRELUDE_TRAITS = new Set([
  'Copy',
  'Send',
  'Sized',
  'Sync',
  'Unpin',
  'Drop',
  'Fn',
  'FnMut',
  'FnOnce',
  'Clone',
  'PartialEq',
  'PartialOrd',
  'Eq',
  'Ord',
  'AsRef',
  'AsMut',
  'Into',
  'From',
  'Default',
  'Iterator',
  'Extend',
  'IntoIterator',
  'DoubleEndedIterator',
  'ExactSizeIterator',
  'ToOwned',
  'ToString'
])
const STD = /^(core|alloc|std)::/

export function hiddenNow(b: ApiItem, h: ApiItem): ApiChange {
  return change(
    'breaking',
    'now-hidden',
    b,
    h,
    `${b.kind} is now #[doc(hidden)]: no longer public API`,
    `\`${short(b.path)}\` (still compiles, but hidden items may change in any release)`
  )
}

export function removed(b: ApiItem, cx: DiffContext): ApiChange {
  const name = short(b.path)
  if (b.kind === 'field')
    return change(
      'breaking',
      'field-removed',
      b,
      undefined,
      'public field removed',
      `\`value.${b.path.split('::').pop()}\` or a pattern or literal that names it`
    )
  if (b.kind === 'variant')
    return change('breaking', 'variant-removed', b, undefined, 'variant removed', `\`${name}\``)
  if (b.key.startsWith('symbol '))
    return change(
      'breaking',
      'export-symbol-changed',
      b,
      undefined,
      `no longer exports symbol \`${b.key.slice(7)}\``,
      `\`extern "C" { fn ${b.key.slice(7)}(…); }\` in code linked against it`
    )
  if (b.kind === 're-export')
    return change(
      'changed',
      'changed',
      b,
      undefined,
      `re-export of ${b.facts.source ?? 'another crate'} removed`
    )
  if ((b.kind === 'method' || (b.kind === 'associated constant' && b.key.startsWith('assoc '))) && b.parent) {
    const moved = movedToTrait(b, cx)
    if (moved) return moved
  }
  return change(
    'breaking',
    'removed',
    b,
    undefined,
    `${b.kind} no longer reachable at this path`,
    b.kind === 'method' || b.kind === 'trait method'
      ? `\`value.${b.path.split('::').pop()}(…)\``
      : `\`use ${b.path};\``
  )
}

/** An inherent method now defined only in a trait impl: callers need the trait in scope. */
function movedToTrait(b: ApiItem, cx: DiffContext): ApiChange | null {
  const owner = cx.head.get(b.parent!)
  const method = b.path.split('::').pop()!
  const impl = owner?.facts.impls?.find(i => !i.negative && i.kind !== 'auto' && i.items.includes(method))
  if (!owner || !impl) return null
  const trait = impl.path.split('::').pop()!
  const where = `moved into the impl of ${trait}`
  if (STD.test(impl.path) && PRELUDE_TRAITS.has(trait))
    return change('changed', 'changed', b, undefined, `${where}, a prelude trait: calls still resolve`)
  const use = b.kind === 'method' ? `\`value.${method}(…)\`` : `\`${short(b.path)}\``
  return change(
    'breaking',
    'method-moved-to-trait',
    b,
    undefined,
    `${where}: callers must import ${impl.path}`,
    `${use} without \`use ${impl.path};\``
  )
}

/** A literal can build it with public API: every field public, none hidden, not #[non_exhaustive]. */
function constructible(struct: ApiItem): boolean {
  return struct.facts.allFieldsPublic === true && !struct.facts.hiddenFields && !struct.facts.nonExhaustive
}

export function addedMember(h: ApiItem, parentBase: ApiItem, parentHead: ApiItem): ApiChange {
  const name = short(h.path)
  if (h.kind === 'variant') {
    if (!parentBase.facts.nonExhaustive && !parentHead.facts.nonExhaustive)
      return change(
        'breaking',
        'variant-added',
        undefined,
        h,
        'variant added to an enum without #[non_exhaustive]',
        `\`match value { … }\` over \`${short(parentHead.path)}\` without a wildcard arm`
      )
    return change('addition', 'added', undefined, h, 'variant added to a #[non_exhaustive] enum')
  }
  if (
    h.kind === 'field' &&
    (parentBase.kind === 'struct' || parentBase.kind === 'variant') &&
    constructible(parentBase)
  )
    return change(
      'breaking',
      'field-added',
      undefined,
      h,
      `field added to a ${parentBase.kind === 'variant' ? 'variant' : 'struct'} with only public fields`,
      `\`${short(parentHead.path)} { … }\` (a literal or pattern without \`${h.path.split('::').pop()}\`)`
    )
  if (parentBase.kind === 'trait' && !h.facts.hasDefault) {
    const sealed = parentBase.facts.sealed
    if (sealed === false)
      return change(
        'breaking',
        'required-trait-item-added',
        undefined,
        h,
        `required ${h.kind} (no default) added to a trait that is not sealed`,
        `\`impl ${short(parentHead.path)} for MyType { … }\` without \`${name.split('::').pop()}\``
      )
    if (sealed === null)
      return change(
        'changed',
        'changed',
        undefined,
        h,
        `required ${h.kind} added to a trait that may be sealed`
      )
  }
  return change('addition', 'added', undefined, h, `${h.kind} added`)
}

export { constructible }
