// Whether the members a phase selected were built: cargo reports an artifact for every unit it
// checked or found fresh, so a member without one was not judged, whatever the exit status says.
import type { PhaseResult } from '../report/schema.js'

/** Why a phase that exited 0 cannot be trusted because some selected member produced nothing. */
export function unbuiltProblem(
  phase: PhaseResult,
  selected: string[],
  built: ReadonlySet<string>
): string | null {
  if (phase.failure || phase.exitCode !== 0) return null
  const missing = selected.filter(m => !built.has(m))
  if (selected.length === 0)
    return `\`${phase.command.join(' ')}\` selects no workspace member, so the workspace was not built`
  if (missing.length === 0) return null
  return `cargo reported nothing built for ${list(missing)}: the workspace was not built as selected (are the arguments pointing at another manifest or package?)`
}

/**
 * Members a failed check never reached (with --keep-going cargo still skips the crates that depend on
 * a broken one), each with the crates the build stopped at.
 */
export function notChecked(
  selected: string[],
  built: ReadonlySet<string>,
  failedCrates: string[]
): Map<string, string> {
  const out = new Map<string, string>()
  if (failedCrates.length === 0) return out
  for (const m of selected)
    if (!built.has(m) && !failedCrates.includes(m))
      out.set(m, `not checked: the build stopped at ${list(failedCrates)}`)
  return out
}

function list(names: string[]): string {
  const shown = names.slice(0, 5).join(', ')
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown
}
