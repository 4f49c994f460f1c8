// pr-comment: one sticky comment on the pull request, the run's job summary (src/github/comment.ts).
// Runs after the roadmap, so the comment shows its section too; posted by the merge job, never a shard.
// A comment that cannot be posted is a warning naming the pull request and GitHub's answer: it never
// turns the step red on its own.
import { errorMessage } from '../../errors.js'
import { upsertStickyComment, type CommentAction } from '../../github/comment.js'
import type { Capability, CapabilityResult } from '../capability.js'
import type { WorkstreamsSection } from '../roadmap/index.js'

export type PrCommentParts = {
  config: { commentOnPr: boolean }
  /** On a read-only token it turns the roadmap's preview into report-only, saying why. */
  section: { workstreams?: WorkstreamsSection }
}

const none: CapabilityResult<PrCommentParts> = { section: {}, findings: [] }

export const prComment: Capability<PrCommentParts> = {
  name: 'pr-comment',
  stage: 'sync',
  inputs: [
    {
      name: 'comment-on-pr',
      default: 'true',
      description: 'Keep one sticky comment with the verdict on the pull request.'
    }
  ],
  parse: p => ({ commentOnPr: p.bool('comment-on-pr') }),
  codes: {},
  outputs: [],
  async sync(ports, config) {
    const { ctx, github, report } = ports
    if (!config.commentOnPr || config.shard || !github || !ports.renderSummary) return none
    if (!ctx.pullRequest || !ctx.owner || !ctx.repo) return none
    const target = { owner: ctx.owner, repo: ctx.repo, number: ctx.pullRequest.number }
    let action: CommentAction
    try {
      ;({ action } = await upsertStickyComment(github, target, ports.renderSummary(report), ports.log))
    } catch (e) {
      // The comment repeats the verdict; failing to post it is not the verdict.
      const why = `The comment on pull request #${target.number} could not be posted or updated: ${errorMessage(e)}. The verdict stands; the job summary and the report have it`
      ports.log(why)
      return { ...none, warnings: [why] }
    }
    ports.log(`pull request comment: ${action}`)
    if (action !== 'forbidden') return none
    const why = `The token may not comment on pull request #${target.number} (HTTP 403${ctx.pullRequest.fork ? ', a fork PR has a read-only token' : ''}): the report is in the job summary only`
    ports.log(why)
    const ws = report.workstreams
    return ws?.mode === 'preview'
      ? { section: { workstreams: { ...ws, mode: 'report-only', note: `${ws.note}. ${why}` } }, findings: [] }
      : none
  }
}
