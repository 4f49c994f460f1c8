// The run history lives where the baseline lives (the gate's document store), with the history's codec.
import type { GitHubClient } from '../../github/client.js'
import type { RunContext } from '../../github/context.js'
import type { DocumentStore } from '../../store/document-store.js'
import { openDocument, type StoreConfig } from '../../store/documents.js'
import { historyCodec, type History } from './history.js'
import type { TrackerConfig } from './inputs.js'

export function historyStore(
  config: StoreConfig,
  tracker: Pick<TrackerConfig, 'historyPath'> & Partial<Pick<TrackerConfig, 'historyPathGiven'>>,
  ctx: Pick<RunContext, 'owner' | 'repo'>,
  client: GitHubClient | null
): { store: DocumentStore<History> | null; unreachable?: string } {
  const opened = openDocument(
    config,
    ctx,
    client,
    tracker.historyPath,
    historyCodec,
    tracker.historyPathGiven ?? true
  )
  return opened.store
    ? { store: opened.store }
    : { store: null, unreachable: `the run history on the baseline branch ${opened.why}` }
}
