// One verdict from the findings alone: unstable iff a `block` finding exists. Each capability decides
// its findings' severity where it finds them; the only rule here is the fail-closed one (a check that
// did not run or cannot be trusted is itself a blocking finding).
import { untrustedCheck } from './capabilities/build/findings.js'
import type { Capability, ReportBody } from './capabilities/capability.js'
import { CAPABILITIES } from './capabilities/registry.js'
import type { GateConfig } from './config.js'
import type { Finding } from './findings/finding.js'
import { foldVerdict } from './findings/fold.js'
import type { Verdict } from './report/schema.js'

export { plural } from './capabilities/build/findings.js'

/** `found` plus the fail-closed finding when the check did not complete and nothing else says why. */
export function withTrust(report: ReportBody, found: Finding[]): Finding[] {
  const guard = untrustedCheck(report, found)
  return guard ? [...found, guard] : found
}

/** Every capability's findings read from the report's sections under `config` (schema 1, re-judging). */
export function deriveFindings(
  report: ReportBody,
  config: GateConfig,
  capabilities: readonly Capability[] = CAPABILITIES
): Finding[] {
  return withTrust(
    report,
    capabilities.flatMap(c => c.findings(report, config))
  )
}

export function decideVerdict(
  report: ReportBody,
  config: GateConfig,
  capabilities: readonly Capability[] = CAPABILITIES
): Verdict {
  return foldVerdict(deriveFindings(report, config, capabilities))
}
