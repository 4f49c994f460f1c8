// The sync stage: capabilities that write to GitHub (the roadmap) run after the verdict is published,
// so a slow or failing API call never withholds it. A sync problem is reported, never a verdict change.
import type { AnyCapability, Parts, SyncPorts } from '../capabilities/capability.js'
import { errorMessage } from '../errors.js'
import { CAPABILITIES, type GateConfig, type GateReport } from './registry.js'

export interface Synced {
  /** The published report with the sections the sync wrote (its verdict unchanged). */
  report: GateReport
  /** The capabilities that wrote a section. */
  wrote: AnyCapability[]
  problems: string[]
  /** Said as warnings: they fail nothing. */
  warnings: string[]
}

export async function syncStage(
  report: GateReport,
  config: GateConfig,
  ports: Omit<SyncPorts, 'report' | 'renderSummary'> & { renderSummary?: (report: GateReport) => string },
  capabilities: readonly AnyCapability[] = CAPABILITIES
): Promise<Synced> {
  let current = report
  const wrote: AnyCapability[] = []
  const problems: string[] = []
  const warnings: string[] = []
  for (const c of capabilities) {
    if (!c.sync) continue
    try {
      const r = await c.sync({ ...ports, report: current } as SyncPorts<Parts>, config)
      warnings.push(...(r.warnings ?? []))
      const found = r.findings ?? []
      if (Object.keys(r.section).length === 0 && found.length === 0) continue
      current = { ...current, ...r.section, findings: [...current.findings, ...found] }
      wrote.push(c)
    } catch (e) {
      problems.push(`${c.name[0].toUpperCase()}${c.name.slice(1)} sync: ${errorMessage(e)}`)
      const failed = c.syncFailed?.(errorMessage(e))
      if (failed) {
        current = { ...current, ...failed }
        wrote.push(c)
      }
    }
  }
  return { report: current, wrote, problems, warnings }
}
