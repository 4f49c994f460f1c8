// Signatures: parameters, return types (impl Trait too), receivers, const fn, unsafe, ABI, exported
// symbols, target features; the types of constants, statics, fields and type aliases. Pure.
import type { FnFacts } from '../facts.js'
import type { ApiItem } from '../surface.js'
import { change, short, type ApiChange, type DiffContext } from './change.js'
import { implementable, plain } from './generics.js'

const GENERIC = /#T\d|\bimpl /

export function signatureRules(b: ApiItem, h: ApiItem, cx: DiffContext): ApiChange[] {
  const out: ApiChange[] = []
  const name = short(h.path)
  const fb = b.facts
  const fh = h.facts
  if (fb.params !== undefined && fh.params !== undefined && fb.params !== fh.params)
    out.push(
      change(
        'breaking',
        'params-changed',
        b,
        h,
        `takes ${fh.params} parameter(s), took ${fb.params}`,
        `\`${name}(…)\` called with ${fb.params} argument(s)`
      )
    )
  if (fb.unsafe === false && fh.unsafe === true)
    out.push(
      change(
        'breaking',
        'became-unsafe',
        b,
        h,
        `${h.kind} became unsafe`,
        `\`${name}\` used outside an \`unsafe\` block`
      )
    )
  if (fb.fn && fh.fn) out.push(...fnRules(b, h, fb.fn, fh.fn, cx, out.length > 0))
  if (fb.type !== undefined && fh.type !== undefined && cx.rename(fb.type) !== fh.type) {
    const g = h.facts.generics
    out.push(
      change(
        'breaking',
        'type-changed',
        b,
        h,
        `type is ${plain(fh.type, g)}, was ${plain(fb.type, g)}`,
        b.kind === 'field'
          ? `\`let x: ${plain(fb.type)} = value.${h.path.split('::').pop()};\``
          : `\`let x: ${plain(fb.type)} = ${name};\``
      )
    )
  }
  if (fb.staticMut !== undefined && fh.staticMut !== undefined && fb.staticMut !== fh.staticMut)
    out.push(
      fh.staticMut
        ? change(
            'breaking',
            'static-mut-changed',
            b,
            h,
            'static became `mut`',
            `\`${name}\` read outside an \`unsafe\` block`
          )
        : change(
            'breaking',
            'static-mut-changed',
            b,
            h,
            'static is no longer `mut`',
            `\`unsafe { ${name} = … }\``
          )
    )
  const helpers = (fh.helpers ?? []).filter(x => x)
  for (const helper of (fb.helpers ?? []).filter(x => !helpers.includes(x)))
    out.push(
      change(
        'breaking',
        'derive-helper-removed',
        b,
        h,
        `derive no longer accepts the helper attribute #[${helper}]`,
        `\`#[derive(${h.path.split('::').pop()})] struct S { #[${helper}] … }\``
      )
    )
  return out
}

function split(r: string): [string, string] {
  const i = r.indexOf(' ')
  return i < 0 ? [r, ''] : [r.slice(0, i), r.slice(i + 1)]
}

