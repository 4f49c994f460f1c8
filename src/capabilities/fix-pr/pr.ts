// The fix PR: one branch holding exactly the verified changes, written with the Git Data API (blobs,
// tree, commit, ref), and one pull request, created or updated. Idempotent: when the branch already holds
// these contents and the PR this body, nothing is written. Never on an untrusted run (a pull request).
import type { GitHubClient } from '../../github/client.js'
import type { RunContext } from '../../github/context.js'
import { gitBlobSha, type ChangedFile, type FixesSection } from '../fixes/index.js'
import type { LintFixesSection } from '../lint-fixes/index.js'
import { FIX_BRANCH, fixPrBody, fixPrTitle } from './pr-body.js'

export interface FixPrInputs {
  client: GitHubClient | null
  ctx: RunContext
  /** The dependency fixes of this job's search; null when it found none to make. */
  section: FixesSection | null
  /** The lint fix of this job; null when none was made. */
  lint?: LintFixesSection | null
  /** Every verified change: the dependency fixes' and the lint fix's files. */
  files: ChangedFile[]
  /** Path of the workspace root inside the repository ('' at the root). */
  repoPath: string
  dryRun: boolean
  log: (line: string) => void
}

export interface FixPrOutcome {
  mode: 'created' | 'updated' | 'unchanged' | 'dry-run' | 'report-only' | 'skipped'
  url: string | null
  writes: number
  planned: string[]
  note: string
}

