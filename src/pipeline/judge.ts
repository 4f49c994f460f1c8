// One verdict from the findings alone: unstable iff a `block` finding exists. Each capability decides
// its findings' severity where it finds them; the judge adds the capabilities' fail-closed guards over
// all of them (a check that did not run or cannot be trusted is itself a blocking finding) and folds.
import type { AnyCapability } from '../capabilities/capability.js'
import type { Finding } from '../findings/finding.js'
import { foldVerdict } from '../findings/fold.js'
import { CAPABILITIES, type GateConfig, type GateReport, type ReportBody } from './registry.js'

/**
 * The report with its findings and verdict: every capability's findings in registry order (as its run
 * returned them, else read from the report now), then the guards' findings over all of them.
 */
export function judge(
  body: ReportBody,
  config: GateConfig,
  capabilities: readonly AnyCapability[] = CAPABILITIES,
  found: ReadonlyMap<string, Finding[]> = new Map()
): GateReport {
  const own = capabilities.flatMap(c => found.get(c.name) ?? c.findings?.(body, config) ?? [])
  const findings = guarded(body, own, capabilities)
  return { ...body, findings, verdict: foldVerdict(findings) } as GateReport
}

/** Every capability's findings read from the report's sections under `config` (schema 1, re-judging). */
export function deriveFindings(
  report: ReportBody,
  config: GateConfig,
  capabilities: readonly AnyCapability[] = CAPABILITIES
): Finding[] {
  return guarded(
    report,
    capabilities.flatMap(c => c.findings?.(report, config) ?? []),
    capabilities
  )
}

function guarded(body: ReportBody, found: Finding[], capabilities: readonly AnyCapability[]): Finding[] {
  return [...found, ...capabilities.flatMap(c => c.guard?.(body, found) ?? [])]
}
