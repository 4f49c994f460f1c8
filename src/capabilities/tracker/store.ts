// The run history lives where the baseline lives: the baseline branch (contents API, sha-checked
// writes) or a local file; the same stores, with the history's codec.
import { BranchStore } from '../../store/branch-store.js'
import { FileStore } from '../../store/file-store.js'
import { localDocument } from '../../store/state-dir.js'
import type { DocumentStore } from '../../store/document-store.js'
import type { GateConfig } from '../../config.js'
import type { GitHubClient } from '../../github/client.js'
import type { RunContext } from '../../github/context.js'
import { historyCodec, type History } from './history.js'
import type { TrackerConfig } from './inputs.js'

export function historyStore(
  config: Pick<GateConfig, 'baselineStore' | 'baselineBranch' | 'workingDirectory'>,
  tracker: Pick<TrackerConfig, 'historyPath'> & Partial<Pick<TrackerConfig, 'historyPathGiven'>>,
  ctx: Pick<RunContext, 'owner' | 'repo'>,
  client: GitHubClient | null
): { store: DocumentStore<History> | null; unreachable?: string } {
  if (config.baselineStore === 'file') {
    const doc = localDocument(config.workingDirectory, tracker.historyPath, tracker.historyPathGiven ?? true)
    return { store: new FileStore(doc.file, config.workingDirectory, historyCodec, doc.legacy) }
  }
  if (!client || !ctx.owner || !ctx.repo)
    return {
      store: null,
      unreachable: 'the run history on the baseline branch needs github-token and GITHUB_REPOSITORY'
    }
  const opts = { owner: ctx.owner, repo: ctx.repo, branch: config.baselineBranch, path: tracker.historyPath }
  return { store: new BranchStore(client, opts, historyCodec) }
}
