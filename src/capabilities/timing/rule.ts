// The timing section's say in the verdict, split as blocking and warnings (see src/capabilities/timing).
import { timingFindings } from './findings.js'
import type { GateConfig } from '../../config.js'
import { partition } from '../../findings/fold.js'
import type { GateReport, Reason } from '../../report/schema.js'

export function timingRule(
  report: Pick<GateReport, 'timing'>,
  config: Pick<GateConfig, 'failOnRegression'>
): { blocking: Reason[]; warnings: Reason[] } {
  return partition(timingFindings(report.timing, config))
}
