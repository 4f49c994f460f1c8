// flaky-issues: after the verdict is published, a trusted run keeps one open issue per flaky test
// (label `flaky-test`), comments once per later run that sees it flaky, and reopens it when it flakes
// again after being closed. It adds no finding: a write that fails is a warning, never a verdict change.
import type { Capability } from '../capability.js'
import { flakyIssuesMarkdown, flakyIssuesText } from './render.js'
import type { FlakyIssuesParts } from './section.js'
import { keepFlakyIssues } from './sync.js'

export type { FlakyIssue, FlakyIssuesParts, FlakyIssuesSection } from './section.js'

export const flakyIssues: Capability<FlakyIssuesParts> = {
  name: 'flaky-issues',
  stage: 'sync',
  inputs: [
    {
      name: 'flaky-issues',
      default: 'false',
      description:
        'On a trusted run, keep one open issue per flaky test (label `flaky-test`, made if missing): opened with its attempts and first failure, one comment per later run that sees it flaky, reopened if it flakes after being closed (not when closed as not planned). Needs `issues: write`.'
    }
  ],
  parse: p => ({ flakyIssues: p.bool('flaky-issues') }),
  codes: {},
  outputs: [],
  async sync(ports, config) {
    const flaky = ports.report.tests?.flaky ?? []
    if (!config.flakyIssues || flaky.length === 0) return { section: {}, findings: [] }
    const kept = await keepFlakyIssues({
      flaky,
      memory: ports.report.tracker?.flaky,
      ctx: ports.ctx,
      client: ports.github,
      dryRun: config.dryRun,
      shard: config.shard,
      log: ports.log
    })
    return { section: { flakyIssues: kept.section }, findings: [], warnings: kept.warnings }
  },
  markdown: r => flakyIssuesMarkdown(r.flakyIssues),
  terminal: r => flakyIssuesText(r.flakyIssues)
}
