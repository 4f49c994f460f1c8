// The workspace diagnostics of the build's cargo phases, deduplicated across phases (cargo replays a
// warning for check, for the lib under test, …) and capped in memory: past the cap they are counted, not
// kept. Every phase of the build stage feeds one tally (see port.ts).
import { createHash } from 'node:crypto'
import { diagnosticKey } from './messages.js'
import type { Diagnostic, DiagnosticsSection } from '../report/schema.js'
import { warningIdentity, type WarningSet } from './warning-set.js'

export const DEFAULT_DIAGNOSTICS_CAP = 1000

export class DiagnosticTally {
  private readonly seen = new Set<string>()
  private readonly items: Diagnostic[] = []
  private omitted = 0
  readonly perCrate = new Map<string, { warnings: number; errors: number }>()
  dependencyWarnings = 0
  readonly dependencyErrors: { package: string; message: string }[] = []
  /** Every warning's identity (none capped): what a ratchet compares with the base. */
  private readonly warningSet: WarningSet = {}

  constructor(private readonly cap = DEFAULT_DIAGNOSTICS_CAP) {}

  add(d: Diagnostic): void {
    // A digest, not the key itself: a huge build keeps one short string per distinct diagnostic.
    const key = createHash('sha1').update(diagnosticKey(d)).digest('base64')
    if (this.seen.has(key)) return
    this.seen.add(key)
    const counts = this.perCrate.get(d.crate) ?? { warnings: 0, errors: 0 }
    if (d.severity === 'error') counts.errors++
    else {
      counts.warnings++
      const lints = (this.warningSet[d.crate] ??= {})
      lints[d.code ?? ''] = `${lints[d.code ?? ''] ?? ''}${warningIdentity(d)}`
    }
    this.perCrate.set(d.crate, counts)
    if (this.items.length < this.cap) this.items.push(d)
    else this.omitted++
  }

  /** Compile errors in workspace crates so far. */
  get errors(): number {
    let n = 0
    for (const c of this.perCrate.values()) n += c.errors
    return n
  }

  section(): DiagnosticsSection {
    let errors = 0
    let warnings = 0
    for (const c of this.perCrate.values()) {
      errors += c.errors
      warnings += c.warnings
    }
    // Errors first, as the annotations and the summary show them.
    const items = [...this.items].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1
    )
    return {
      errors,
      warnings,
      items,
      omitted: this.omitted,
      dependencyWarnings: this.dependencyWarnings,
      dependencyErrors: this.dependencyErrors.slice(0, 20),
      warningSet: structuredClone(this.warningSet)
    }
  }
}
