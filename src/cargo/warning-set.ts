// Warnings by identity, compact enough to keep one set per run in the run history: crate → lint →
// the identities of its warnings, 8 characters each, concatenated. A warning's identity is its crate,
// lint, file and message; its line is not part of it, so a warning that moved is the same warning.
// Past a cap a lint keeps only its count (a number), which a ratchet can still hold.
import { createHash } from 'node:crypto'

/** crate → lint (`unused_variables`, `clippy::ptr_arg`; '' when rustc gives none) → identities, or a count. */
export type WarningSet = Record<string, Record<string, string | number>>

export const IDENTITY_CHARS = 8

/** 48 bits of SHA-256: no two warnings of one crate and lint collide in practice. */
export function warningIdentity(d: {
  crate: string
  code: string | null
  message: string
  span: { file: string } | null
}): string {
  const key = [d.crate, d.code ?? '', d.span?.file ?? '', d.message].join('\u0000')
  return createHash('sha256').update(key).digest('base64url').slice(0, IDENTITY_CHARS)
}

/** The identities of one lint's warnings (a count-only entry has none). */
export function identities(entry: string | number): string[] {
  if (typeof entry === 'number') return []
  const out: string[] = []
  for (let i = 0; i < entry.length; i += IDENTITY_CHARS) out.push(entry.slice(i, i + IDENTITY_CHARS))
  return out
}

export function countOf(entry: string | number): number {
  return typeof entry === 'number' ? entry : entry.length / IDENTITY_CHARS
}

/** Warnings per crate. */
export function crateTotals(set: WarningSet): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [crate, lints] of Object.entries(set))
    out[crate] = Object.values(lints).reduce<number>((n, e) => n + countOf(e), 0)
  return out
}

export function totalWarnings(set: WarningSet): number {
  return Object.values(crateTotals(set)).reduce((n, c) => n + c, 0)
}

/**
 * The set with each lint's identities sorted (a stable text for the same warnings), and only counts
 * kept once it holds more than `cap` identities: the largest lints lose theirs first.
 */
export function boundedSet(set: WarningSet, cap: number): WarningSet {
  const entries = Object.entries(set).flatMap(([crate, lints]) =>
    Object.entries(lints).map(([lint, e]) => ({ crate, lint, e }))
  )
  let kept = entries.reduce((n, x) => n + (typeof x.e === 'string' ? countOf(x.e) : 0), 0)
  const bySize = [...entries].sort((a, b) => countOf(b.e) - countOf(a.e))
  const counted = new Set<(typeof entries)[number]>()
  for (const x of bySize) {
    if (kept <= cap) break
    if (typeof x.e === 'string') kept -= countOf(x.e)
    counted.add(x)
  }
  const out: WarningSet = {}
  for (const x of entries) {
    const value = counted.has(x) || typeof x.e === 'number' ? countOf(x.e) : identities(x.e).sort().join('')
    ;(out[x.crate] ??= {})[x.lint] = value
  }
  return out
}

/** Warning sets of disjoint crates (shards) as one. */
export function unionSets(sets: readonly WarningSet[]): WarningSet {
  const out: WarningSet = {}
  for (const set of sets)
    for (const [crate, lints] of Object.entries(set))
      for (const [lint, e] of Object.entries(lints)) {
        const had = out[crate]?.[lint]
        ;(out[crate] ??= {})[lint] =
          had === undefined
            ? e
            : typeof had === 'string' && typeof e === 'string'
              ? had + e
              : countOf(had) + countOf(e)
      }
  return out
}
