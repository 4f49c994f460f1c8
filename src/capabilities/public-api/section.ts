// The report section of the API check, the semver rule that can allow its breaks, and the merge of
// shard sections (each shard compares its own members). Pure.
import * as semver from 'semver'
import type { ApiChange } from './diff.js'
import { byCodeUnit } from '../../order.js'

export type ApiPolicy = 'deny' | 'warn' | 'off'

export interface CrateApi {
  name: string
  /**
   * compared: both sides documented; new: the base has no such library crate; unchanged: no file the
   * crate is built from changed since the base, so it was not documented; unknown: see reason.
   */
  status: 'compared' | 'new' | 'unchanged' | 'unknown'
  reason: string | null
  baseVersion: string | null
  headVersion: string
  /** The version bump between base and head allows breaking changes (a new major; 0.x: a new minor). */
  bumpAllowsBreaks: boolean
  formatVersion: number | null
  changes: ApiChange[]
}

export interface PublicApiSection {
  /** off: not run; checked: every crate judged; unknown: the check could not be made (reason). */
  status: 'off' | 'checked' | 'unknown'
  policy: ApiPolicy
  reason: string | null
  base: { rev: string; from: 'input' | 'pull_request' | 'merge_group' | 'parent'; sha: string } | null
  /** `<server>/<owner>/<repo>/blob/<sha>` of each side, when the run knows them: for links to lines. */
  blob: { head: string | null; base: string | null }
  crates: CrateApi[]
  /** Library members not compared because they are `publish = false` and not in public-api-crates. */
  skipped: string[]
  /** public-api-crates entries that match no library member. */
  unknownListed: string[]
  seconds: number
}

export function offSection(policy: ApiPolicy = 'off'): PublicApiSection {
  return {
    status: 'off',
    policy,
    reason: null,
    base: null,
    blob: { head: null, base: null },
    crates: [],
    skipped: [],
    unknownListed: [],
    seconds: 0
  }
}

/** Cargo's semver: a breaking change needs a new major version; before 1.0, a new minor (0.0.x: any bump). */
export function bumpAllowsBreaks(base: string | null, head: string): boolean {
  const b = base ? semver.parse(base) : null
  const h = semver.parse(head)
  if (!b || !h) return false
  if (b.major > 0) return h.major > b.major
  if (b.minor > 0) return h.major > 0 || h.minor > b.minor
  return semver.gt(h, b)
}

export function breaks(c: CrateApi): ApiChange[] {
  return c.changes.filter(x => x.class === 'breaking')
}

/** Shards compare disjoint members: crates are concatenated; any unknown shard makes the whole unknown. */
export function mergeSections(sections: PublicApiSection[]): PublicApiSection {
  const on = sections.filter(s => s.status !== 'off')
  if (on.length === 0) return sections[0] ?? offSection()
  const unknown = on.find(s => s.status === 'unknown')
  return {
    ...on[0],
    status: unknown ? 'unknown' : 'checked',
    reason: unknown?.reason ?? null,
    crates: on.flatMap(s => s.crates).sort((a, b) => byCodeUnit(a.name, b.name)),
    skipped: [...new Set(on.flatMap(s => s.skipped))].sort(),
    unknownListed: on[0].unknownListed,
    seconds: Math.max(...on.map(s => s.seconds))
  }
}
