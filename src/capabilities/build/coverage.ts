// Whether the members a phase selected were built: cargo reports an artifact for every unit it
// checked or found fresh, so a member without one was not judged, whatever the exit status says.
import type { DiagnosticTally } from '../../cargo/diagnostics.js'
import type { PhaseResult } from '../../report/schema.js'

/** Why a phase that exited 0 cannot be trusted because some selected member produced nothing. */
export function unbuiltProblem(
  phase: PhaseResult,
  selected: string[],
  built: ReadonlySet<string>,
  expected: string[] = selected
): string | null {
  if (phase.failure || phase.exitCode !== 0) return null
  const missing = expected.filter(m => !built.has(m))
  if (selected.length === 0)
    return `\`${phase.command.join(' ')}\` selects no workspace member, so the workspace was not built`
  if (missing.length === 0) return null
  return `cargo reported nothing built for ${list(missing)}: the workspace was not built as selected (are the arguments pointing at another manifest or package?)`
}

/**
 * Sets the phase's `untrusted` when it exited 0 without building every `expected` member: the selected
 * ones it has something to build for (see builds-member.ts).
 */
export function markUnbuilt(
  phase: PhaseResult,
  selected: string[],
  built: ReadonlySet<string>,
  expected: string[] = selected
): void {
  const problem = unbuiltProblem(phase, selected, built, expected)
  if (problem) phase.untrusted = problem
}

/** The crates a failed build stopped at: members with compile errors, else the broken dependencies. */
export function stoppedAt(tally: DiagnosticTally, members: ReadonlyMap<string, string>): string[] {
  const own = [...tally.perCrate].filter(([, c]) => c.errors > 0).map(([name]) => name)
  if (own.length > 0) return own.sort()
  const deps = tally.dependencyErrors.map(d => members.get(d.package) ?? packageName(d.package))
  return [...new Set(deps)].sort()
}

/** `registry+…#name@1.0.0` or `path+file:///…/name#1.0.0` → a readable name. */
function packageName(id: string): string {
  const hash = id.split('#')[1] ?? id
  return hash.includes('@') ? hash : `${id.split('#')[0].split('/').pop()}@${hash}`
}

/**
 * Members a failed check never reached (with --keep-going cargo still skips the crates that depend on
 * a broken one), each with the crates the build stopped at; when no crate failed (cargo refused the
 * arguments, e.g. a feature no package has), every member it did not build, with `refused`.
 */
export function notChecked(
  selected: string[],
  built: ReadonlySet<string>,
  failedCrates: string[],
  refused: string | null = null
): Map<string, string> {
  const out = new Map<string, string>()
  const why = failedCrates.length > 0 ? `not checked: the build stopped at ${list(failedCrates)}` : refused
  if (why === null) return out
  for (const m of selected) if (!built.has(m) && !failedCrates.includes(m)) out.set(m, why)
  return out
}

function list(names: string[]): string {
  const shown = names.slice(0, 5).join(', ')
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown
}
