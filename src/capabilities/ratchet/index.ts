// ratchet: `deny-warnings: new`. Only warnings new against the base block: per crate and lint the
// count must not grow against the base's record in the run history (which trusted runs keep whenever
// the ratchet is on); the new ones are named by crate, lint, file and message (lines shift, so they are
// not part of a warning's identity). Fewer warnings than the base are celebrated, never required.
import type { Capability } from '../capability.js'
import { ratchetFindings } from './findings.js'
import { ratchetMarkdown, ratchetText } from './render.js'
import { gitAncestry, ratchet as compare } from './run.js'
import { mergeRatchet } from './merge.js'
import { RATCHET_CODES, type RatchetParts, type RatchetSection } from './section.js'

export type { RatchetParts, RatchetSection } from './section.js'

export const ratchet: Capability<RatchetParts> = {
  name: 'ratchet',
  stage: 'analyses',
  // Its input is the build's `deny-warnings`; the history's place is the tracker's `history-path`.
  inputs: [],
  codes: RATCHET_CODES,
  needs: ['ctx', 'documents'],
  outputs: [
    {
      name: 'new-warnings',
      description:
        'With `deny-warnings: new`: how many more warnings than the base, over the crates and lints whose count grew.',
      value: r => (r.ratchet ? String(r.ratchet.grown.reduce((n, g) => n + g.now - g.base, 0)) : null)
    }
  ],
  async run(ports, config) {
    const set = ports.report.diagnostics.warningSet
    // Without a check that ran there is nothing to compare: the build's findings say why.
    if (!config.warningRatchet || !set || !ports.cargo) return { section: {} }
    const section = await compare({
      warnings: set,
      items: ports.report.diagnostics.items,
      historyPath: config.tracker.historyPath,
      documents: ports.documents,
      ctx: ports.ctx,
      isAncestor: gitAncestry(ports.run, ports.cwd),
      // The report's rows are the members this run gates (a shard's only); those cargo reached are judged.
      judged: new Set(ports.report.crates.filter(c => !c.notChecked).map(c => c.name))
    })
    return { section: { ratchet: section } }
  },
  findings: report => ratchetFindings(report),
  merge: shards => {
    const sections = shards.map(s => s.ratchet).filter((s): s is RatchetSection => !!s)
    return sections.length ? { ratchet: mergeRatchet(sections) } : {}
  },
  markdown: r => ratchetMarkdown(r.ratchet),
  terminal: r => ratchetText(r.ratchet)
}
