// The action: inputs → gate → report, annotations, summary, outputs → exit status.
import * as core from '@actions/core'
import { ConfigError, parseConfig, type GateConfig } from './config.js'
import { failureReport, reportPathFor } from './failure.js'
import { type ProgressEvent } from './gate.js'
import { produceReport } from './pipeline.js'
import { writeReport } from './report/json.js'
import { reportOutputs } from './report/outputs.js'
import type { GateReport, WorkstreamsSection } from './report/schema.js'
import { createClient } from './github/client.js'
import { readRunContext } from './github/context.js'
import { syncWorkstreams } from './workstreams/sync.js'
import { markdownSections, sectionAnnotations } from './report/sections.js'
import { buildSummary } from './report/summary.js'
import { observationFields, trackerPublish, trackerRecord } from './tracker/steps.js'

export async function run(): Promise<void> {
  let config: GateConfig | null = null
  let report: GateReport
  let judged = false
  try {
    config = parseConfig(name => core.getInput(name), 'action')
    if (config.token) core.setSecret(config.token)
    report = (await produceReport(config, { progress: groupPhases, log: line => core.info(line) })).report
    judged = true
  } catch (e) {
    const message = errorMessage(e)
    report = failureReport(
      config?.workingDirectory ?? process.cwd(),
      message,
      e instanceof ConfigError ? 'input-error' : 'gate-error'
    )
  }
  const problems: string[] = []
  // Only a judged build is recorded and moves the roadmap: a run that could not run cargo says nothing.
  const track = judged && config?.tracker.enabled && !config.shard ? trackerInput(report, config) : null
  if (track)
    try {
      report.tracker = await core.group('Stabilization tracker', () => trackerRecord(track))
    } catch (e) {
      problems.push(`Tracker: ${errorMessage(e)}`)
    }
  if (judged && config?.workstreams && !config.shard) {
    try {
      report.workstreams = await syncRoadmap(report, config)
    } catch (e) {
      problems.push(`Roadmap sync: ${errorMessage(e)}`)
    }
  }
  const recorded = report.tracker
  if (track && recorded)
    try {
      report.tracker = await core.group('Stabilization checklist', () =>
        trackerPublish({ ...track, section: recorded })
      )
    } catch (e) {
      problems.push(`Tracker: ${errorMessage(e)}`)
    }
  await publish(report, config)
  if (!report.verdict.stable && (config?.failOnUnstable ?? true))
    problems.unshift(`Build gate: ${report.verdict.reasons.map(r => r.message).join('; ')}`)
  if (problems.length) core.setFailed(problems.join('\n'))
}

function trackerInput(report: GateReport, config: GateConfig) {
  const client = config.token ? createClient(config.token, { log: core.info }) : null
  return { report, config, ctx: readRunContext(), client, log: (line: string) => core.info(line) }
}

async function syncRoadmap(report: GateReport, config: GateConfig): Promise<WorkstreamsSection> {
  const client = config.token ? createClient(config.token, { log: core.info }) : null
  return core.group('Roadmap sync', () =>
    syncWorkstreams({
      report,
      config,
      ctx: readRunContext(),
      client,
      log: line => core.info(line),
      tracker: observationFields(report.tracker),
      renderComment: section => {
        // The PR comment is the job summary of this run, rendered once more into its own buffer.
        const text = buildSummary(
          core.summary,
          { ...report, workstreams: section },
          markdownSections()
        ).stringify()
        core.summary.emptyBuffer()
        return text
      }
    })
  )
}

async function publish(report: GateReport, config: GateConfig | null): Promise<void> {
  const reportPath = reportPathFor(config)
  try {
    writeReport(report, reportPath)
  } catch (e) {
    core.warning(`Could not write the report to ${reportPath}: ${errorMessage(e)}`)
  }
  const repoRoot = process.env.GITHUB_WORKSPACE ?? config?.workingDirectory ?? process.cwd()
  for (const a of sectionAnnotations(report, repoRoot)) {
    const { level, message, ...props } = a
    if (level === 'error') core.error(message, props)
    else core.warning(message, props)
  }
  const outputs = reportOutputs(report, reportPath, config)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  try {
    await buildSummary(core.summary, report, markdownSections()).write()
  } catch (e) {
    core.warning(`Could not write the job summary: ${errorMessage(e)}`)
  }
}

let openGroup = false
function groupPhases(e: ProgressEvent): void {
  if (e.state === 'start') {
    if (openGroup) core.endGroup()
    core.startGroup(e.phase === 'toolchain' ? 'rustc -vV' : `cargo ${e.phase}`)
    openGroup = true
  } else if (openGroup) {
    core.endGroup()
    openGroup = false
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
