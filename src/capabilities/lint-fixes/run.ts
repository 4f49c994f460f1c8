// A lint fix in a scratch copy of the workspace: measure the warnings, apply the machine-applicable
// ones with cargo fix, measure again and build the tests; verified, the changed files are kept (by blob
// id, their contents in this process) for the fix pull request. The user's tree is only read.
import { metadataCommand, phaseCommand } from '../../cargo/commands.js'
import { parseMetadata, workspaceMembers, type CargoMetadata } from '../../cargo/metadata.js'
import { runPhase, type ProcessRunner } from '../../cargo/phase.js'
import {
  changedFiles,
  createScratch,
  externalDirs,
  type ChangedFile,
  type Scratch
} from '../../cargo/scratch.js'
import { remember } from '../../store/contents.js'
import { cargoEnv, cargoFix, measure, type Where } from './cargo.js'
import type { LintFixConfig, LintFixesSection } from './section.js'
import { count, judge } from './verify.js'

/** Longest any one cargo command of a lint fix may run. */
export const TIMEOUT_SECONDS = 20 * 60

export interface LintFixResult {
  /** null: no warning carried a machine-applicable suggestion, nothing was done. */
  section: LintFixesSection | null
  /** The verified changes, with their contents. */
  files: ChangedFile[]
}

export async function runLintFixes(
  root: string,
  config: LintFixConfig,
  metadata: CargoMetadata,
  run: ProcessRunner,
  timeoutSeconds = TIMEOUT_SECONDS
): Promise<LintFixResult> {
  const started = process.hrtime.bigint()
  const seconds = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000
  const section = (s: Partial<LintFixesSection>): LintFixesSection => ({
    status: 'failed',
    command: [],
    fixed: [],
    reason: '',
    details: [],
    files: [],
    seconds: seconds(),
    ...s
  })
  let scratch: Scratch
  try {
    const pathPackages = metadata.packages.filter(p => p.source === null).map(p => p.manifest_path)
    scratch = createScratch(root, externalDirs(root, pathPackages))
  } catch (e) {
    return {
      section: section({ reason: `could not make a scratch copy of the workspace: ${(e as Error).message}` }),
      files: []
    }
  }
  try {
    // Package ids name the directory: the scratch copy's members are read there.
    const members = await membersIn(scratch, config, run, timeoutSeconds)
    const where: Where = { root: scratch.root, targetDir: scratch.targetDir, members, run, timeoutSeconds }
    const before = await measure(config, where)
    if (before.failure || before.errors.length > 0)
      return {
        section: section({
          reason: `cargo check in the scratch copy failed before any fix: ${before.failure ?? `${count(before.errors.length, 'compile error')}`}`,
          details: before.errors.slice(0, 10)
        }),
        files: []
      }
    if (!before.warnings.some(w => w.fixable)) return { section: null, files: [] }
    // The scratch copy is no git checkout; it is the gate's own, so cargo's VCS guard does not apply.
    const fix = await cargoFix(config, where, ['--allow-no-vcs'])
    const command = fix.command.filter(a => a !== '--allow-no-vcs')
    if (!fix.ok) return { section: section({ command, reason: fix.failure!, details: fix.said }), files: [] }
    const after = await measure(config, where)
    const verdict = judge(before, after)
    const taken = fix.said.filter(s => /^warning: failed to automatically apply fixes/.test(s))
    let problem = verdict.problem
    let details = verdict.details
    if (!problem && taken.length > 0) {
      problem = 'cargo fix took back fixes whose result did not compile'
      details = taken
    }
    if (!problem && config.runTests) {
      const tests = await testBuild(config, where)
      if (tests) ({ problem, details } = tests)
    }
    const changed = changedFiles(
      root,
      scratch.root,
      [...fix.files, ...before.warnings.map(w => w.file)].sort()
    )
    if (problem)
      return {
        section: section({ status: 'not-verified', command, fixed: verdict.fixed, reason: problem, details }),
        files: []
      }
    return {
      section: section({
        status: 'verified',
        command,
        fixed: verdict.fixed,
        files: changed.map(f => ({ path: f.path, before: remember(f.before), after: remember(f.after) }))
      }),
      files: changed
    }
  } catch (e) {
    return { section: section({ reason: `the lint fix failed: ${(e as Error).message}` }), files: [] }
  } finally {
    scratch.dispose()
  }
}

async function membersIn(
  scratch: Scratch,
  config: LintFixConfig,
  run: ProcessRunner,
  timeoutSeconds: number
): Promise<Map<string, string>> {
  const r = await runPhase('metadata', metadataCommand(config, null), {
    cwd: scratch.root,
    env: { CARGO_TARGET_DIR: scratch.targetDir, CARGO_TERM_COLOR: 'never' },
    collectStdout: true,
    run,
    timeoutSeconds
  })
  if (r.result.failure || r.result.exitCode !== 0)
    throw new Error(`cargo metadata failed: ${r.result.failure ?? r.result.cargoErrors.join('\n')}`)
  return new Map(workspaceMembers(parseMetadata(r.stdout)).map(p => [p.id, p.name]))
}

/** `cargo test --no-run` with the test-args: null when the tests build. */
async function testBuild(
  config: LintFixConfig,
  where: Where
): Promise<{ problem: string; details: string[] } | null> {
  const errors: string[] = []
  const r = await runPhase('test-build', phaseCommand(config, 'test-build'), {
    cwd: where.root,
    env: cargoEnv(where),
    members: where.members,
    sink: {
      diagnostic: d => void (d.severity === 'error' && errors.push(d.rendered.trim() || d.message)),
      dependencyError: (pkg, message) => void errors.push(`${pkg}: ${message}`)
    },
    run: where.run,
    timeoutSeconds: where.timeoutSeconds
  })
  if (errors.length > 0)
    return {
      problem: `${count(errors.length, 'compile error')} after the fixes (cargo test --no-run)`,
      details: errors.slice(0, 10)
    }
  if (r.result.failure || r.result.exitCode !== 0)
    return {
      problem: `cargo test --no-run failed after the fixes: ${r.result.failure ?? (r.result.cargoErrors.join('\n') || `exit code ${r.result.exitCode}`)}`,
      details: r.result.cargoErrors.slice(0, 10)
    }
  return null
}
