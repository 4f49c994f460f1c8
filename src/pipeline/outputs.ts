// Step outputs: a flat rendering of the report for `steps.<id>.outputs.*`. One table, the core's rows
// and every capability's; action.yml must declare exactly these (a test checks it).
import type { AnyCapability, OutputContext, OutputSpec } from '../capabilities/capability.js'
import { CAPABILITIES, type GateConfig, type GateReport } from './registry.js'

const CORE_OUTPUTS: OutputSpec[] = [
  {
    name: 'stable',
    description: '`true` when the build is stable, else `false`.',
    value: r => String(r.verdict.stable)
  },
  {
    name: 'report-path',
    description:
      "Absolute path of the JSON report (with the report-path input unset, `$RUNNER_TEMP/build-gate/build-gate-report.json`; cargo's `--timings` HTML reports are copied beside it).",
    value: (_, ctx) => ctx.reportPath
  },
  {
    name: 'reasons',
    description: 'JSON array of the reasons the build is unstable, in plain words.',
    value: r => JSON.stringify(r.verdict.reasons.map(x => x.message))
  }
]

export function outputTable(capabilities: readonly AnyCapability[] = CAPABILITIES): OutputSpec[] {
  return [...CORE_OUTPUTS, ...capabilities.flatMap(c => c.outputs)]
}

export function reportOutputs(
  report: GateReport,
  reportPath: string,
  config: GateConfig | null = null,
  capabilities: readonly AnyCapability[] = CAPABILITIES
): Record<string, string> {
  const ctx: OutputContext = { reportPath, config }
  const out: Record<string, string> = {}
  for (const o of outputTable(capabilities)) {
    const v = o.value(report, ctx)
    // No output may read NaN or Infinity: a figure that is not a finite number was not measured.
    if (v !== null && v !== undefined) out[o.name] = /^-?(NaN|Infinity)$/.test(v) ? '' : v
  }
  return out
}
