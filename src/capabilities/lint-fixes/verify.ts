// Whether a fix holds, from the warnings before and after it (pure): the machine-applicable ones are
// gone, nothing new appeared, nothing fails to compile. Warnings are compared by identity (crate, lint,
// file, message), as many of each as there were: a fix moves lines, so lines are not compared.
import { byCodeUnit } from '../../order.js'
import type { Measured, Measurement } from './cargo.js'
import type { FixedLint } from './section.js'

export interface Judgement {
  /** Why it is not verified; null when it is. */
  problem: string | null
  details: string[]
  fixed: FixedLint[]
}

const MAX_DETAILS = 10

export function judge(before: Measurement, after: Measurement): Judgement {
  const fixed = fixedLints(before.warnings, after.warnings)
  if (after.failure)
    return { problem: `cargo check after the fixes failed: ${after.failure}`, details: [], fixed }
  if (after.errors.length > 0)
    return {
      problem: `${count(after.errors.length, 'compile error')} after the fixes (cargo check)`,
      details: after.errors.slice(0, MAX_DETAILS),
      fixed
    }
  const had = tally(before.warnings)
  const fresh = excess(after.warnings, had)
  if (fresh.length > 0)
    return {
      problem: `${count(fresh.length, 'new warning')} after the fixes`,
      details: fresh.slice(0, MAX_DETAILS).map(w => w.rendered),
      fixed
    }
  // Of each identity, as many machine-applicable ones as are left beyond the others it had.
  const fixable = tally(before.warnings.filter(w => w.fixable))
  const left = tally(after.warnings)
  const stayed: Measured[] = []
  for (const [identity, n] of fixable) {
    const still = Math.min(n, (left.get(identity) ?? 0) - ((had.get(identity) ?? 0) - n))
    for (let i = 0; i < still; i++)
      stayed.push(before.warnings.find(w => w.identity === identity && w.fixable)!)
  }
  if (stayed.length > 0)
    return {
      problem: `${count(stayed.length, 'machine-applicable warning')} still there after cargo fix`,
      details: stayed.slice(0, MAX_DETAILS).map(w => w.rendered),
      fixed
    }
  return { problem: null, details: [], fixed }
}

function tally(warnings: Measured[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const w of warnings) out.set(w.identity, (out.get(w.identity) ?? 0) + 1)
  return out
}

/** The warnings beyond as many of each identity as `had` holds. */
function excess(warnings: Measured[], had: Map<string, number>): Measured[] {
  const budget = new Map(had)
  const out: Measured[] = []
  for (const w of warnings) {
    const left = budget.get(w.identity) ?? 0
    if (left > 0) budget.set(w.identity, left - 1)
    else out.push(w)
  }
  return out
}

/** By crate, lint and file: how many fewer warnings the fix leaves. */
export function fixedLints(before: Measured[], after: Measured[]): FixedLint[] {
  const gone = excess(before, tally(after))
  const rows = new Map<string, FixedLint>()
  for (const w of gone) {
    const key = [w.crate, w.lint, w.file].join('\u0000')
    const row = rows.get(key) ?? { crate: w.crate, lint: w.lint, file: w.file, count: 0 }
    row.count++
    rows.set(key, row)
  }
  return [...rows.values()].sort(
    (a, b) => byCodeUnit(a.crate, b.crate) || byCodeUnit(a.lint, b.lint) || byCodeUnit(a.file, b.file)
  )
}

export function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}
