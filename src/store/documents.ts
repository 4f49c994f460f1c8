// The gate's documents (the build-time baseline, the run history) live in one place, as
// baseline-store says: a dedicated branch, through the contents API, or local files (relative to the
// working directory when their path was given, else in the user's state directory, see state-dir.ts).
// Opening one names why it cannot be reached instead of failing.
import type { CoreConfig } from '../config.js'
import type { GitHubClient } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import { BranchStore } from './branch-store.js'
import type { DocumentCodec, DocumentStore } from './document-store.js'
import { FileStore } from './file-store.js'
import { localDocument } from './state-dir.js'

export type Opened<T> = { store: DocumentStore<T> } | { store: null; why: string }

export type StoreConfig = Pick<CoreConfig, 'baselineStore' | 'baselineBranch' | 'workingDirectory'>

/**
 * The document at `path` in the gate's store; on the branch it needs a client and the repository.
 * `given`: the path's input was set (a local file then stays where it says).
 */
export function openDocument<T>(
  config: StoreConfig,
  ctx: Pick<RunContext, 'owner' | 'repo'>,
  client: GitHubClient | null,
  path: string,
  codec: DocumentCodec<T>,
  given = true
): Opened<T> {
  if (config.baselineStore === 'file') {
    const doc = localDocument(config.workingDirectory, path, given)
    return { store: new FileStore(doc.file, config.workingDirectory, codec, doc.legacy) }
  }
  if (!client || !ctx.owner || !ctx.repo)
    return { store: null, why: 'needs github-token and GITHUB_REPOSITORY' }
  const branch = { owner: ctx.owner, repo: ctx.repo, branch: config.baselineBranch, path }
  return { store: new BranchStore(client, branch, codec) }
}

/** Opens a document of the gate's store, connecting to GitHub only when it has to. */
export type OpenDocument = <T>(path: string, codec: DocumentCodec<T>, given?: boolean) => Promise<Opened<T>>

export function documentOpener(
  config: StoreConfig,
  ctx: Pick<RunContext, 'owner' | 'repo'>,
  github: () => Promise<GitHubClient | null>
): OpenDocument {
  return async (path, codec, given) =>
    openDocument(
      config,
      ctx,
      config.baselineStore === 'branch' && ctx.owner && ctx.repo ? await github() : null,
      path,
      codec,
      given
    )
}
