// On a trusted run, one open issue per flaky test: opened the first time, one comment per later run that
// sees it flaky, reopened when it flakes again after being closed. Every create goes through
// github/create-once.ts (found again by its marker after an ambiguous answer, concurrent runs converge)
// and the write policy (a 403 stops the writes: report only). Nothing here changes the verdict.
import type { RunContext } from '../../github/context.js'
import {
  closeDuplicates,
  commentOnce,
  createIssueOnce,
  createLabelOnce,
  labelExists,
  listComments,
  listIssues,
  type IssueIdentity,
  type ListedIssue
} from '../../github/create-once.js'
import { applyInOrder, errorText, type GitHubClient } from '../../github/writes.js'
import type { FlakyTest } from '../tests/index.js'
import type { FlakyMemory } from '../tracker/index.js'
import {
  FLAKY_LABEL,
  issueBody,
  issueTitle,
  occurrenceComment,
  seenMarker,
  testMarker,
  type RunSeen
} from './issue.js'
import type { FlakyIssue, FlakyIssueAction, FlakyIssuesSection } from './section.js'

export interface KeepInput {
  flaky: readonly FlakyTest[]
  /** The tracker's count of how often each flaked lately (absent without the tracker). */
  memory?: readonly FlakyMemory[]
  ctx: RunContext
  client: GitHubClient | null
  dryRun: boolean
  shard: { index: number; total: number } | null
  log: (line: string) => void
}

export interface Kept {
  section: FlakyIssuesSection
  /** A write that failed, said as a warning: it fails nothing. */
  warnings: string[]
}

const nameOf = (t: Pick<FlakyTest, 'crate' | 'name'>) => `${t.crate} ${t.name}`

type Write = { kind: 'label' } | { kind: 'test'; test: FlakyTest }

