// timing: build seconds compared with a stored baseline, with a confirming rebuild (docs/timing.md).
import { workspaceMembers } from '../../cargo/metadata.js'
import type { PhaseName } from '../../report/schema.js'
import { checkingPhase } from '../../report/checking-phase.js'
import type { Capability, CapabilityResult, ConfigOf, Needs, StagePorts } from '../capability.js'
import { baselineCodec } from './baseline.js'
import { baselineProblem, timingFindings } from './findings.js'
import { keepTimingReports } from './keep-reports.js'
import { baselineHint, timingMarkdown, timingText } from './render.js'
import { timingOutputs } from './result.js'
import { TIMING_CODES, type TimingParts, type TimingSection } from './section.js'
import { rebuildWorkspaceCrates, timingStep } from './step.js'
import { refusedEmptyReport, TimingReports } from './timing-reports.js'

export type { RegressionState, TimingConfig, TimingParts, TimingSection } from './section.js'

const out = (name: string, description: string) => ({
  name,
  description,
  value: (r: { timing?: TimingSection }) => (r.timing ? timingOutputs(r.timing)[name] : null)
})

/** The build's phases are timed (`--timings`); the test run compiles nothing. */
const timed = (phase: PhaseName) => phase === 'check' || phase === 'test-build' || phase === 'build'

type Ports = StagePorts<TimingParts> & Pick<Needs, 'ctx' | 'documents' | 'verdict'>

async function run(
  ports: Ports,
  config: ConfigOf<TimingParts>,
  { reports }: TimingParts['state']
): Promise<CapabilityResult<TimingParts>> {
  // With compile-once, the one build did the check's work.
  const check = checkingPhase(ports.phases)
  if (!ports.documents || !ports.cargo || ports.report.shard || !check || check.failure)
    return { section: {}, findings: [] }
  const opened = await ports.documents(config.baselinePath, baselineCodec, config.baselinePathGiven)
  if (!opened.store) {
    ports.log(`Build time is measured but not compared: baseline-store "branch" ${opened.why}.`)
    return { section: {}, findings: [] }
  }
  const members = (ports.metadata ? workspaceMembers(ports.metadata) : []).map(p => ({
    name: p.name,
    version: p.version
  }))
  const { section, problem } = await timingStep({
    config,
    phases: ports.phases,
    toolchain: ports.toolchain,
    store: opened.store,
    ctx: ports.ctx,
    stable: ports.verdict.stable,
    timings: reports,
    members,
    rebuild: () =>
      rebuildWorkspaceCrates({
        cargo: ports.cargo!,
        run: ports.run,
        cwd: ports.cwd,
        toolchain: config.toolchain,
        members: members.map(m => m.name),
        phases: ports.phases,
        newRound: () => reports.newRound()
      })
  })
  if (!section) return { section: {}, findings: problem ? [baselineProblem(problem)] : [] }
  const crates = Object.fromEntries(section.crates.map(c => [c.name, { buildSeconds: c.seconds }]))
  return { section: { timing: section }, crates, findings: timingFindings(section, config) }
}

export const timing: Capability<TimingParts> = {
  name: 'timing',
  stage: 'judged',
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
      name: 'baseline-path',
      default: 'build-gate/baseline.json',
      description:
        "Path of the baseline file in the baseline branch; for `file`, relative to working-directory when given, else in the user's state directory (`~/.local/state/build-gate/…`, outside the workspace and the target directory)."
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
    baselinePath: p.raw('baseline-path'),
    baselinePathGiven: p.given('baseline-path'),
    baselineHistory: p.number('baseline-history', 1, true),
    baselineMinSamples: p.number('baseline-min-samples', 1, true),
    updateBaseline: p.oneOf('update-baseline', ['auto', 'always', 'never'] as const),
    confirmRegression: p.bool('confirm-regression'),
    failOnRegression: p.bool('fail-on-regression'),
    crateTimings: p.bool('crate-timings')
  }),
  codes: TIMING_CODES,
  outputs: [
    out('build-seconds', 'Build time measured (check + test build), in the `timing-metric`.'),
    out('baseline-seconds', 'The baseline it was compared with (median of the comparable history).'),
    out('build-delta-percent', 'Difference from the baseline, in percent.'),
    out('build-regression', '`true`, `false`, `not-comparable` or `no-baseline`.')
  ],
  needs: ['ctx', 'documents', 'verdict'],
  // Per-crate times from cargo's own --timings report of each build phase.
  start: config => {
    const reports = new TimingReports(config.crateTimings)
    const on = (phase: PhaseName) => timed(phase) && reports.enabled
    return {
      reports,
      hook: {
        command: (phase, command) => (timed(phase) ? reports.command(command) : command),
        listen: phase => (on(phase) ? { stderr: reports.listen(phase) } : {}),
        // cargo cannot render the report of a build with nothing to build: it runs again untimed.
        refused: (phase, result) => {
          if (!on(phase) || !refusedEmptyReport(result)) return false
          reports.untimed(phase)
          return true
        }
      }
    }
  },
  crateDefaults: { buildSeconds: null },
  run,
  // The baseline problem has no section to be read from: it travels as the finding it was.
  findings: (report, config) => [
    ...timingFindings(report.timing, config),
    ...(report.findings ?? []).filter(f => f.code === 'baseline-error')
  ],
  beside: (report, reportFile) => keepTimingReports(report, reportFile),
  table: { seconds: c => c.buildSeconds },
  markdown: (r, ctx) => {
    const hint =
      ctx.config?.baselineStore === 'branch'
        ? baselineHint(r, { ...ctx.run, baselineBranch: ctx.config.baselineBranch })
        : null
    const parts = [r.timing ? timingMarkdown(r.timing) : null, hint].filter((s): s is string => !!s)
    return parts.length ? parts.join('\n\n') : null
  },
  terminal: r => (r.timing ? timingText(r.timing).split('\n') : [])
}
