// Types: layout (repr), discriminants, the kind of a struct or variant, a variant newly
// #[non_exhaustive], and an item that became another kind of item. Pure.
import type { ReprFacts } from '../facts.js'
import type { ApiItem } from '../surface.js'
import { change, short, type ApiChange, type DiffContext } from './change.js'

const FORM_WORDS = { unit: 'a unit', tuple: 'a tuple', plain: 'a braced' }

function reprText(r: ReprFacts | null | undefined): string {
  if (!r) return 'no repr'
  const parts = [
    ...(r.c ? ['C'] : []),
    ...(r.transparent ? ['transparent'] : []),
    ...(r.int ? [r.int] : []),
    ...(r.align ? [`align(${r.align})`] : []),
    ...(r.packed ? [`packed(${r.packed})`] : [])
  ]
  return parts.length ? `repr(${parts.join(', ')})` : 'no repr'
}

export function typeRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  const name = short(h.path)
  const rb = b.facts.repr
  const rh = h.facts.repr
  if (b.facts.repr !== undefined) {
    const lost: string[] = []
    if (rb?.c && !rh?.c) lost.push('repr(C) removed')
    // Transparent over a private field is not a promise rustdoc makes public.
    if (rb?.transparent && !rh?.transparent && (b.facts.order ?? []).length > 0)
      lost.push('repr(transparent) removed')
    if (rb?.int && rb.int !== rh?.int)
      lost.push(rh?.int ? `repr(${rb.int}) is now repr(${rh.int})` : `repr(${rb.int}) removed`)
    if ((rb?.align ?? null) !== (rh?.align ?? null))
      lost.push(
        `alignment is ${rh?.align ? `align(${rh.align})` : 'the default'}, was ${rb?.align ? `align(${rb.align})` : 'the default'}`
      )
    if ((rb?.packed ?? null) !== (rh?.packed ?? null))
      lost.push(
        `packing is ${rh?.packed ? `packed(${rh.packed})` : 'none'}, was ${rb?.packed ? `packed(${rb.packed})` : 'none'}`
      )
    if (lost.length)
      out.push(
        change(
          'breaking',
          'repr-changed',
          b,
          h,
          `${lost.join(', ')} (${reprText(rh)}, was ${reprText(rb)})`,
          `code that relies on \`${name}\`'s layout: FFI, \`transmute\`, \`size_of\`/\`align_of\``
        )
      )
  }
  if (b.kind === 'enum' && h.kind === 'enum') out.push(...discriminantRules(b, h, cx))
  if (b.kind === 'variant' && h.kind === 'variant') {
    // A #[non_exhaustive] variant is only matched as `V { .. }`, which fits every kind; `V {}` also
    // builds and matches a unit variant.
    const emptyBraced =
      b.facts.form === 'plain' &&
      h.facts.form === 'unit' &&
      (b.facts.order ?? []).length === 0 &&
      !b.facts.hiddenFields
    if (b.facts.form !== h.facts.form && !b.facts.nonExhaustive && !emptyBraced)
      out.push(
        change(
          'breaking',
          'variant-kind-changed',
          b,
          h,
          `is ${FORM_WORDS[h.facts.form!]} variant, was ${FORM_WORDS[b.facts.form!]} variant`,
          `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(..)' : ' { .. }'}\` as a pattern or constructor`
        )
      )
    if (!b.facts.nonExhaustive && h.facts.nonExhaustive)
      out.push(
        change(
          'breaking',
          'variant-non-exhaustive-added',
          b,
          h,
          'variant newly marked #[non_exhaustive]',
          `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(…)' : ' { … }'}\` built or matched outside the crate`
        )
      )
  }
  if (b.kind === 'struct' && h.kind === 'struct' && b.facts.form !== h.facts.form) {
    const constructible = b.facts.allFieldsPublic === true && !b.facts.hiddenFields && !b.facts.nonExhaustive
    const what = `is ${FORM_WORDS[h.facts.form!]} struct, was ${FORM_WORDS[b.facts.form!]} struct`
    out.push(
      constructible
        ? change(
            'breaking',
            'struct-kind-changed',
            b,
            h,
            what,
            `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(…)' : ' { … }'}\` as a constructor or pattern`
          )
        : change('changed', 'changed', b, h, `${what} (no field was public)`)
    )
  }
  return out
}

function discriminantRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  // A discriminant is public when `as` can read it, or when an integer repr makes it the layout.
  const visible = b.facts.castable === true || !!b.facts.repr?.int
  if (!visible) return out
  if (b.facts.castable && h.facts.castable === false && !b.facts.repr?.int)
    out.push(
      change(
        'breaking',
        'no-longer-castable',
        b,
        h,
        'a variant with fields (or #[non_exhaustive]) was added: the enum can no longer be cast with `as`',
        `\`${short(h.path)}::… as i32\``
      )
    )
  for (const [variant, value] of Object.entries(b.facts.discriminants ?? {})) {
    const now = h.facts.discriminants?.[variant]
    if (now === undefined || now === value) continue
    const vb = cx.baseWithHidden.get(`variant ${b.path}::${variant}`)
    const vh = cx.headWithHidden.get(`variant ${h.path}::${variant}`)
    if (!vh) continue
    out.push(
      change(
        'breaking',
        'discriminant-changed',
        vb ?? b,
        vh,
        `discriminant is ${now}, was ${value}`,
        `\`${short(vh.path)} as i64 == ${value}\``
      )
    )
  }
  return out
}

/** An item that became another kind of item under the same name (a struct now an enum, a type alias…). */
export function kindRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const what = `was ${article(b.kind)}, now ${article(h.kind)}`
  const name = short(h.path)
  // A static is used like the constant it was, except in const contexts (patterns, array lengths).
  if (b.kind === 'static' && h.kind === 'constant')
    return [change('changed', 'changed', b, h, `${what} (one value per use now)`)]
  if (b.kind === 'constant' && h.kind === 'static')
    return [
      change('breaking', 'kind-changed', b, h, what, `\`${name}\` as a pattern (\`matches!(x, ${name})\`)`)
    ]
  if (b.kind === 'struct' && h.kind === 'type alias') {
    // Through an alias of a struct of the same kind and generics, a braced struct is still named,
    // built and matched; a tuple or unit struct loses its constructor.
    const gb = b.facts.generics
    const gh = h.facts.generics
    const target = /^⟦([^⟧]+)⟧/.exec(h.facts.type ?? '')?.[1]
    const aliased = target ? cx.head.get(`type ${target}`) : undefined
    const sameGenerics =
      !!gb &&
      !!gh &&
      gb.lifetimes.length === gh.lifetimes.length &&
      gb.sequence === gh.sequence &&
      gb.types.every((t, i) => t.hasDefault === gh.types[i].hasDefault) &&
      gb.consts.every((t, i) => t.hasDefault === gh.consts[i].hasDefault)
    const named = aliased ? { kind: aliased.kind, form: aliased.facts.form } : h.facts.aliased
    const sameStruct = named?.kind === 'struct' && named.form === b.facts.form
    const constructor = b.facts.form !== 'plain' && b.facts.allFieldsPublic === true && !b.facts.nonExhaustive
    if (sameGenerics && sameStruct && !constructor)
      return [change('changed', 'changed', b, h, `${what} of a struct with the same generics`)]
    const why = !sameStruct
      ? `${what} of ${named ? article(named.kind) : 'another type'}`
      : !sameGenerics
        ? `${what} with other generics`
        : `${what}: an alias has no ${b.facts.form === 'unit' ? 'unit value' : 'tuple constructor'}`
    return [
      change(
        'breaking',
        'kind-changed',
        b,
        h,
        why,
        !sameGenerics
          ? `\`${name}<…>\` with the struct's generic arguments`
          : `\`${name}${b.facts.form === 'unit' ? '' : b.facts.form === 'tuple' ? '(…)' : ' { .. }'}\``
      )
    ]
  }
  return [change('breaking', 'kind-changed', b, h, what, `code that uses \`${name}\` as ${article(b.kind)}`)]
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`
}