function fnRules(
  b: ApiItem,
  h: ApiItem,
  fb: FnFacts,
  fh: FnFacts,
  cx: DiffContext,
  countChanged: boolean
): ApiChange[] {
  const out: ApiChange[] = []
  const name = short(h.path)
  const method = h.path.split('::').pop()!
  const implemented = implementable(b, cx)
  const impl = `an impl of the trait with the old \`${method}\``
  if (fb.receiver !== fh.receiver) {
    const [mb, ib] = split(fb.receiver)
    const [mh, ih] = split(fh.receiver)
    const r = (m: string, i: string) =>
      m === 'none'
        ? 'no self'
        : i === 'Self'
          ? `${m === 'ref' ? '&' : m === 'mut' ? '&mut ' : ''}self`
          : `self: ${m === 'ref' ? '&' : m === 'mut' ? '&mut ' : ''}${plain(i)}`
    // A method call borrows as needed: `&self` → `&mut self` or `self` breaks it, `&mut self` → `&self` does not.
    const breaksCalls =
      mh === 'none' ||
      (mb !== 'none' && ib !== ih) ||
      (mb === 'ref' && (mh === 'mut' || mh === 'owned')) ||
      (mb === 'mut' && mh === 'owned')
    // Generic code calls trait methods as `Trait::method(value)`: any other receiver breaks it.
    const traitCall =
      b.kind === 'trait method' && mb !== 'none' && !(mb === 'mut' && mh === 'ref' && ib === ih)
    const what = `receiver is ${r(mh, ih)}, was ${r(mb, ib)}`
    if (breaksCalls || implemented || traitCall)
      out.push(
        change(
          'breaking',
          'receiver-changed',
          b,
          h,
          what,
          breaksCalls
            ? `\`value.${method}()\` on a ${mb === 'ref' ? 'shared reference' : mb === 'mut' ? '`&mut` borrow' : 'value'}`
            : implemented
              ? impl
              : `\`${short(h.path)}(value)\` in generic code`
        )
      )
    else out.push(change('changed', 'changed', b, h, what))
  }
  if (!countChanged) {
    const from = fb.receiver === 'none' || fh.receiver === 'none' ? 0 : 1
    for (let i = from; i < fb.inputs.length && i < fh.inputs.length; i++) {
      const was = cx.rename(fb.inputs[i])
      const now = fh.inputs[i]
      if (was === now) continue
      const generalized = GENERIC.test(now) && !GENERIC.test(was)
      const g = h.facts.generics
      const what = `parameter ${i + 1} is ${plain(now, g)}, was ${plain(was, g)}`
      out.push(
        generalized && !implemented
          ? change('changed', 'changed', b, h, `${what} (generalized)`)
          : change(
              'breaking',
              'param-type-changed',
              b,
              h,
              what,
              implemented ? impl : `\`${name}(…)\` with a ${plain(was)} argument`
            )
      )
    }
  }
  const wasOut = cx.rename(fb.output)
  if (fb.outputBounds && fh.outputBounds) {
    const implied = cx.implied(
      fh.outputBounds.map(x => `R: ${x}`),
      'head'
    )
    const lost = fb.outputBounds.map(cx.rename).filter(x => !implied.has(`R: ${x}`))
    const gained = fh.outputBounds.filter(x => !fb.outputBounds!.map(cx.rename).includes(x))
    if (lost.length)
      out.push(
        change(
          'breaking',
          'impl-trait-changed',
          b,
          h,
          `returns impl ${fh.outputBounds.map(x => plain(x)).join(' + ')}, no longer ${lost.map(x => plain(x)).join(' + ')}`,
          `code that relies on \`${name}(…)\`'s result being ${lost.map(x => plain(x)).join(' + ')}`
        )
      )
    else if (gained.length && implemented)
      out.push(
        change(
          'breaking',
          'impl-trait-changed',
          b,
          h,
          `returns impl ${fh.outputBounds.map(x => plain(x)).join(' + ')}`,
          impl
        )
      )
  } else if (wasOut !== fh.output) {
    const g = h.facts.generics
    const what = `returns ${plain(fh.output, g)}, returned ${plain(wasOut, g)}`
    const unitAdded = wasOut === '()'
    // A concrete type where an impl Trait was: callers only relied on the traits, which it implements.
    const nowConcrete = fb.outputBounds && !fh.outputBounds && fh.output !== '()'
    if (implemented) out.push(change('breaking', 'return-type-changed', b, h, what, impl))
    else if (unitAdded && fh.exportName === null) out.push(change('changed', 'changed', b, h, what))
    else if (nowConcrete)
      out.push(change('changed', 'changed', b, h, `${what} (it implements what it returned before)`))
    else
      out.push(
        change('breaking', 'return-type-changed', b, h, what, `\`let x: ${plain(wasOut)} = ${name}(…);\``)
      )
  }
  if (fb.isConst && !fh.isConst)
    out.push(
      change('breaking', 'const-removed', b, h, 'no longer a `const fn`', `\`const X: _ = ${name}(…);\``)
    )
  if (fb.abi !== fh.abi)
    out.push(
      change(
        'breaking',
        'abi-changed',
        b,
        h,
        `ABI is extern "${fh.abi}", was extern "${fb.abi}"`,
        `\`let f: extern "${fb.abi}" fn(…) = ${name};\``
      )
    )
  if (fb.exportName !== null && fb.exportName !== fh.exportName)
    out.push(
      change(
        'breaking',
        'export-symbol-changed',
        b,
        h,
        fh.exportName
          ? `exports symbol \`${fh.exportName}\`, exported \`${fb.exportName}\``
          : `no longer exports symbol \`${fb.exportName}\``,
        `\`extern "C" { fn ${fb.exportName}(…); }\` in code linked against it`
      )
    )
  const added = fh.targetFeatures.filter(f => !fb.targetFeatures.includes(f))
  // Any #[target_feature] (even one every build has) makes a safe function unsafe to call.
  const newlyUnsafe = !fb.targetFeature && fh.targetFeature && !h.facts.unsafe
  if (added.length || newlyUnsafe)
    out.push(
      change(
        'breaking',
        'target-feature-added',
        b,
        h,
        added.length
          ? `requires target feature(s) ${added.join(', ')}`
          : 'now has #[target_feature]: calls need `unsafe`',
        h.facts.unsafe
          ? `\`unsafe { ${name}(…) }\` on a CPU without ${added.join(', ')} (undefined behaviour)`
          : `\`${name}(…)\` called outside an \`unsafe\` block`
      )
    )
  const removedFeatures = fb.targetFeatures.filter(f => !fh.targetFeatures.includes(f))
  if (implemented && removedFeatures.length)
    out.push(
      change(
        'breaking',
        'target-feature-removed',
        b,
        h,
        `no longer enables target feature(s) ${removedFeatures.join(', ')}`,
        `an impl of the trait whose \`${method}\` enables ${removedFeatures.join(', ')}`
      )
    )
  if (implemented && b.facts.unsafe === true && h.facts.unsafe === false)
    out.push(
      change(
        'breaking',
        'trait-method-unsafe-removed',
        b,
        h,
        'trait method is no longer unsafe',
        `an impl of the trait with \`unsafe fn ${method}\``
      )
    )
  return out
}
