// lint-fixes: on trusted runs with a fix pull request, rustc's and clippy's machine-applicable
// suggestions applied by cargo's own `cargo fix` / `cargo clippy --fix` in a scratch copy and verified
// there; the fix-pr capability carries the verified files. `build-gate --apply` applies them locally.
import type { Capability } from '../capability.js'
import { lintFixesMarkdown, lintFixesText, lintFixFindings } from './render.js'
import { runLintFixes } from './run.js'
import { LINT_FIXES_CODES, type LintFixesParts } from './section.js'

export { applyLintFixes } from './apply.js'
export type { FixedLint, LintFixesSection } from './section.js'

export const lintFixes: Capability<LintFixesParts> = {
  name: 'lint-fixes',
  stage: 'analyses',
  inputs: [],
  codes: LINT_FIXES_CODES,
  outputs: [],
  needs: ['ctx'],
  async run(ports, config) {
    const none = { section: {}, findings: [] }
    const body = ports.report
    // Only for the fix PR, which only trusted runs open; the first shard speaks for the workspace.
    if (!config.fixPr || !ports.ctx.trusted || ports.ctx.pullRequest || !ports.metadata) return none
    if (body.shard && body.shard.index !== 1) return none
    // Nothing to fix, or cargo fix could not compile it: no scratch build.
    if (body.diagnostics.warnings === 0 || body.diagnostics.errors > 0) return none
    const { section } = await runLintFixes(ports.cwd, config, ports.metadata, ports.run)
    if (!section) {
      ports.log('lint fixes: no warning carries a machine-applicable suggestion')
      return none
    }
    return { section: { lintFixes: section }, findings: lintFixFindings(section) }
  },
  findings: r => (r.lintFixes ? lintFixFindings(r.lintFixes) : []),
  merge: shards => {
    const found = shards.find(s => s.lintFixes)?.lintFixes
    return found ? { lintFixes: found } : {}
  },
  markdown: r => (r.lintFixes ? lintFixesMarkdown(r.lintFixes) : null),
  terminal: r => (r.lintFixes ? lintFixesText(r.lintFixes) : [])
}
