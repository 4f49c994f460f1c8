// The ratchet's comparison, pure: per crate and lint the count must not grow. The new warnings of a
// group that grew are the identities it has beyond the base's (a multiset: the same warning twice in
// a file is two); a base that kept only a count cannot say which ones are new.
import { countOf, identities, type WarningSet } from '../../cargo/warning-set.js'

export interface Grown {
  crate: string
  lint: string
  base: number
  now: number
  /** Identities of the new warnings; fewer than now - base when the base kept only a count. */
  added: string[]
}

export function compareSets(base: WarningSet, now: WarningSet): { grown: Grown[]; fewer: number } {
  const grown: Grown[] = []
  let fewer = 0
  const crates = new Set([...Object.keys(base), ...Object.keys(now)])
  for (const crate of [...crates].sort()) {
    const lints = new Set([...Object.keys(base[crate] ?? {}), ...Object.keys(now[crate] ?? {})])
    for (const lint of [...lints].sort()) {
      const b = base[crate]?.[lint] ?? ''
      const n = now[crate]?.[lint] ?? ''
      const bc = countOf(b)
      const nc = countOf(n)
      if (nc < bc) fewer += bc - nc
      if (nc <= bc) continue
      grown.push({
        crate,
        lint,
        base: bc,
        now: nc,
        added: typeof b === 'number' ? [] : beyond(identities(n), identities(b))
      })
    }
  }
  return { grown, fewer }
}

/** `now` minus `base`, as multisets. */
function beyond(now: string[], base: string[]): string[] {
  const left = new Map<string, number>()
  for (const id of base) left.set(id, (left.get(id) ?? 0) + 1)
  const out: string[] = []
  for (const id of now) {
    const n = left.get(id) ?? 0
    if (n > 0) left.set(id, n - 1)
    else out.push(id)
  }
  return out
}

/**
 * The base's warnings of the crates this run judged: a shard's members, less crates cargo never
 * reached. Other crates' warnings were not looked for, so they are neither new nor gone.
 */
export function within(base: WarningSet, judged: ReadonlySet<string> | null): WarningSet {
  if (!judged) return base
  return Object.fromEntries(Object.entries(base).filter(([crate]) => judged.has(crate)))
}
