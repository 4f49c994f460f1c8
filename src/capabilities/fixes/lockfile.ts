// Cargo.lock read with smol-toml: which versions of which packages are locked, and what changed
// between two locks. The result of `cargo update` is read from here, never from cargo's prose.
import { parse } from 'smol-toml'
import { compareLoose } from '../../cargo/graph.js'

export type LockChange = { name: string; from: string | null; to: string | null }

/** name → sorted versions locked. */
export function lockedVersions(text: string): Map<string, string[]> {
  const doc = parse(text) as { package?: { name?: unknown; version?: unknown }[] }
  const byName = new Map<string, string[]>()
  for (const p of doc.package ?? [])
    if (typeof p.name === 'string' && typeof p.version === 'string')
      byName.set(p.name, [...(byName.get(p.name) ?? []), p.version].sort(compareLoose))
  return byName
}

/** Versions removed and added, per name; a single removal plus addition reads as from → to. */
export function diffLocks(before: string, after: string): LockChange[] {
  const a = lockedVersions(before)
  const b = lockedVersions(after)
  const changes: LockChange[] = []
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    // As multisets: one version from two sources is locked twice, and a [patch] leaves it once.
    const gone = minus(a.get(name) ?? [], b.get(name) ?? [])
    const added = minus(b.get(name) ?? [], a.get(name) ?? [])
    while (gone.length || added.length)
      changes.push({ name, from: gone.shift() ?? null, to: added.shift() ?? null })
  }
  return changes
}

function minus(from: string[], take: string[]): string[] {
  const left = [...take]
  return from.filter(v => {
    const i = left.indexOf(v)
    if (i < 0) return true
    left.splice(i, 1)
    return false
  })
}