export async function syncFixPr(inputs: FixPrInputs): Promise<FixPrOutcome> {
  const { client, ctx, section, log } = inputs
  const lint = inputs.lint ?? null
  const verified = section?.fixes.filter(f => f.verified) ?? []
  const skip = (note: string): FixPrOutcome => ({ mode: 'skipped', url: null, writes: 0, planned: [], note })
  if (ctx.pullRequest || !ctx.trusted) return skip(`no fix PR: ${ctx.trustReason}`)
  if (inputs.files.length === 0 || (verified.length === 0 && lint?.status !== 'verified'))
    return skip('no fix PR: no verified fix')
  if (!client || !ctx.owner || !ctx.repo || !ctx.sha)
    return skip('no fix PR: needs github-token, GITHUB_REPOSITORY and GITHUB_SHA')
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const base = ctx.defaultBranch ?? ctx.ref?.replace(/^refs\/heads\//, '') ?? 'main'
  const files = inputs.files.map(f => ({ path: joinPath(inputs.repoPath, f.path), content: f.after }))
  const body = fixPrBody(section, lint)
  const planned: string[] = []
  let writes = 0

  const branchSha = await refSha(client, repo, `heads/${FIX_BRANCH}`)
  const current = branchSha ? await treeBlobs(client, repo, branchSha) : null
  const branchUpToDate = current !== null && files.every(f => current.get(f.path) === gitBlobSha(f.content))
  const open = (
    await client.rest.pulls.list({
      ...repo,
      state: 'open',
      head: `${ctx.owner}:${FIX_BRANCH}`,
      base,
      per_page: 100
    })
  ).data[0]
  if (!branchUpToDate)
    planned.push(
      `${branchSha ? 'update' : 'create'} branch ${FIX_BRANCH} with ${files.map(f => f.path).join(', ')}`
    )
  if (!open) planned.push(`open a pull request ${FIX_BRANCH} → ${base}`)
  else if ((open.body ?? '') !== body) planned.push(`update the body of pull request #${open.number}`)
  if (planned.length === 0)
    return { mode: 'unchanged', url: open!.html_url, writes: 0, planned, note: 'the fix PR is up to date' }
  if (inputs.dryRun) {
    for (const p of planned) log(`[dry-run] would ${p}`)
    return {
      mode: 'dry-run',
      url: open?.html_url ?? null,
      writes: 0,
      planned,
      note: 'dry-run: planned, not written'
    }
  }
  try {
    if (!branchUpToDate) {
      const baseTree = (await client.rest.git.getCommit({ ...repo, commit_sha: ctx.sha })).data.tree.sha
      const tree = []
      for (const f of files) {
        const blob = await client.rest.git.createBlob({
          ...repo,
          content: Buffer.from(f.content).toString('base64'),
          encoding: 'base64'
        })
        writes++
        tree.push({ path: f.path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha })
      }
      const newTree = await client.rest.git.createTree({ ...repo, base_tree: baseTree, tree })
      const commit = await client.rest.git.createCommit({
        ...repo,
        message: commitMessage(verified, lint),
        tree: newTree.data.sha,
        parents: [ctx.sha]
      })
      writes += 2
      // The branch is build-gate's own: it is rebuilt on the gated commit, so it is moved by force.
      if (branchSha)
        await client.rest.git.updateRef({
          ...repo,
          ref: `heads/${FIX_BRANCH}`,
          sha: commit.data.sha,
          force: true
        })
      else await client.rest.git.createRef({ ...repo, ref: `refs/heads/${FIX_BRANCH}`, sha: commit.data.sha })
      writes++
      log(`fix PR: branch ${FIX_BRANCH} at ${commit.data.sha}`)
    }
    if (open) {
      if ((open.body ?? '') !== body) {
        await client.rest.pulls.update({ ...repo, pull_number: open.number, body })
        writes++
      }
      return {
        mode: 'updated',
        url: open.html_url,
        writes,
        planned,
        note: `updated pull request #${open.number}`
      }
    }
    const created = await client.rest.pulls.create({
      ...repo,
      title: fixPrTitle(section, lint),
      head: FIX_BRANCH,
      base,
      body
    })
    writes++
    return {
      mode: 'created',
      url: created.data.html_url,
      writes,
      planned,
      note: `opened pull request #${created.data.number}`
    }
  } catch (e) {
    if ((e as { status?: number }).status !== 403) throw e
    return {
      mode: 'report-only',
      url: open?.html_url ?? null,
      writes,
      planned,
      note: 'the token may not write (HTTP 403): the fixes are in the summary only; give the workflow `contents: write` and `pull-requests: write`'
    }
  }
}

function commitMessage(verified: FixesSection['fixes'], lint: LintFixesSection | null): string {
  const deps = verified.map(
    f => `${f.crate} ${f.from} -> ${f.to} (${f.target.code} ${f.target.crate} ${f.target.version})`
  )
  const lints =
    lint?.status === 'verified'
      ? lint.fixed.map(f => `${f.crate}: ${f.lint || '-'} in ${f.file} (${f.count})`)
      : []
  const title =
    deps.length && lints.length
      ? "Fix dependency conflicts, apply rustc's machine-applicable fixes"
      : deps.length
        ? 'Fix dependency conflicts'
        : `Apply rustc's machine-applicable fixes (${lint?.command.join(' ') ?? 'cargo fix'})`
  return `${title}\n\n${[...deps, ...lints].join('\n')}`
}

async function refSha(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  ref: string
): Promise<string | null> {
  try {
    return (await client.rest.git.getRef({ ...repo, ref })).data.object.sha
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null
    throw e
  }
}

/** path → blob sha of every file in the commit's tree. */
async function treeBlobs(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  commitSha: string
): Promise<Map<string, string>> {
  const tree = (await client.rest.git.getCommit({ ...repo, commit_sha: commitSha })).data.tree.sha
  const { data } = await client.rest.git.getTree({ ...repo, tree_sha: tree, recursive: '1' })
  return new Map(data.tree.filter(e => e.type === 'blob' && e.path && e.sha).map(e => [e.path!, e.sha!]))
}

function joinPath(prefix: string, rel: string): string {
  const p = prefix.replace(/\\/g, '/').replace(/^\.\/?|\/$/g, '')
  return p ? `${p}/${rel}` : rel
}
