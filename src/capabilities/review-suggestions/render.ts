// The review in the summary, the PR comment and the terminal: how many suggestions, where, or why none.
import { MAX_SUGGESTIONS } from './plan.js'
import type { ReviewSuggestionsOutcome } from './section.js'

/** One sentence; `markdown`: the review as a link, else its address in brackets. */
export function reviewLine(o: ReviewSuggestionsOutcome, markdown = false): string {
  const n = (k: number) => `${k} suggestion${k === 1 ? '' : 's'}`
  const link = (text: string) => (!o.url ? text : markdown ? `[${text}](${o.url})` : `${text} (${o.url})`)
  const more = o.more ? `; ${o.more} more not posted (a review carries at most ${MAX_SUGGESTIONS})` : ''
  const off = o.offDiff ? `; ${n(o.offDiff)} not on lines this pull request changed` : ''
  switch (o.mode) {
    case 'posted':
      return `${n(o.posted)} posted as a ${link('review')}${more}${off}.`
    case 'exists':
      return `${link('The review')} of this commit's suggestions is already posted: nothing posted again.`
    case 'dry-run':
      return `Dry run: ${n(o.posted)} would be posted as a review${more}${off}.`
    default:
      return `No suggestions posted: ${o.note}.`
  }
}

export function reviewMarkdown(o: ReviewSuggestionsOutcome | undefined): string | null {
  if (!o) return null
  return ['### Suggested changes', '', reviewLine(o, true), ''].join('\n')
}
