// rustdoc's types, bounds and generics as comparable text. Names of items are written ⟦path⟧ (the
// path a user names them by, see `Namer`) so that the diff can map a base name to the head's; generic
// parameters are written by position (renaming one changes nothing); lifetimes other than 'static are
// left out (elided and named ones are the same to a caller). Pure.
import type { Id, RustdocCrate } from './rustdoc.js'

/** An item's id → the path a user names it by; null to fall back to the path as written. */
export type Namer = (id: Id | null | undefined, written: string) => string

export interface TypeScope {
  name: Namer
  /** Generic parameter names → their positional token. */
  params: Map<string, string>
  /** What `Self` stands for (an inherent impl's type), or null to keep `Self`. */
  self: string | null
  /** Local type aliases without generics, expanded so that `-> Alias` equals `-> u32`. */
  alias?: (id: Id) => unknown
}

type J = Record<string, unknown>

const MAX_DEPTH = 40

/** How deep the type being rendered nests (rendering is synchronous): a bound against runaway input. */
let depth = 0

export function typeText(t: unknown, s: TypeScope): string {
  if (t === null || t === undefined) return '()'
  if (depth > MAX_DEPTH) return '…'
  depth++
  try {
    return render(t, s)
  } finally {
    depth--
  }
}

function render(t: unknown, s: TypeScope): string {
  const [kind, v] = Object.entries(t as J)[0] ?? ['?', null]
  switch (kind) {
    case 'primitive':
      return String(v)
    case 'generic': {
      const name = String(v)
      if (name === 'Self' && s.self !== null) return s.self
      return s.params.get(name) ?? name
    }
    case 'resolved_path': {
      const p = v as { path: string; id: Id | null; args: unknown }
      const aliased = p.id !== null && !p.args && s.alias ? s.alias(p.id) : undefined
      if (aliased !== undefined) return typeText(aliased, s)
      return `⟦${s.name(p.id, p.path)}⟧${argsText(p.args, s)}`
    }
    case 'dyn_trait': {
      const d = v as {
        traits: { trait: { path: string; id: Id | null; args: unknown } }[]
        lifetime: string | null
      }
      const parts = d.traits
        .map(x => `⟦${s.name(x.trait.id, x.trait.path)}⟧${argsText(x.trait.args, s)}`)
        .sort()
      if (d.lifetime === "'static") parts.push("'static")
      return `dyn ${parts.join(' + ')}`
    }
    case 'borrowed_ref': {
      const r = v as { lifetime: string | null; is_mutable: boolean; type: unknown }
      return `&${r.lifetime === "'static" ? "'static " : ''}${r.is_mutable ? 'mut ' : ''}${typeText(r.type, s)}`
    }
    case 'raw_pointer': {
      const r = v as { is_mutable: boolean; type: unknown }
      return `*${r.is_mutable ? 'mut' : 'const'} ${typeText(r.type, s)}`
    }
    case 'tuple':
      return `(${(v as unknown[]).map(x => typeText(x, s)).join(', ')})`
    case 'slice':
      return `[${typeText(v, s)}]`
    case 'array': {
      const a = v as { type: unknown; len: string }
      return `[${typeText(a.type, s)}; ${s.params.get(a.len) ?? a.len}]`
    }
    case 'impl_trait':
      return `impl ${boundsText(v as unknown[], s)
        .sort()
        .join(' + ')}`
    case 'function_pointer': {
      const f = v as {
        sig: { inputs: [string, unknown][]; output: unknown; is_c_variadic: boolean }
        header: J
      }
      return `${headerText(f.header)}fn(${f.sig.inputs.map(([, x]) => typeText(x, s)).join(', ')}${f.sig.is_c_variadic ? ', ...' : ''}) -> ${typeText(f.sig.output, s)}`
    }
    case 'qualified_path': {
      const q = v as {
        name: string
        args: unknown
        self_type: unknown
        trait: { path: string; id: Id | null; args: unknown } | null
      }
      const tr = q.trait ? ` as ⟦${s.name(q.trait.id, q.trait.path)}⟧${argsText(q.trait.args, s)}` : ''
      return `<${typeText(q.self_type, s)}${tr}>::${q.name}${argsText(q.args, s)}`
    }
    case 'infer':
      return '_'
    default:
      return JSON.stringify(t, (key, x: unknown) => (key === 'id' ? undefined : x))
  }
}

function headerText(h: J | undefined): string {
  if (!h) return ''
  const abi = abiText(h.abi)
  return `${h.is_unsafe ? 'unsafe ' : ''}${abi === 'Rust' ? '' : `extern "${abi}" `}`
}

