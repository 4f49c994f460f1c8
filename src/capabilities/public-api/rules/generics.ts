// Generics and lifetimes: parameters added, removed or reordered, and bounds made stricter (or, for
// the implementors of a trait method, looser). Pure.
import type { ApiItem } from '../surface.js'
import type { GenericsFacts } from '../type-text.js'
import { change, short, type ApiChange, type DiffContext } from './change.js'

const FN_KINDS = new Set(['function', 'method', 'trait method'])

/** True when the trait the item belongs to can be implemented outside the crate (or may be). */
export function implementable(item: ApiItem, cx: DiffContext): boolean {
  if (item.kind !== 'trait method' && item.kind !== 'associated type' && item.kind !== 'associated constant')
    return false
  const parent = item.parent ? cx.base.get(item.parent) : undefined
  return parent?.facts.sealed === false
}

export function genericsRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const gb = b.facts.generics
  const gh = h.facts.generics
  if (!gb || !gh) return []
  const out: ApiChange[] = []
  const name = short(h.path)
  const isFn = FN_KINDS.has(b.kind)
  const implemented = implementable(b, cx)
  if (isFn) {
    const count = (g: GenericsFacts, k: 'types' | 'consts') => g[k].length
    for (const [k, rule, word] of [
      ['types', 'type-params-changed', 'type'],
      ['consts', 'const-params-changed', 'const']
    ] as const) {
      if (count(gb, k) === count(gh, k)) continue
      // With none before, no caller named them: only a parameter the arguments do not determine breaks calls.
      const breaksCalls = count(gb, k) > 0 || !inferable(h, k === 'types' ? 'T' : 'C')
      const what = `takes ${count(gh, k)} ${word} parameter(s), took ${count(gb, k)}`
      out.push(
        breaksCalls || implemented
          ? change(
              'breaking',
              rule,
              b,
              h,
              what,
              implemented
                ? `an impl of the trait with the old \`${h.path.split('::').pop()}\``
                : `\`${name}::<${Array(count(gb, k)).fill('_').join(', ')}>(…)\``
            )
          : change('changed', 'changed', b, h, `${what}, each one determined by the arguments`)
      )
    }
    if (implemented && gb.lifetimes.length !== gh.lifetimes.length)
      out.push(
        change(
          'breaking',
          'lifetime-params-changed',
          b,
          h,
          `has ${gh.lifetimes.length} lifetime parameter(s), had ${gb.lifetimes.length}`,
          'an impl of the trait that declares the old lifetimes'
        )
      )
  } else {
    const required = (g: GenericsFacts, k: 'types' | 'consts') => g[k].filter(p => !p.hasDefault).length
    for (const [k, rule, word] of [
      ['types', 'type-params-changed', 'type'],
      ['consts', 'const-params-changed', 'const']
    ] as const) {
      const more = required(gh, k) > required(gb, k)
      const fewer = gh[k].length < gb[k].length
      if (more || fewer)
        out.push(
          change(
            'breaking',
            rule,
            b,
            h,
            more
              ? `requires ${required(gh, k)} ${word} parameter(s), required ${required(gb, k)}`
              : `allows ${gh[k].length} ${word} parameter(s), allowed ${gb[k].length}`,
            `\`${name}<${Array(more ? required(gb, k) : gb[k].length)
              .fill('_')
              .join(', ')}>\``
          )
        )
    }
    if (gb.lifetimes.length !== gh.lifetimes.length)
      out.push(
        change(
          'breaking',
          'lifetime-params-changed',
          b,
          h,
          `has ${gh.lifetimes.length} lifetime parameter(s), had ${gb.lifetimes.length}`,
          `\`${name}<${gb.lifetimes.map(() => "'a").join(', ')}${gb.lifetimes.length ? ', ' : ''}…>\` in a field or signature`
        )
      )
  }
  const names = (g: GenericsFacts) => [...g.types.map(p => p.name), ...g.consts.map(p => p.name)]
  const permuted =
    gb.sequence === gh.sequence &&
    names(gb).length === names(gh).length &&
    names(gb).every(n => names(gh).includes(n)) &&
    names(gb).some((n, i) => names(gh)[i] !== n)
  // Parameters of two kinds swapped places, or same-named ones moved (a mere renaming keeps the shape).
  const reorder =
    (gb.sequence !== gh.sequence && [...gb.sequence].sort().join('') === [...gh.sequence].sort().join('')) ||
    (permuted && shapeChanged(b, h, cx))
  const order = (g: GenericsFacts) => {
    let t = 0
    let c = 0
    return [...g.sequence].map(k => (k === 'T' ? g.types[t++].name : g.consts[c++].name)).join(', ')
  }
  if (reorder)
    out.push(
      change(
        'breaking',
        'generics-reordered',
        b,
        h,
        `generic parameters reordered: <${order(gh)}>, were <${order(gb)}>`,
        `\`${name}::<…>\` or \`${name}<…>\` with the arguments in the old order`
      )
    )
  if (!reorder && out.every(c => c.rule !== 'type-params-changed' && c.rule !== 'const-params-changed'))
    out.push(...boundRules(b, h, gb.bounds, gh.bounds, cx, implemented))
  return out
}

