// cargo's failures in its own words: what a phase's non-zero exit means when the readers did not
// explain it, and why the phases that build on a failed one cannot run.
import type { PhaseResult } from '../report/schema.js'

/** A non-zero exit that the readers did not explain is a failure in cargo's own words. */
export function explainExit(
  result: PhaseResult,
  explained: boolean,
  dependencyErrors: readonly { package: string; message: string }[],
  tail: string[]
): void {
  if (result.failure || result.exitCode === 0 || explained) return
  const dep = dependencyErrors[0]
  const words = dep
    ? `dependency ${dep.package} failed to compile: ${dep.message}`
    : cargoWords(result.cargoErrors, tail)
  result.failure = `exited with code ${result.exitCode}: ${words}`
}

export function cargoWords(errors: string[], tail: string[]): string {
  return errors.length > 0 ? errors.join('\n') : tail.join('\n').trim() || '(cargo printed nothing on stderr)'
}

/** Why nothing can be built on this build phase (the tests, say), or undefined when it can. */
export function cannotBuildOn(phase: PhaseResult, errors: number, what: string): string | undefined {
  if (errors > 0) return `${what} failed with compile errors`
  if (phase.failure) return `${what} failed`
  if (phase.untrusted) return `${what} did not build the workspace`
  return undefined
}
