// The review on GitHub: the pull request's head and diff read, an earlier review for the same head
// found by its marker, and one review posted. A post is never repeated blindly: after a 5xx or a
// dropped connection the reviews are read again first, and only a review that is not there is sent again.
// Two runs that posted at once converge as far as GitHub allows (a submitted review cannot be deleted):
// the oldest review stays, the newer one's comments are deleted and its body points at the oldest.
import type { GitHubClient } from '../../github/client.js'
import { NO_RETRY } from '../../github/no-retry.js'
import { listAll } from '../../github/paginate.js'
import { ambiguous, pause, status } from '../../github/writes.js'
import { rightLines, type RightLine } from './hunks.js'
import type { ReviewComment } from './place.js'

export interface PullTarget {
  owner: string
  repo: string
  number: number
}

export interface Review {
  id: number
  body?: string | null
  html_url?: string
}

const ATTEMPTS = 3

/** The marker of the review for one head commit: a rerun on the same commit finds it and posts nothing. */
export const markerFor = (sha: string): string => `<!-- build-gate:suggestions ${sha} -->`

const params = (t: PullTarget) => ({ owner: t.owner, repo: t.repo, pull_number: t.number })

export async function headOf(client: GitHubClient, target: PullTarget): Promise<string> {
  return (await client.rest.pulls.get(params(target))).data.head.sha
}

/** The reviews that carry the marker of `sha`, oldest first. */
async function marked(client: GitHubClient, target: PullTarget, sha: string): Promise<Review[]> {
  const reviews = await listAll<Review>(
    client,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    params(target)
  )
  return reviews.filter(r => r.body?.includes(markerFor(sha))).sort((a, b) => a.id - b.id)
}

/** The oldest review that carries the marker of `sha`. */
export async function findReview(
  client: GitHubClient,
  target: PullTarget,
  sha: string
): Promise<Review | null> {
  return (await marked(client, target, sha))[0] ?? null
}

/**
 * After posting: when another run posted for the same head first, this run's review gives way (its
 * comments deleted, its body pointing at the other one, without the marker). Returns the review kept.
 */
export async function settleRace(
  client: GitHubClient,
  target: PullTarget,
  sha: string,
  mine: Review,
  log: (line: string) => void
): Promise<Review> {
  const oldest = (await marked(client, target, sha))[0]
  if (!oldest || oldest.id >= mine.id) return mine
  log(
    `another run posted the suggestions for ${sha.slice(0, 7)} at the same time; review ${mine.id} gives way`
  )
  const comments = await listAll<{ id: number }>(
    client,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments',
    { ...params(target), review_id: mine.id }
  )
  for (const c of comments)
    try {
      await client.rest.pulls.deleteReviewComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: c.id
      })
    } catch (e) {
      if (status(e) !== 404) throw e
    }
  await client.rest.pulls.updateReview({
    ...params(target),
    review_id: mine.id,
    body: `Another run posted these suggestions at the same time: ${oldest.html_url ?? `review ${oldest.id}`}.`
  })
  return oldest
}

/** The right side of the pull request's diff, by file (files GitHub gives no patch for have no lines). */
export async function pullDiff(
  client: GitHubClient,
  target: PullTarget,
  log: (line: string) => void
): Promise<Map<string, Map<number, RightLine>>> {
  const files = await listAll<{ filename: string; patch?: string }>(
    client,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    params(target),
    log
  )
  return new Map(files.map(f => [f.filename, rightLines(f.patch ?? '')]))
}

export async function postReview(
  client: GitHubClient,
  target: PullTarget,
  review: { sha: string; body: string; comments: ReviewComment[] },
  log: (line: string) => void
): Promise<Review> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await client.rest.pulls.createReview({
        ...params(target),
        commit_id: review.sha,
        event: 'COMMENT',
        body: review.body,
        comments: review.comments,
        ...NO_RETRY
      })
      return data
    } catch (e) {
      if (!ambiguous(e) || attempt >= ATTEMPTS) throw e
      log(`posting the review on pull request #${target.number} may have failed; reading the reviews first`)
      const found = await findReview(client, target, review.sha)
      if (found) return found
      await pause(1000 * attempt)
    }
  }
}