/** `"Rust"`, `{ "C": { "unwind": false } }`, `{ "Other": "…" }` → `Rust`, `C`, `C-unwind`, … */
export function abiText(abi: unknown): string {
  if (typeof abi === 'string') return abi
  if (abi && typeof abi === 'object') {
    const [name, v] = Object.entries(abi as J)[0] ?? ['?', null]
    if (name === 'Other') return String(v)
    const unwind = v && typeof v === 'object' && (v as { unwind?: boolean }).unwind === true
    return `${name}${unwind ? '-unwind' : ''}`
  }
  return String(abi)
}

export function argsText(args: unknown, s: TypeScope): string {
  if (!args || typeof args !== 'object') return ''
  const a = args as J
  if (a.angle_bracketed) {
    const ab = a.angle_bracketed as {
      args: unknown[]
      constraints: { name: string; args: unknown; binding: J }[]
    }
    const parts = ab.args.map(x => genericArgText(x, s)).filter((x): x is string => x !== null)
    for (const c of ab.constraints) {
      const b = c.binding
      if (b.equality) {
        const term = b.equality as J
        parts.push(
          `${c.name}${argsText(c.args, s)} = ${term.type !== undefined ? typeText(term.type, s) : JSON.stringify(term.constant)}`
        )
      } else if (b.constraint)
        parts.push(
          `${c.name}: ${boundsText(b.constraint as unknown[], s)
            .sort()
            .join(' + ')}`
        )
    }
    return parts.length ? `<${parts.join(', ')}>` : ''
  }
  if (a.parenthesized) {
    const p = a.parenthesized as { inputs: unknown[]; output: unknown }
    return `(${p.inputs.map(x => typeText(x, s)).join(', ')}) -> ${typeText(p.output, s)}`
  }
  return ''
}

function genericArgText(arg: unknown, s: TypeScope): string | null {
  if (typeof arg === 'string') return arg === 'infer' ? '_' : null
  const a = arg as J
  if (a.lifetime !== undefined) return a.lifetime === "'static" ? "'static" : null
  if (a.type !== undefined) return typeText(a.type, s)
  if (a.const !== undefined) {
    const c = a.const as { expr: string; value: string | null }
    return c.value ?? s.params.get(c.expr) ?? c.expr
  }
  return '_'
}

/** Each bound as text: `⟦core::clone::Clone⟧`, `?⟦core::marker::Sized⟧`, `'static`. */
export function boundsText(bounds: unknown[], s: TypeScope): string[] {
  const out: string[] = []
  for (const b of bounds) {
    const x = b as J
    if (x.trait_bound) {
      const tb = x.trait_bound as {
        trait: { path: string; id: Id | null; args: unknown }
        modifier: string
        generic_params: unknown[]
      }
      const hr = tb.generic_params.length ? 'for<…> ' : ''
      const mod = tb.modifier === 'maybe' ? '?' : tb.modifier === 'maybe_const' ? '~const ' : ''
      out.push(`${hr}${mod}⟦${s.name(tb.trait.id, tb.trait.path)}⟧${argsText(tb.trait.args, s)}`)
    } else if (typeof x.outlives === 'string') {
      if (x.outlives === "'static") out.push("'static")
    } else if (x.use) out.push(`use<…>`)
  }
  return out
}

export interface GenericsFacts {
  lifetimes: string[]
  types: { name: string; hasDefault: boolean }[]
  consts: { name: string; hasDefault: boolean; type: string }[]
  /** Synthetic parameters of `impl Trait` arguments: a caller cannot name them. */
  synthetic: number
  /** Type (T) and const (C) parameters in declaration order: what a turbofish or `S<…>` lists. */
  sequence: string
  /** Every bound as `subject: bound`, subjects by position: `#T0: ⟦core::fmt::Debug⟧`. */
  bounds: string[]
}

interface RawGenerics {
  params: { name: string; kind: J }[]
  where_predicates: J[]
}

/** The positional tokens of a generics list, to be added to a scope before rendering with it. */
export function paramTokens(g: RawGenerics | undefined, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  let t = 0
  let c = 0
  for (const p of g?.params ?? []) {
    if (p.kind.type && !(p.kind.type as J).is_synthetic) out.set(p.name, `#${prefix}T${t++}`)
    else if (p.kind.const) out.set(p.name, `#${prefix}C${c++}`)
  }
  return out
}

