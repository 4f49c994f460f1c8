// The shards' ratchet sections as one: each shard compared its own crates with the same base record,
// so the groups that grew are joined and the counts added. A shard without a base makes the whole
// comparison one without a base (its warnings all counted as new: its findings say so).
import type { RatchetSection } from './section.js'

export function mergeRatchet(sections: readonly RatchetSection[]): RatchetSection {
  const without = sections.find(s => !s.base)
  const sum = (pick: (s: RatchetSection) => number) => sections.reduce((n, s) => n + pick(s), 0)
  return {
    base: without ? null : sections[0].base,
    noBase: without ? without.noBase : null,
    grown: sections
      .flatMap(s => s.grown)
      .sort((a, b) => a.crate.localeCompare(b.crate) || a.lint.localeCompare(b.lint)),
    fewer: without ? 0 : sum(s => s.fewer),
    baseWarnings: without ? null : sum(s => s.baseWarnings ?? 0),
    warnings: sum(s => s.warnings)
  }
}
