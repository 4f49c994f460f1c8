// timing: build seconds compared with a stored baseline, with a confirming rebuild (docs/timing.md).
import { workspaceMembers } from '../../cargo/metadata.js'
import type { GateConfig } from '../../config.js'
import { timingMarkdown, timingText } from './render.js'
import { timingOutputs } from './section.js'
import { timingStep } from './step.js'
import type { Capability, CapabilityResult, ReportBody, StagePorts } from '../capability.js'
import { baselineProblem, timingFindings } from './findings.js'
import { checkingPhase } from '../../report/checking-phase.js'

const out = (name: string, description: string) => ({
  name,
  description,
  value: (r: { timing?: Parameters<typeof timingOutputs>[0] }) =>
    r.timing ? timingOutputs(r.timing)[name] : null
})

async function run(ports: StagePorts, config: GateConfig): Promise<CapabilityResult> {
  // With compile-once, the one build did the check's work.
  const check = checkingPhase(ports.phases)
  const { baseline, ctx, rebuild, timings } = ports
  if (!baseline || !ctx || !rebuild || !timings || ports.report.shard || !check || check.failure)
    return { section: {}, findings: [] }
  const { section, problem } = await timingStep({
    config,
    phases: ports.phases,
    toolchain: ports.toolchain,
    store: baseline,
    ctx,
    stable: ports.stableSoFar ?? false,
    timings,
    members: (ports.metadata ? workspaceMembers(ports.metadata) : []).map(p => ({
      name: p.name,
      version: p.version
    })),
    rebuild
  })
  if (!section) return { section: {}, findings: problem ? [baselineProblem(problem.message)] : [] }
  const crates = ports.report.crates.map(c => ({
    ...c,
    buildSeconds: section.crates.find(x => x.name === c.name)?.seconds ?? c.buildSeconds
  }))
  return { section: { timing: section, crates }, findings: timingFindings(section, config) }
}

export const timing: Capability = {
  name: 'timing',
  stage: 'timing',
  inputs: [
    {
      name: 'timing-metric',
      default: 'cpu',
      description:
        'Build time compared with the baseline: `cpu` (user+system of cargo and its children) or `wall`.'
    },
    {
      name: 'tolerance-percent',
      default: '10',
      description: 'How much slower than the baseline a build may be before it is a regression.'
    },
    {
      name: 'baseline-store',
      default: 'branch',
      cli: 'file',
      description:
        'Where the baseline lives: `branch` (a JSON file on a dedicated branch, via the contents API) or `file` (a local file).'
    },
    {
      name: 'baseline-path',
      default: 'build-gate/baseline.json',
      description:
        "Path of the baseline file in the baseline branch; for `file`, relative to working-directory when given, else in the user's state directory (`~/.local/state/build-gate/…`, outside the workspace and the target directory)."
    },
    {
      name: 'baseline-branch',
      default: 'build-gate-baseline',
      description: 'Branch that holds the baseline for `baseline-store: branch`.'
    },
    { name: 'baseline-history', default: '20', description: 'Samples kept per comparison key.' },
    {
      name: 'baseline-min-samples',
      default: '5',
      description: 'Below this many samples a slowdown is a warning only.'
    },
    {
      name: 'update-baseline',
      default: 'auto',
      description: '`auto` (only stable, trusted runs), `always` or `never`.'
    },
    {
      name: 'confirm-regression',
      default: 'true',
      description:
        'When a regression is suspected, rebuild the workspace crates once more and decide on both measurements.'
    },
    {
      name: 'fail-on-regression',
      default: 'true',
      description:
        'A confirmed build-time regression makes the build unstable; `false` makes timing advisory.'
    },
    {
      name: 'crate-timings',
      default: 'true',
      description:
        "Time each workspace crate's compilation from cargo's own `--timings` report, so the summary says which crate got slower; the report's HTML is kept beside the JSON report. `false` leaves `--timings` off."
    }
  ],
  parse: p => ({
    timingMetric: p.oneOf('timing-metric', ['cpu', 'wall'] as const),
    tolerancePercent: p.number('tolerance-percent', 0, false),
    baselineStore: p.oneOf('baseline-store', ['branch', 'file'] as const),
    baselinePath: p.raw('baseline-path'),
    baselinePathGiven: p.given('baseline-path'),
    baselineBranch: p.raw('baseline-branch'),
    baselineHistory: p.number('baseline-history', 1, true),
    baselineMinSamples: p.number('baseline-min-samples', 1, true),
    updateBaseline: p.oneOf('update-baseline', ['auto', 'always', 'never'] as const),
    confirmRegression: p.bool('confirm-regression'),
    failOnRegression: p.bool('fail-on-regression'),
    crateTimings: p.bool('crate-timings')
  }),
  outputs: [
    out('build-seconds', 'Build time measured (check + test build), in the `timing-metric`.'),
    out('baseline-seconds', 'The baseline it was compared with (median of the comparable history).'),
    out('build-delta-percent', 'Difference from the baseline, in percent.'),
    out('build-regression', '`true`, `false`, `not-comparable` or `no-baseline`.')
  ],
  run,
  // The baseline problem has no section to be read from: it travels as the finding it was.
  findings: (report: ReportBody, config) => [
    ...timingFindings(report.timing, config),
    ...(report.findings ?? []).filter(f => f.code === 'baseline-error')
  ],
  markdown: r => (r.timing ? timingMarkdown(r.timing) : null),
  terminal: r => (r.timing ? timingText(r.timing).split('\n') : [])
}
