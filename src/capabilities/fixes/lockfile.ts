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
    const gone = (a.get(name) ?? []).filter(v => !(b.get(name) ?? []).includes(v))
    const added = (b.get(name) ?? []).filter(v => !(a.get(name) ?? []).includes(v))
    while (gone.length || added.length)
      changes.push({ name, from: gone.shift() ?? null, to: added.shift() ?? null })
  }
  return changes
}
