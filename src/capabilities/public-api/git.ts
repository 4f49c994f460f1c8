// Git for the API check: which revision is the base, what changed since, and a throw-away worktree
// of the base. Every failure is a sentence a user can act on (the result is then `unknown`).
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { Exec } from './exec.js'

const GIT_TIMEOUT_MS = 120_000

export class BaseUnavailable extends Error {}

export interface BaseRevision {
  /** What was asked for (input, the pull request's or merge group's base, or the parent of the head). */
  rev: string
  from: 'input' | 'pull_request' | 'merge_group' | 'parent'
  sha: string
}

/**
 * The revision to compare with, before asking git: the input, else the PR's base, else (in a merge
 * queue) the merge group's base, the commit the group is merged onto, else the head's parent.
 */
export function baseRequest(
  input: string,
  env: Record<string, string | undefined>,
  payload: Record<string, unknown>
): Pick<BaseRevision, 'rev' | 'from'> {
  if (input.trim()) return { rev: input.trim(), from: 'input' }
  const pr = payload.pull_request as { base?: { sha?: string } } | undefined
  if ((env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request') && pr?.base?.sha)
    return { rev: pr.base.sha, from: 'pull_request' }
  const group = payload.merge_group as { base_sha?: string } | undefined
  if (env.GITHUB_EVENT_NAME === 'merge_group' && group?.base_sha)
    return { rev: group.base_sha, from: 'merge_group' }
  return { rev: `${env.GITHUB_SHA || 'HEAD'}^`, from: 'parent' }
}

async function git(run: Exec, cwd: string, args: string[]): Promise<string> {
  const r = await run('git', args, { cwd, timeoutMs: GIT_TIMEOUT_MS, env: { GIT_TERMINAL_PROMPT: '0' } })
  if (r.error) throw new BaseUnavailable(r.error)
  if (r.code !== 0) throw new GitFailed(r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`)
  return r.stdout
}

class GitFailed extends Error {}

export async function repositoryRoot(run: Exec, cwd: string): Promise<string> {
  try {
    return (await git(run, cwd, ['rev-parse', '--show-toplevel'])).trim()
  } catch (e) {
    if (e instanceof BaseUnavailable) throw e
    throw new BaseUnavailable(
      `${cwd} is not inside a git repository, so there is no base revision to compare the public API with. ` +
        'Check out the repository with git (actions/checkout), or set public-api: off.'
    )
  }
}

export async function resolveBase(
  run: Exec,
  repo: string,
  request: Pick<BaseRevision, 'rev' | 'from'>
): Promise<BaseRevision> {
  try {
    const sha = (await git(run, repo, ['rev-parse', '--verify', '--quiet', `${request.rev}^{commit}`])).trim()
    return { ...request, sha }
  } catch (e) {
    if (e instanceof BaseUnavailable) throw e
    const shallow = (await git(run, repo, ['rev-parse', '--is-shallow-repository']).catch(() => '')).trim()
    throw new BaseUnavailable(
      `the base revision ${request.rev} (${describeFrom(request.from)}) is not in this clone` +
        (shallow === 'true' ? ' (it is a shallow clone)' : '') +
        '. With actions/checkout, set `fetch-depth: 0` (or fetch the base commit), or name another revision in `public-api-base`.'
    )
  }
}

export function describeFrom(from: BaseRevision['from']): string {
  return {
    input: 'public-api-base',
    pull_request: "the pull request's base",
    merge_group: "the merge group's base",
    parent: "the head's parent"
  }[from]
}

/** Files (relative to the repository root) that differ between the base and the working tree. */
export async function changedFiles(run: Exec, repo: string, sha: string): Promise<Set<string>> {
  const diff = await git(run, repo, ['diff', '--name-only', '--no-renames', '-z', sha, '--'])
  const untracked = await git(run, repo, ['ls-files', '--others', '--exclude-standard', '-z'])
  return new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean))
}

/**
 * A detached worktree of the base. Files the head did not change get the head's modification times,
 * so cargo finds the head's artifacts of unchanged crates fresh and only rebuilds what differs.
 */
export async function addWorktree(
  run: Exec,
  repo: string,
  sha: string,
  changed: Set<string>
): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-gate-api-base-'))
  try {
    await git(run, repo, ['worktree', 'add', '--detach', '--force', dir, sha])
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw new BaseUnavailable(`git could not check out the base ${sha.slice(0, 12)}: ${(e as Error).message}`)
  }
  const files = (await git(run, dir, ['ls-files', '-z'])).split('\0').filter(Boolean)
  for (const file of files) {
    if (changed.has(file)) continue
    try {
      const head = statSync(path.join(repo, file))
      utimesSync(path.join(dir, file), head.atime, head.mtime)
    } catch {
      // Missing on one side (a submodule, a symlink): cargo rebuilds what it needs.
    }
  }
  return dir
}

export async function removeWorktree(run: Exec, repo: string, dir: string): Promise<void> {
  await git(run, repo, ['worktree', 'remove', '--force', dir]).catch(() => undefined)
  rmSync(dir, { recursive: true, force: true })
  await git(run, repo, ['worktree', 'prune']).catch(() => undefined)
}
