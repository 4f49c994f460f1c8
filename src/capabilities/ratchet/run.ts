// The ratchet's run: this run's warnings (every one, by identity: the build's tally) against the base
// record of the run history. No history, no base record, or one that cannot be read: said, and every
// warning counts as new (fail closed).
import type { ProcessRunner } from '../../cargo/phase.js'
import { totalWarnings, warningIdentity, type WarningSet } from '../../cargo/warning-set.js'
import { errorMessage } from '../../errors.js'
import type { RunContext } from '../../github/context.js'
import type { Diagnostic } from '../../report/schema.js'
import type { OpenDocument } from '../../store/documents.js'
import { historyCodec } from '../tracker/index.js'
import { chooseBase, type BaseChoice, type IsAncestor } from './base.js'
import { compareSets, within, type Grown } from './compare.js'
import type { NewWarning, RatchetGroup, RatchetSection } from './section.js'

export interface RatchetInput {
  warnings: WarningSet
  /** The diagnostics the report keeps: the new warnings are named from them. */
  items: readonly Diagnostic[]
  historyPath: string
  documents: OpenDocument | null
  ctx: RunContext
  isAncestor: IsAncestor
  /** The crates this run judged (see `within`); null: every crate. */
  judged: ReadonlySet<string> | null
}

export async function ratchet(i: RatchetInput): Promise<RatchetSection> {
  const choice = await readBase(i)
  const base = within(choice.record?.warnings ?? {}, i.judged)
  const { grown, fewer } = compareSets(base, i.warnings)
  const named = namer(i.items)
  return {
    base: choice.record
      ? { sha: choice.record.sha, at: choice.record.at, runUrl: choice.record.runUrl, how: choice.how }
      : null,
    noBase: choice.record ? null : choice.why,
    grown: grown.map(named),
    fewer: choice.record ? fewer : 0,
    baseWarnings: choice.record ? totalWarnings(base) : null,
    warnings: totalWarnings(i.warnings)
  }
}

async function readBase(i: RatchetInput): Promise<BaseChoice> {
  if (!i.documents) return { record: null, why: 'no store for the run history is configured' }
  try {
    const opened = await i.documents(i.historyPath, historyCodec)
    if (!opened.store) return { record: null, why: `the run history ${opened.why}` }
    const history = await opened.store.read()
    if (!history) return { record: null, why: `there is no run history at ${opened.store.location} yet` }
    return await chooseBase(history.runs, i.ctx, i.isAncestor)
  } catch (e) {
    return { record: null, why: `the run history could not be read: ${errorMessage(e)}` }
  }
}

/** New warnings named per crate and lint in the report; the rest are counted. */
const NAMED_PER_GROUP = 50

/** Names a group's new identities from the diagnostics the report keeps (their place now). */
function namer(items: readonly Diagnostic[]): (g: Grown) => RatchetGroup {
  const byId = new Map<string, Diagnostic[]>()
  for (const d of items)
    if (d.severity === 'warning') {
      const id = warningIdentity(d)
      byId.set(id, [...(byId.get(id) ?? []), d])
    }
  return g => {
    const added: NewWarning[] = []
    for (const id of g.added.slice(0, NAMED_PER_GROUP)) {
      const d = byId.get(id)?.at(-1)
      if (d) added.push({ message: d.message, file: d.span?.file ?? null, line: d.span?.line ?? null })
    }
    const unnamed = Math.max(0, g.now - g.base - added.length)
    return { crate: g.crate, lint: g.lint, base: g.base, now: g.now, added, unnamed }
  }
}

/** git's answer: exit 0 an ancestor, 1 not; anything else (a commit a shallow clone lacks) unknown. */
export function gitAncestry(run: ProcessRunner, cwd: string): IsAncestor {
  return async (ancestor, commit) => {
    const r = await run('git', ['merge-base', '--is-ancestor', ancestor, commit], { cwd, timeoutSeconds: 30 })
    return r.exitCode === 0 ? true : r.exitCode === 1 ? false : null
  }
}
