// The action: inputs → gate → report, annotations, summary, outputs → exit status.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
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
import { fitToLimit, SUMMARY_LIMIT_BYTES, summaryTruncationNote } from './report/fit.js'
import { logLines } from './report/rendered.js'
import { reportName, summaryExtras } from './report/summary-extras.js'

// GitHub's limit on a comment body, in characters.
const COMMENT_LIMIT_CHARS = 65536

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
  // Only a build that was judged moves the roadmap: a run that could not run cargo says nothing about it.
  if (judged && config?.workstreams && !config.shard) {
    try {
      report.workstreams = await syncRoadmap(report, config)
    } catch (e) {
      problems.push(`Roadmap sync: ${errorMessage(e)}`)
    }
  }
  await publish(report, config)
  if (!report.verdict.stable && (config?.failOnUnstable ?? true))
    problems.unshift(`Build gate: ${report.verdict.reasons.map(r => r.message).join('; ')}`)
  if (problems.length) core.setFailed(problems.join('\n'))
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
      renderComment: section => {
        // The PR comment is the job summary of this run, rendered once more into its own buffer.
        const text = buildSummary(
          core.summary,
          { ...report, workstreams: section },
          summarySections(config, reportPathFor(config))
        ).stringify()
        core.summary.emptyBuffer()
        return fitToLimit(
          text,
          COMMENT_LIMIT_CHARS,
          summaryTruncationNote(
            reportName(reportPathFor(config), process.env.GITHUB_WORKSPACE ?? config.workingDirectory)
          ),
          s => s.length
        )
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
  // rustc's own words in the log, one group per crate.
  for (const line of logLines(report, randomUUID())) core.info(line)
  const outputs = reportOutputs(report, reportPath, config)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  try {
    const text = buildSummary(core.summary, report, summarySections(config, reportPath)).stringify()
    core.summary.emptyBuffer()
    const note = summaryTruncationNote(reportName(reportPath, repoRoot))
    await core.summary.addRaw(fitToLimit(text, SUMMARY_LIMIT_BYTES, note)).write()
  } catch (e) {
    core.warning(`Could not write the job summary: ${errorMessage(e)}`)
  }
}

function summarySections(config: GateConfig | null, reportPath: string) {
  let ctx: ReturnType<typeof readRunContext> | null = null
  try {
    ctx = readRunContext()
  } catch {
    // An unreadable event payload is reported where it matters; the summary does without it.
  }
  const extras = summaryExtras(
    config,
    reportPath,
    ctx ?? { eventName: '', defaultBranch: null, runUrl: null },
    process.env
  )
  return [...extras.before, ...markdownSections(), ...extras.after]
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
