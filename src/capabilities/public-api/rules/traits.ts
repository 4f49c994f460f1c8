// Traits: supertraits, defaults of associated items, unsafety, object safety, sealing, and the trait
// impls of a type (written, derived, auto traits, Sized) or of a trait for other crates' types. Pure.
import { AUTO_TRAITS, type ImplFact } from '../facts-impls.js'
import type { ApiItem } from '../surface.js'
import { change, short, type ApiChange, type DiffContext } from './change.js'
import { boundRules, implementable, plain } from './generics.js'

export function traitRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  if (b.kind === 'trait' && h.kind === 'trait') return traitItself(b, h, cx)
  if (b.facts.impls && h.facts.impls) return implRules(b, h, cx)
  if (b.kind === 'associated type' || b.kind === 'associated constant' || b.kind === 'trait method')
    return traitMember(b, h, cx)
  return []
}

function traitItself(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  const tb = b.facts.trait
  const th = h.facts.trait
  if (!tb || !th) return out
  const name = short(h.path)
  const open = b.facts.sealed === false
  const impliedBase = cx.implied(
    tb.supertraits.map(x => `Self: ${x}`),
    'base'
  )
  const impliedHead = cx.implied(
    th.supertraits.map(x => `Self: ${x}`),
    'head'
  )
  const added = th.supertraits.filter(x => !impliedBase.has(`Self: ${x}`))
  const removed = tb.supertraits.map(cx.rename).filter(x => !impliedHead.has(`Self: ${x}`))
  if (added.length && open)
    out.push(
      change(
        'breaking',
        'supertrait-added',
        b,
        h,
        `new supertrait(s): ${added.map(x => plain(x)).join(', ')}`,
        `\`impl ${name} for MyType {}\` where MyType is not ${added.map(x => plain(x)).join(' + ')}`
      )
    )
  else if (added.length && b.facts.sealed === null)
    out.push(
      change(
        'changed',
        'changed',
        b,
        h,
        `new supertrait(s) of a trait that may be sealed: ${added.map(x => plain(x)).join(', ')}`
      )
    )
  if (removed.length)
    out.push(
      change(
        'breaking',
        'supertrait-removed',
        b,
        h,
        `supertrait(s) removed: ${removed.map(x => plain(x)).join(', ')}`,
        `\`fn f<T: ${name}>(t: T)\` that uses T as ${removed.map(x => plain(x)).join(' + ')}`
      )
    )
  if (open && tb.unsafe !== th.unsafe)
    out.push(
      change(
        'breaking',
        'trait-unsafe-changed',
        b,
        h,
        th.unsafe ? 'trait became unsafe' : 'trait is no longer unsafe',
        th.unsafe
          ? `\`impl ${name} for MyType {}\` (now needs \`unsafe impl\`)`
          : `\`unsafe impl ${name} for MyType {}\``
      )
    )
  if (tb.dynCompatible && !th.dynCompatible)
    out.push(
      change(
        'breaking',
        'no-longer-dyn-compatible',
        b,
        h,
        'trait is no longer dyn compatible (object safe)',
        `\`Box<dyn ${name}>\``
      )
    )
  if (b.facts.sealed === false && h.facts.sealed === true)
    out.push(
      change(
        'breaking',
        'trait-sealed',
        b,
        h,
        'trait became sealed: it can no longer be implemented outside the crate',
        `\`impl ${name} for MyType { … }\``
      )
    )
  const implementors = new Set(th.implementors)
  for (const t of tb.implementors.map(cx.rename))
    if (!implementors.has(t))
      out.push(
        change(
          'breaking',
          'trait-impl-removed',
          b,
          h,
          `no longer implemented for ${plain(t)}`,
          `\`<${plain(t)} as ${name}>::…\` or a ${plain(t)} passed where ${name} is required`
        )
      )
  return out
}

function traitMember(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  const member = h.path.split('::').pop()!
  const trait = short(h.path.split('::').slice(0, -1).join('::'))
  if (b.facts.hasDefault && h.facts.hasDefault === false && implementable(b, cx))
    out.push(
      change(
        'breaking',
        'default-removed',
        b,
        h,
        `${h.kind} no longer has a default`,
        `\`impl ${trait} for MyType { … }\` without \`${member}\``
      )
    )
  if (b.kind === 'associated type' && b.facts.bounds && h.facts.bounds)
    out.push(
      ...boundRules(
        b,
        h,
        b.facts.bounds.map(x => `Self: ${x}`),
        h.facts.bounds.map(x => `Self: ${x}`),
        cx,
        implementable(b, cx)
      )
    )
  return out
}

/** Impls a user can rely on: written or derived (not blanket), and positive. */
function implKey(i: ImplFact): string {
  return `${i.trait} for ${i.for}`
}

function implRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  const name = short(h.path)
  const headImpls = h.facts.impls!
  const positive = headImpls.filter(i => !i.negative)
  const headKeys = new Set(positive.map(implKey))
  const headPaths = new Set(positive.filter(i => i.kind !== 'impl').map(i => i.path))
  for (const i of b.facts.impls!) {
    if (i.kind !== 'impl' || i.negative || AUTO_TRAITS[i.path]) continue
    const key = cx.rename(implKey(i))
    if (headKeys.has(key) || headPaths.has(cx.rename(`⟦${i.path}⟧`).slice(1, -1))) continue
    out.push(
      change(
        'breaking',
        'trait-impl-removed',
        b,
        h,
        `no longer implements ${plain(cx.rename(i.trait))}${i.derived ? ' (derived before)' : ''}`,
        `a \`${name}\` used as ${plain(cx.rename(i.trait))}${i.items.length ? ` (e.g. \`.${i.items[0]}(…)\`)` : ''}`
      )
    )
  }
  for (const [path, auto] of Object.entries(AUTO_TRAITS)) {
    const was = b.facts.impls!.find(i => i.path === path && !i.negative)
    if (!was) continue
    const now = positive.find(i => i.path === path)
    // A condition on a new parameter binds no existing use: with a default it holds as before,
    // without one the type's new arity breaks users already.
    const known = b.facts.generics?.types.length ?? 0
    const added = new Set((h.facts.generics?.types ?? []).map((_, i) => `#T${i}`).slice(known))
    const stricter = now
      ? now.where.filter(w => !was.where.map(cx.rename).includes(w) && !added.has(w.split(':')[0]))
      : []
    if (!now || stricter.length)
      out.push(
        change(
          'breaking',
          'auto-trait-lost',
          b,
          h,
          now ? `is ${auto} only when ${stricter.map(x => plain(x)).join(', ')}` : `no longer ${auto}`,
          `\`fn needs_${auto.toLowerCase()}<T: ${auto}>() {}\` called with \`${name}\``
        )
      )
  }
  const copy = (impls: ImplFact[]) => impls.some(i => i.path === 'core::marker::Copy' && !i.negative)
  if (!copy(b.facts.impls!) && copy(headImpls))
    out.push(
      change(
        'breaking',
        'copy-impl-added',
        b,
        h,
        'now implements Copy: closures that used it by value now borrow it',
        `\`thread::spawn(|| drop(value))\` with a \`${name}\` (no longer moved into the closure)`
      )
    )
  if (!b.facts.unsized && h.facts.unsized)
    out.push(
      change(
        'breaking',
        'no-longer-sized',
        b,
        h,
        'no longer Sized',
        `\`fn f(value: ${name})\` (a by-value use)`
      )
    )
  return out
}
