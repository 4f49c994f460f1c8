// The review of suggested changes: its config slice and what the report says it did.
export interface ReviewSuggestionsConfig {
  /** Post rustc's and clippy's machine-applicable suggestions as one review (`review-suggestions`). */
  reviewSuggestions: boolean
}

export interface ReviewSuggestionsOutcome {
  /**
   * posted: this run posted the review; exists: one was already posted for this head commit;
   * dry-run: would post; none: nothing to post; skipped: not posted here (why in `note`);
   * forbidden: the token may not review (HTTP 403); failed: GitHub refused or did not answer.
   */
  mode: 'posted' | 'exists' | 'dry-run' | 'none' | 'skipped' | 'forbidden' | 'failed'
  /** Suggestions in the review (or that would be). */
  posted: number
  /** Suggestions that fit the diff beyond the review's bound. */
  more: number
  /** Suggestions the review cannot carry (not on lines the pull request changed, and the like). */
  offDiff: number
  /** The review on GitHub. */
  url: string | null
  /** The head commit the review is for. */
  commit: string | null
  note: string
}

export type ReviewSuggestionsParts = {
  config: ReviewSuggestionsConfig
  section: { reviewSuggestions?: ReviewSuggestionsOutcome }
}
