// review-suggestions: on a pull request, rustc's and clippy's machine-applicable suggestions as one
// review of GitHub "suggested changes" on the lines the pull request changed, one click to apply.
// Once per head commit (a marker in the review body); never from a fork's read-only token or a run
// whose event cannot be read; a review that cannot be posted is a note, never a verdict change.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { errorMessage } from '../../errors.js'
import { status } from '../../github/writes.js'
import type { Capability, CapabilityResult, SyncPorts } from '../capability.js'
import { planReview } from './plan.js'
import { reviewLine, reviewMarkdown } from './render.js'
import { findReview, headOf, markerFor, postReview, pullDiff, settleRace, type PullTarget } from './review.js'
import type { ReviewSuggestionsConfig, ReviewSuggestionsOutcome, ReviewSuggestionsParts } from './section.js'

export type { ReviewSuggestionsOutcome, ReviewSuggestionsParts } from './section.js'

type Outcome = ReviewSuggestionsOutcome
const blank = { posted: 0, more: 0, offDiff: 0, url: null, commit: null }
const skipped = (note: string): Outcome => ({ mode: 'skipped', ...blank, note })

/** The workspace's place in the repository: its root under the checkout ('' at the top). */
function repoPathOf(root: string): string {
  const rel = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), root)
  return rel.startsWith('..') || path.isAbsolute(rel) ? '' : rel.split(path.sep).join('/')
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** Why this run posts no review at all, before anything is read from GitHub; null: it may. */
function refusal(ports: SyncPorts<ReviewSuggestionsParts>): string | null {
  const { ctx } = ports
  if (ctx.payloadProblem) return `${ctx.payloadProblem}, so the run is not trusted to review`
  if (!ctx.pullRequest || !ctx.eventName.startsWith('pull_request'))
    return `a review needs a pull request run (this is ${ctx.eventName || 'not a GitHub Actions run'})`
  if (ctx.pullRequest.fork)
    return `pull request #${ctx.pullRequest.number} comes from a fork, whose token may only read`
  if (!ports.github) return 'no `github-token` to read the pull request with'
  return null
}

async function review(
  ports: SyncPorts<ReviewSuggestionsParts>,
  config: ReviewSuggestionsConfig & { dryRun: boolean }
): Promise<Outcome> {
  const { ctx, github, report, log } = ports
  const why = refusal(ports)
  if (why || !github || !ctx.pullRequest || !ctx.owner || !ctx.repo)
    return skipped(why ?? 'the repository is not known (GITHUB_REPOSITORY)')
  const items = report.diagnostics.items
  if (!items.some(d => d.suggestions?.length))
    return { mode: 'none', ...blank, note: 'rustc and clippy gave no machine-applicable suggestion' }
  const target: PullTarget = { owner: ctx.owner, repo: ctx.repo, number: ctx.pullRequest.number }
  const sha = await headOf(github, target)
  if (ctx.pullRequest.headSha && ctx.pullRequest.headSha !== sha)
    return skipped(
      `pull request #${target.number} moved on to ${sha.slice(0, 7)} since this run checked ${ctx.pullRequest.headSha.slice(0, 7)}; the run of the new head reviews it`
    )
  const earlier = await findReview(github, target, sha)
  if (earlier)
    return { mode: 'exists', ...blank, url: earlier.html_url ?? null, commit: sha, note: 'already posted' }
  const root = report.workspace.root
  const plan = planReview(items, {
    repoPath: repoPathOf(root),
    read: file => readText(path.resolve(root, file)),
    diff: await pullDiff(github, target, log)
  })
  const offDiff = plan.total - plan.comments.length - plan.more - plan.skipped.overlap
  const counts = { posted: plan.comments.length, more: plan.more, offDiff, commit: sha }
  if (!plan.comments.length)
    return {
      mode: 'none',
      ...blank,
      ...counts,
      note: `none of the ${plan.total} machine-applicable suggestions is on lines this pull request changed`
    }
  if (config.dryRun) return { mode: 'dry-run', url: null, ...counts, note: 'dry run' }
  const body = [
    markerFor(sha),
    `rustc's and clippy's own fixes for warnings on lines this pull request changed: ${plan.comments.length} suggested change${plan.comments.length === 1 ? '' : 's'}, each one click to apply.${plan.more ? ` ${plan.more} more are not shown; the next commit's run reviews them.` : ''}`
  ].join('\n')
  const posted = await postReview(github, target, { sha, body, comments: plan.comments }, log)
  const kept = await settleRace(github, target, sha, posted, log)
  return kept.id === posted.id
    ? { mode: 'posted', url: posted.html_url ?? null, ...counts, note: 'posted' }
    : { mode: 'exists', ...blank, url: kept.html_url ?? null, commit: sha, note: 'another run posted it' }
}

export const reviewSuggestions: Capability<ReviewSuggestionsParts> = {
  name: 'review-suggestions',
  stage: 'sync',
  inputs: [
    {
      name: 'review-suggestions',
      default: 'false',
      description:
        "On a pull request, post rustc's and clippy's machine-applicable suggestions on the lines it changed as one review of suggested changes (at most 20, once per head commit; never from a fork). Needs `pull-requests: write`."
    }
  ],
  parse: p => ({ reviewSuggestions: p.bool('review-suggestions') }),
  codes: {},
  outputs: [],
  async sync(ports, config): Promise<CapabilityResult<ReviewSuggestionsParts>> {
    // The merge job reviews once for every shard.
    if (!config.reviewSuggestions || config.shard) return { section: {}, findings: [] }
    let outcome: Outcome
    const warnings: string[] = []
    try {
      outcome = await review(ports, config)
    } catch (e) {
      // Suggestions are help, not the verdict: a refused or failed review is said and fails nothing.
      const forbidden = status(e) === 403
      outcome = {
        mode: forbidden ? 'forbidden' : 'failed',
        ...blank,
        note: forbidden
          ? 'the token may not review the pull request (HTTP 403; it needs `pull-requests: write`)'
          : `the review could not be posted: ${errorMessage(e)}`
      }
      if (!forbidden) warnings.push(`Suggested changes: ${outcome.note}. The verdict stands.`)
    }
    ports.log(`suggested changes: ${reviewLine(outcome)}`)
    return { section: { reviewSuggestions: outcome }, findings: [], warnings }
  },
  markdown: r => reviewMarkdown(r.reviewSuggestions),
  terminal: r => (r.reviewSuggestions ? [`Suggested changes: ${reviewLine(r.reviewSuggestions)}`] : [])
}
