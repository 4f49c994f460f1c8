// Which recorded run is the base: the record of the pull request's base commit; else the latest record
// git places before that commit (an ancestor); else, when git cannot tell (a shallow clone), the latest
// record. Outside a pull request: the latest record of another commit. Only records that kept their
// warnings can be a base.
import type { RunContext } from '../../github/context.js'
import type { RunRecord } from '../tracker/index.js'
import type { BaseHow } from './section.js'

export type BaseChoice = { record: RunRecord; how: BaseHow } | { record: null; why: string }

/** Whether `ancestor` is an ancestor of (or is) `commit`; null when git cannot tell. */
export type IsAncestor = (ancestor: string, commit: string) => Promise<boolean | null>

/** Records asked about, newest first, before the latest is taken: each is one git call. */
const ANCESTRY_LOOKUPS = 30

export async function chooseBase(
  runs: readonly RunRecord[],
  ctx: Pick<RunContext, 'sha' | 'pullRequest' | 'defaultBranch'>,
  isAncestor: IsAncestor
): Promise<BaseChoice> {
  const newest = [...runs].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  if (newest.length === 0) return { record: null, why: 'the run history has no recorded run yet' }
  const pr = ctx.pullRequest
  if (!pr) {
    const previous = newest.find(r => !ctx.sha || r.sha !== ctx.sha)
    return previous
      ? usable(previous, 'previous-run')
      : { record: null, why: 'the run history has no run of another commit' }
  }
  if (ctx.defaultBranch && pr.baseRef && pr.baseRef !== ctx.defaultBranch)
    return {
      record: null,
      why: `trusted runs record the default branch (${ctx.defaultBranch}), and this pull request's base is ${pr.baseRef}`
    }
  if (!pr.baseSha) return usable(newest[0], 'latest')
  const exact = newest.find(r => r.sha === pr.baseSha)
  if (exact) return usable(exact, 'base-commit')
  let told = false
  for (const r of newest.slice(0, ANCESTRY_LOOKUPS)) {
    if (!r.sha) continue
    const before = await isAncestor(r.sha, pr.baseSha)
    if (before === null) continue
    told = true
    if (before) return usable(r, 'before-base')
  }
  return told
    ? { record: null, why: `no recorded run is of the base commit ${pr.baseSha.slice(0, 7)} or before it` }
    : usable(newest[0], 'latest')
}

function usable(record: RunRecord, how: BaseHow): BaseChoice {
  if (record.warnings) return { record, how }
  const which = `${record.sha ? record.sha.slice(0, 7) : record.at}`
  return {
    record: null,
    why: `the base's record (${which}) kept no warnings: its build did not complete, or an older build-gate recorded it`
  }
}
