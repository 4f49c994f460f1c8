// Which suggestions go in the review: every machine-applicable suggestion of the report placed on the
// pull request's diff, overlapping ones left to a later run (the first applied, the next run sees the
// rest), bounded.
import type { Diagnostic } from '../../report/schema.js'
import { place, type PlaceInput, type ReviewComment, type Skip } from './place.js'

/** GitHub shows a review's comments inline; past this many a review is noise, not help. */
export const MAX_SUGGESTIONS = 20

export interface ReviewPlan {
  comments: ReviewComment[]
  /** Placed, beyond the bound. */
  more: number
  /** Machine-applicable suggestions in the report. */
  total: number
  skipped: Record<Skip, number>
}

export function planReview(diagnostics: readonly Diagnostic[], input: PlaceInput): ReviewPlan {
  const plan: ReviewPlan = {
    comments: [],
    more: 0,
    total: 0,
    skipped: { 'off-diff': 0, stale: 0, overlap: 0, 'several-files': 0, unreadable: 0 }
  }
  const taken = new Map<string, [number, number][]>()
  for (const d of diagnostics)
    for (const s of d.suggestions ?? []) {
      plan.total++
      const placed = place(d, s, input)
      if ('skip' in placed) {
        plan.skipped[placed.skip]++
        continue
      }
      const ranges = taken.get(placed.file) ?? []
      if (ranges.some(([a, b]) => placed.from <= b && a <= placed.to)) {
        plan.skipped.overlap++
        continue
      }
      taken.set(placed.file, [...ranges, [placed.from, placed.to]])
      if (plan.comments.length < MAX_SUGGESTIONS) plan.comments.push(placed.comment)
      else plan.more++
    }
  // In the order of the files, as the pull request shows them.
  plan.comments.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
  return plan
}