/** What the parameters are used for changed, not only their names: a signature, a member's type. */
function shapeChanged(b: ApiItem, h: ApiItem, cx: DiffContext): boolean {
  const shape = (item: ApiItem, rename: (x: string) => string) =>
    JSON.stringify(
      [item.facts.type, item.facts.fn?.inputs, item.facts.fn?.output].map(x =>
        typeof x === 'string' ? rename(x) : Array.isArray(x) ? x.map(rename) : x
      )
    )
  if (shape(b, cx.rename) !== shape(h, x => x)) return true
  for (const item of cx.base.values()) {
    if (!item.path.startsWith(`${b.path}::`) || item.parent === null) continue
    const now = cx.head.get(item.key)
    if (now && shape(item, cx.rename) !== shape(now, x => x)) return true
  }
  return false
}

/** Every type (or const) parameter of the head's function appears in a parameter's type. */
function inferable(h: ApiItem, letter: 'T' | 'C'): boolean {
  const g = h.facts.generics!
  const n = letter === 'T' ? g.types.length : g.consts.length
  const inputs = h.facts.fn?.inputs.join(' ') ?? ''
  for (let i = 0; i < n; i++) if (!new RegExp(`#${letter}${i}\\b`).test(inputs)) return false
  return true
}

const MAYBE_SIZED = ': ?⟦core::marker::Sized⟧'

/** Stricter bounds break who names the item; looser ones break a trait method's implementors. */
export function boundRules(
  b: ApiItem,
  h: ApiItem,
  baseBounds: string[],
  headBounds: string[],
  cx: DiffContext,
  implemented: boolean
): ApiChange[] {
  const out: ApiChange[] = []
  const renamed = baseBounds.map(cx.rename)
  const impliedBase = cx.implied(
    baseBounds.filter(x => !x.endsWith(MAYBE_SIZED)),
    'base'
  )
  const impliedHead = cx.implied(
    headBounds.filter(x => !x.endsWith(MAYBE_SIZED)),
    'head'
  )
  const tightened = [
    ...headBounds.filter(x => !x.endsWith(MAYBE_SIZED) && !impliedBase.has(x)),
    ...renamed
      .filter(x => x.endsWith(MAYBE_SIZED) && !headBounds.includes(x))
      .map(x => `${x.slice(0, -MAYBE_SIZED.length)}: ⟦core::marker::Sized⟧`)
  ]
  const loosened = [
    ...renamed.filter(x => !x.endsWith(MAYBE_SIZED) && !impliedHead.has(x)),
    ...headBounds.filter(x => x.endsWith(MAYBE_SIZED) && !renamed.includes(x))
  ]
  const name = short(h.path)
  const words = (list: string[]) => list.map(x => plain(x, h.facts.generics)).join(', ')
  // An associated type's new bound binds only implementors: none outside a sealed trait.
  if (tightened.length && (b.kind !== 'associated type' || implemented))
    out.push(
      change(
        'breaking',
        'bounds-tightened',
        b,
        h,
        `stricter bounds: ${words(tightened)}`,
        b.kind === 'associated type'
          ? `an impl of the trait whose \`${h.path.split('::').pop()}\` does not meet ${words(tightened)}`
          : FN_KINDS.has(b.kind)
            ? `a call of \`${name}\` with a type that does not meet ${words(tightened)}`
            : `\`${name}<…>\` with a type that does not meet ${words(tightened)}`
      )
    )
  if (loosened.length && (implemented || b.kind === 'associated type'))
    out.push(
      change(
        'breaking',
        'bounds-loosened',
        b,
        h,
        `bounds removed: ${words(loosened)}`,
        b.kind === 'associated type'
          ? `code that relies on \`${h.path.split('::').pop()}\` meeting ${words(loosened)}`
          : `an impl of the trait that repeats ${words(loosened)} (stricter than the trait)`
      )
    )
  return out
}

/** Comparable text as a user reads it: names without the ⟦⟧ marks, parameters by their names. */
export function plain(text: string, g?: GenericsFacts): string {
  return text
    .replace(/⟦([^⟧]+)⟧/g, (_, p: string) => p.split('::').pop()!)
    .replace(
      /#([TC])(\d+)/g,
      (whole, k: string, i: string) => (k === 'T' ? g?.types : g?.consts)?.[Number(i)]?.name ?? whole.slice(1)
    )
}
