// `build-gate --apply`: cargo fix (or cargo clippy --fix) in the user's own tree, with cargo's own
// safety: it refuses a tree with uncommitted changes, or no version control, unless the user consents
// (--allow-dirty, --allow-no-vcs), and never is that consent given for them. Then what changed.
import { workspaceMembers, type CargoMetadata } from '../../cargo/metadata.js'
import type { ProcessRunner } from '../../cargo/phase.js'
import { runProcess } from '../../cargo/process.js'
import type { CoreReport } from '../../report/schema.js'
import { cargoFix, measure, type Where } from './cargo.js'
import { fixedLines } from './render.js'
import { TIMEOUT_SECONDS } from './run.js'
import type { LintFixConfig } from './section.js'
import { count, fixedLints } from './verify.js'

export interface Consents {
  allowDirty: boolean
  allowNoVcs: boolean
}

export async function applyLintFixes(
  config: LintFixConfig,
  run: { report: CoreReport; metadata: CargoMetadata | null },
  consents: Consents,
  runner: ProcessRunner = runProcess
): Promise<string[]> {
  const { report, metadata } = run
  if (!metadata || report.diagnostics.warnings === 0) return []
  if (report.diagnostics.errors > 0)
    return [
      '--apply: cargo fix was not run: the workspace has compile errors (cargo fix needs it to compile).'
    ]
  const where: Where = {
    root: report.workspace.root,
    targetDir: null,
    members: new Map(workspaceMembers(metadata).map(p => [p.id, p.name])),
    run: runner,
    timeoutSeconds: TIMEOUT_SECONDS
  }
  const before = await measure(config, where)
  if (before.failure) return [`--apply: cargo check before cargo fix failed: ${before.failure}`]
  if (!before.warnings.some(w => w.fixable))
    return ['--apply: no warning carries a machine-applicable suggestion; nothing for cargo fix to do.']
  const flags = [
    ...(consents.allowDirty ? ['--allow-dirty'] : []),
    ...(consents.allowNoVcs ? ['--allow-no-vcs'] : [])
  ]
  const fix = await cargoFix(config, where, flags)
  if (!fix.ok)
    return [refusal(fix.said, fix.failure), ...fix.said.flatMap(s => s.split('\n').map(l => `  ${l}`))]
  const after = await measure(config, where)
  const fixed = fixedLints(before.warnings, after.warnings)
  const lines = [
    fix.files.length
      ? `--apply: \`${fix.command.slice(1).join(' ')}\` changed ${fix.files.join(', ')}; it fixed ${count(
          fixed.reduce((n, f) => n + f.count, 0),
          'warning'
        )}:`
      : `--apply: \`${fix.command.slice(1).join(' ')}\` changed no file.`,
    ...fixedLines(fixed).map(l => `  ${l}`)
  ]
  for (const said of fix.said) lines.push(...said.split('\n').map(l => `  ${l}`))
  if (after.failure || after.errors.length)
    lines.push(
      `--apply: after cargo fix, cargo check says: ${after.failure ?? count(after.errors.length, 'compile error')}`
    )
  if (fix.files.length) lines.push('--apply: review the changes with `git diff` before you commit them.')
  return lines
}

/** cargo's refusal in the CLI's terms: which build-gate flag gives the consent cargo asks for. */
function refusal(said: string[], failure: string | null): string {
  const words = said.join('\n')
  if (/uncommitted changes|staged changes/.test(words))
    return '--apply: cargo fix refused: the working tree has uncommitted changes (below). Commit or stash them first, or pass --allow-dirty to build-gate to let cargo fix edit them anyway.'
  if (/no VCS found/.test(words))
    return '--apply: cargo fix refused: the workspace is not under version control, so its changes could not be reviewed or undone. Pass --allow-no-vcs to build-gate to let cargo fix edit it anyway.'
  return `--apply: cargo fix failed: ${failure}`
}