export async function keepFlakyIssues(i: KeepInput): Promise<Kept> {
  const { ctx, client, log } = i
  // One issue per test, however many shards or binaries named it.
  const tests = [...new Map(i.flaky.map(t => [testMarker(t), t])).values()]
  const issues = new Map<string, FlakyIssue>(
    tests.map(t => [testMarker(t), { test: nameOf(t), action: 'not-written', number: null, url: null }])
  )
  const section = (mode: FlakyIssuesSection['mode'], applied: number, note: string): FlakyIssuesSection => ({
    mode,
    issues: [...issues.values()],
    appliedWrites: applied,
    note
  })
  const untrusted = whyNotWritten(i)
  if (untrusted) {
    log(`flaky-test issues: report only: ${untrusted}`)
    return { section: section('report-only', 0, untrusted), warnings: [] }
  }
  const repo = { owner: ctx.owner!, repo: ctx.repo! }
  const url = (n: number) => `${ctx.serverUrl}/${repo.owner}/${repo.repo}/issues/${n}`
  const run: RunSeen = { runUrl: ctx.runUrl, sha: ctx.sha, memory: i.memory }
  let listed: ListedIssue[] | null = null
  // Writes that changed something on GitHub (a failed write stops the count where it was).
  let made = 0
  const done = (t: FlakyTest, action: FlakyIssueAction, number: number | null) =>
    issues.set(testMarker(t), { test: nameOf(t), action, number, url: number ? url(number) : null })

  const keep = async (t: FlakyTest): Promise<boolean> => {
    listed ??= await listIssues(client!, repo, FLAKY_LABEL.name, 'all', log)
    const marker = testMarker(t)
    const id: IssueIdentity = {
      label: FLAKY_LABEL.name,
      marked: body => !!body?.includes(marker),
      what: `the flaky-test issue of ${nameOf(t)}`
    }
    const mine = listed.filter(x => id.marked(x.body))
    const open = mine.filter(x => x.state === 'open')
    if (open.length > 0) {
      // Duplicates a race left behind (GitHub listed the other run's issue late) are closed now.
      const kept = await closeDuplicates(client!, repo, open, id, { number: open[0].number, body: '' }, log)
      made += kept.closed.length
      return record(t, kept.number, kept.body, 'commented')
    }
    const closed = mine.at(-1)
    if (closed) {
      // Closed as not planned (or as a duplicate): someone decided not to track it; that stands.
      if (closed.stateReason && closed.stateReason !== 'completed') {
        done(t, 'left-closed', closed.number)
        return false
      }
      await client!.rest.issues.update({ ...repo, issue_number: closed.number, state: 'open' })
      made++
      return record(t, closed.number, closed.body ?? '', 'reopened')
    }
    const body = issueBody(t, run)
    const created = await createIssueOnce(
      client!,
      repo,
      { title: issueTitle(t), body, labels: [FLAKY_LABEL.name] },
      id,
      log
    )
    made += created.closed.length + 1
    // A concurrent run's issue was kept: this run's occurrence goes in a comment on it.
    const seen = seenMarker(run)
    if (seen ? !created.body.includes(seen) : created.body !== body)
      return record(t, created.number, created.body, 'commented')
    done(t, 'opened', created.number)
    return true
  }

  /** This run's occurrence on the issue, once: nothing when its body or a comment already has it. */
  const record = async (
    t: FlakyTest,
    number: number,
    body: string,
    action: 'commented' | 'reopened'
  ): Promise<boolean> => {
    const seen = seenMarker(run)
    const there =
      !seen ||
      body.includes(seen) ||
      (await listComments(client!, repo, number)).some(c => !!c.body?.includes(seen))
    if (there) {
      done(t, action === 'reopened' ? 'reopened' : 'recorded', number)
      return action === 'reopened'
    }
    await commentOnce(client!, repo, number, occurrenceComment(t, run, action === 'reopened'), c =>
      c.includes(seen)
    )
    made++
    done(t, action, number)
    return true
  }

  const label = async (): Promise<boolean> => {
    if (await labelExists(client!, repo, FLAKY_LABEL.name)) return false
    const createdNow = await createLabelOnce(client!, repo, FLAKY_LABEL, log)
    if (createdNow) made++
    return createdNow
  }

  const writes: Write[] = [{ kind: 'label' }, ...tests.map(test => ({ kind: 'test' as const, test }))]
  try {
    const applied = await applyInOrder(writes, {
      what: w => (w.kind === 'label' ? `label ${FLAKY_LABEL.name}` : `flaky-test issue of ${nameOf(w.test)}`),
      apply: w => (w.kind === 'label' ? label() : keep(w.test)),
      unchanged: ' (nothing to add)',
      log
    })
    if (applied.forbidden)
      return {
        section: section(
          'report-only',
          made,
          `the token may not write (${applied.forbidden}); give the workflow \`permissions: issues: write\`. ${made} write(s) were made before that; the verdict stands`
        ),
        warnings: []
      }
    return { section: section('apply', made, `${made} write(s) made`), warnings: [] }
  } catch (e) {
    const error = errorText(e)
    return {
      section: {
        ...section(
          'apply',
          made,
          `a write failed; the flaky tests after it have no issue this run; the verdict stands`
        ),
        error
      },
      warnings: [`Flaky-test issues: ${error}`]
    }
  }
}

/** Why this run writes no issue; null when it may. */
function whyNotWritten(i: KeepInput): string | null {
  const { ctx } = i
  const only = 'only a trusted run (a push to the default branch, a schedule) opens or comments on issues'
  if (i.shard)
    return `shard ${i.shard.index} of ${i.shard.total}: the merge job keeps the issues of the flaky tests`
  if (i.dryRun) return 'dry run: no issue opened or commented'
  if (!i.client) return 'no GitHub token: no issue opened or commented'
  if (!ctx.owner || !ctx.repo) return 'no repository (GITHUB_REPOSITORY is not set)'
  if (ctx.pullRequest)
    return `pull request #${ctx.pullRequest.number}${ctx.pullRequest.fork ? ' from a fork' : ''}: ${only}`
  if (!ctx.trusted) return `${ctx.trustReason}: ${only}`
  return null
}
