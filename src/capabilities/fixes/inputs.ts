// The fix search's inputs, drawn from a judged gate run and its configuration.
import type { CargoMetadata } from '../../cargo/metadata.js'
import type { ConfigOf, ReportOf } from '../capability.js'
import type { FixInputs } from './run.js'
import type { FixesParts } from './section.js'
import { conflictsWeighing } from './plan.js'

/** A judged run: its report and the metadata it read (null when cargo metadata failed). */
export interface JudgedRun {
  report: ReportOf<FixesParts>
  metadata: CargoMetadata | null
}

/** null when the run cannot support a fix search: cargo metadata failed, or no conflicts were analysed. */
export function fixInputsFrom(config: ConfigOf<FixesParts>, run: JudgedRun): FixInputs | null {
  const { report, metadata } = run
  if (!metadata || !report.conflicts) return null
  return {
    root: report.workspace.root,
    host: report.workspace.toolchain?.host ?? null,
    config,
    conflicts: report.conflicts,
    // Asked for by name (--apply): every conflict that counts, blocking or warning.
    targets: conflictsWeighing(report.conflicts, report.findings, ['block', 'warn']),
    conflictOptions: { ...config, toolchain: report.workspace.toolchain?.release ?? null },
    metadata
  }
}
