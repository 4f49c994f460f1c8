// The baseline as a JSON file on a dedicated branch, through the contents API. Writes carry the blob
// sha they read; when another run wrote in between (409, or 422 for a file that appeared meanwhile)
// the file is read again and the same change applied to it, so both runs' samples survive.
import type { GitHubClient } from '../github/client.js'
import { GitHubRequestError } from '../github/errors.js'
import { BaselineError, parseBaseline, serializeBaseline, type Baseline } from './schema.js'
import type { BaselineStore } from './store.js'

export interface BranchStoreOptions {
  owner: string
  repo: string
  branch: string
  path: string
  /** Attempts at a conflicting write before giving up. */
  attempts?: number
  message?: string
}

/**
 * The baseline could not be read because GitHub could not be reached or kept failing (no answer,
 * 5xx after retries, a page that is not the API's): build time is then not compared, which is a
 * warning, not a red build. A baseline GitHub did return but that is corrupt stays a BaselineError.
 */
export class BaselineUnreachable extends Error {
  constructor(
    readonly location: string,
    readonly cause: GitHubRequestError
  ) {
    super(`the baseline (${location}) could not be read: ${cause.message}`)
    this.name = 'BaselineUnreachable'
  }
}

export function unreachable(e: unknown): e is GitHubRequestError {
  return e instanceof GitHubRequestError && (e.status === 0 || e.status >= 500)
}

export class BranchStore implements BaselineStore {
  readonly location: string

  constructor(
    private readonly client: GitHubClient,
    private readonly opts: BranchStoreOptions
  ) {
    this.location = `${opts.path} on branch ${opts.branch} of ${opts.owner}/${opts.repo}`
  }

  async read(): Promise<Baseline | null> {
    return (await this.fetch()).baseline
  }

  async update(change: (current: Baseline | null) => Baseline): Promise<Baseline> {
    const attempts = this.opts.attempts ?? 5
    await this.ensureBranch()
    for (let attempt = 1; ; attempt++) {
      const { baseline, sha } = await this.fetch()
      const next = change(baseline)
      try {
        await this.client.rest.repos.createOrUpdateFileContents({
          owner: this.opts.owner,
          repo: this.opts.repo,
          path: this.opts.path,
          branch: this.opts.branch,
          message: this.opts.message ?? 'Update build-gate baseline',
          content: Buffer.from(serializeBaseline(next)).toString('base64'),
          ...(sha ? { sha } : {})
        })
        return next
      } catch (e) {
        const status = (e as { status?: number }).status
        if ((status === 409 || status === 422) && attempt < attempts) continue
        const why =
          status === 409 || status === 422 ? `still conflicting after ${attempts} attempts` : describe(e)
        throw new BaselineError(this.location, `could not be written: ${why}${hint(status)}`)
      }
    }
  }

  private async fetch(): Promise<{ baseline: Baseline | null; sha: string | null }> {
    let data: unknown
    try {
      ;({ data } = await this.client.rest.repos.getContent({
        owner: this.opts.owner,
        repo: this.opts.repo,
        path: this.opts.path,
        ref: this.opts.branch
      }))
    } catch (e) {
      // 404 covers both a missing file and a missing branch: either way, no baseline yet.
      if ((e as { status?: number }).status === 404) return { baseline: null, sha: null }
      if (unreachable(e)) throw new BaselineUnreachable(this.location, e)
      throw new BaselineError(
        this.location,
        `could not be read: ${describe(e)}${hint((e as { status?: number }).status)}`
      )
    }
    const file = data as { type?: string; content?: string; encoding?: string; sha?: string }
    if (Array.isArray(data) || file.type !== 'file')
      throw new BaselineError(
        this.location,
        'is a directory, not a file; set baseline-path to a file such as build-gate/baseline.json.'
      )
    if (file.encoding !== 'base64' || typeof file.content !== 'string')
      throw new BaselineError(
        this.location,
        `came back with encoding '${file.encoding}' (over 1 MB?); lower baseline-history or delete the file.`
      )
    const text = Buffer.from(file.content, 'base64').toString('utf8')
    return { baseline: parseBaseline(text, this.location), sha: file.sha ?? null }
  }

  /** Creates the baseline branch from the default branch's head when it does not exist yet. */
  private async ensureBranch(): Promise<void> {
    const { owner, repo, branch } = this.opts
    try {
      await this.client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
      return
    } catch (e) {
      if ((e as { status?: number }).status !== 404)
        throw new BaselineError(
          this.location,
          `branch lookup failed: ${describe(e)}${hint((e as { status?: number }).status)}`
        )
    }
    try {
      const { data: r } = await this.client.rest.repos.get({ owner, repo })
      const { data: head } = await this.client.rest.git.getRef({
        owner,
        repo,
        ref: `heads/${r.default_branch}`
      })
      await this.client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: head.object.sha })
    } catch (e) {
      const status = (e as { status?: number }).status
      // Another run created it first: fine.
      if (status === 422 && /already exists/i.test(describe(e))) return
      throw new BaselineError(this.location, `could not create the branch: ${describe(e)}${hint(status)}`)
    }
  }
}

function describe(e: unknown): string {
  // The client's errors already name the request and the status.
  if (e instanceof GitHubRequestError) return e.message
  const err = e as { status?: number; message?: string }
  return err.status ? `HTTP ${err.status}: ${err.message}` : String(err.message ?? e)
}

function hint(status: number | undefined): string {
  if (status === 401) return '; the github-token is missing or invalid.'
  if (status === 403)
    return '; the token cannot write contents: give the workflow `permissions: contents: write`, or use baseline-store: file.'
  return '.'
}
