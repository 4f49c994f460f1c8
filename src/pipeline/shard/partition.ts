// Which workspace members a shard gates. Deterministic (every shard computes the same split on its
// own) and balanced: by the baseline's per-crate build times, greedy longest-first, when they exist;
// else by a stable hash, dealt round-robin so shard sizes differ by at most one.

export interface Shard {
  index: number
  total: number
}

export function partition(
  members: string[],
  total: number,
  weights?: ReadonlyMap<string, number>
): string[][] {
  const shards: string[][] = Array.from({ length: total }, () => [])
  const sorted = [...new Set(members)].sort()
  const known = weights ? sorted.filter(m => (weights.get(m) ?? 0) > 0) : []
  if (weights && known.length > 0) {
    // Members without a time yet weigh the average, so a new crate does not pile onto one shard.
    const average = known.reduce((n, m) => n + weights.get(m)!, 0) / known.length
    const weight = (m: string) => weights.get(m) || average
    const load = new Array<number>(total).fill(0)
    const byWeight = [...sorted].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1))
    for (const m of byWeight) {
      const target = load.indexOf(Math.min(...load))
      shards[target].push(m)
      load[target] += weight(m)
    }
  } else {
    const byHash = sorted.sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : 1))
    byHash.forEach((m, i) => shards[i % total].push(m))
  }
  return shards.map(s => s.sort())
}

export function membersOfShard(
  members: string[],
  shard: Shard,
  weights?: ReadonlyMap<string, number>
): string[] {
  return partition(members, shard.total, weights)[shard.index - 1]
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