export function genericsFacts(g: RawGenerics | undefined, s: TypeScope): GenericsFacts {
  const out: GenericsFacts = { lifetimes: [], types: [], consts: [], synthetic: 0, sequence: '', bounds: [] }
  const bounds = new Set<string>()
  for (const p of g?.params ?? []) {
    if (p.kind.lifetime) {
      out.lifetimes.push(p.name)
      for (const o of ((p.kind.lifetime as J).outlives as string[]) ?? []) bounds.add(`${p.name}: ${o}`)
    } else if (p.kind.type) {
      const t = p.kind.type as { bounds: unknown[]; default: unknown; is_synthetic: boolean }
      if (t.is_synthetic) {
        out.synthetic++
        continue
      }
      out.types.push({ name: p.name, hasDefault: t.default !== null && t.default !== undefined })
      out.sequence += 'T'
      const subject = s.params.get(p.name) ?? p.name
      for (const b of boundsText(t.bounds, s)) bounds.add(`${subject}: ${b}`)
    } else if (p.kind.const) {
      const c = p.kind.const as { type: unknown; default: unknown }
      out.consts.push({
        name: p.name,
        hasDefault: c.default !== null && c.default !== undefined,
        type: typeText(c.type, s)
      })
      out.sequence += 'C'
    }
  }
  for (const w of g?.where_predicates ?? []) {
    if (w.bound_predicate) {
      const bp = w.bound_predicate as { type: unknown; bounds: unknown[]; generic_params: unknown[] }
      const subject = `${bp.generic_params.length ? 'for<…> ' : ''}${typeText(bp.type, s)}`
      for (const b of boundsText(bp.bounds, s)) bounds.add(`${subject}: ${b}`)
    } else if (w.lifetime_predicate) {
      const lp = w.lifetime_predicate as { lifetime: string; outlives: string[] }
      for (const o of lp.outlives) bounds.add(`${lp.lifetime}: ${o}`)
    } else if (w.eq_predicate) {
      const ep = w.eq_predicate as { lhs: unknown; rhs: J }
      bounds.add(
        `${typeText(ep.lhs, s)} == ${ep.rhs.type !== undefined ? typeText(ep.rhs.type, s) : JSON.stringify(ep.rhs)}`
      )
    }
  }
  // `T: Sized` is what every parameter has unless it says `?Sized`.
  out.bounds = [...bounds].filter(b => !b.endsWith(': ⟦core::marker::Sized⟧')).sort()
  return out
}

/** The std traits a bound implies (their supertraits), by canonical path. */
const STD_SUPERTRAITS: Record<string, string[]> = {
  'core::marker::Copy': ['core::clone::Clone'],
  'core::cmp::Eq': ['core::cmp::PartialEq'],
  'core::cmp::PartialOrd': ['core::cmp::PartialEq'],
  'core::cmp::Ord': ['core::cmp::Eq', 'core::cmp::PartialOrd', 'core::cmp::PartialEq'],
  'core::error::Error': ['core::fmt::Debug', 'core::fmt::Display'],
  'core::iter::traits::double_ended::DoubleEndedIterator': ['core::iter::traits::iterator::Iterator'],
  'core::iter::traits::exact_size::ExactSizeIterator': ['core::iter::traits::iterator::Iterator'],
  'core::iter::traits::marker::FusedIterator': ['core::iter::traits::iterator::Iterator'],
  'core::ops::function::Fn': ['core::ops::function::FnMut', 'core::ops::function::FnOnce'],
  'core::ops::function::FnMut': ['core::ops::function::FnOnce'],
  'core::ops::deref::DerefMut': ['core::ops::deref::Deref'],
  'core::ops::index::IndexMut': ['core::ops::index::Index'],
  'core::borrow::BorrowMut': ['core::borrow::Borrow']
}

/**
 * The bounds `bounds` imply, themselves included: std supertraits from a table, this crate's from
 * `supertraits` (trait path → its supertraits' paths). Only bounds without generic arguments expand.
 */
export function impliedBounds(bounds: string[], supertraits: (path: string) => string[]): Set<string> {
  const out = new Set<string>(bounds)
  const queue = [...bounds]
  while (queue.length) {
    const b = queue.pop()!
    const m = /^(.*: )⟦([^⟧]+)⟧$/.exec(b)
    if (!m) continue
    for (const sup of [...(STD_SUPERTRAITS[m[2]] ?? []), ...supertraits(m[2])]) {
      const implied = `${m[1]}⟦${sup}⟧`
      if (!out.has(implied)) {
        out.add(implied)
        queue.push(implied)
      }
    }
  }
  return out
}

/** The written path of an item, for items rustdoc names in `paths` (other crates' and this one's). */
export function docPath(doc: RustdocCrate, id: Id | null | undefined): string | null {
  if (id === null || id === undefined) return null
  const p = doc.paths[String(id)]
  return p ? p.path.join('::') : null
}
