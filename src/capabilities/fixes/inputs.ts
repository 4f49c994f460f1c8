// The fix search's inputs, drawn from a judged gate run and its configuration.
import type { GateConfig } from '../../config.js'
import type { GateRun } from '../../gate.js'
import type { FixInputs } from './run.js'

/** null when the run cannot support a fix search: cargo metadata failed, or no conflicts were analysed. */
export function fixInputsFrom(config: GateConfig, run: GateRun): FixInputs | null {
  const { report, metadata } = run
  if (!metadata || !report.conflicts) return null
  return {
    root: report.workspace.root,
    host: report.workspace.toolchain?.host ?? null,
    config,
    conflicts: report.conflicts,
    conflictOptions: {
      ...config,
      toolchain: report.workspace.toolchain?.release ?? null,
      msrv: report.workspace.msrv
    },
    metadata
  }
}
