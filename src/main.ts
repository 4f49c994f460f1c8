// The action: inputs → gate → report, annotations, summary, outputs → exit status.
import * as core from '@actions/core'
import { ConfigError, parseConfig, type GateConfig } from './config.js'
import { failureReport, reportPathFor } from './failure.js'
import { type ProgressEvent } from './gate.js'
import { produceReport } from './pipeline.js'
import { diagnosticAnnotations } from './report/annotations.js'
import { writeReport } from './report/json.js'
import { reportOutputs } from './report/outputs.js'
import type { GateReport, WorkstreamsSection } from './report/schema.js'
import { workstreamOutputs } from './report/workstreams.js'
import { createClient } from './github/client.js'
import { readRunContext } from './github/context.js'
import { upsertStickyComment } from './github/comment.js'
import { failedSync, syncWorkstreams } from './workstreams/sync.js'
import { markdownSections, sectionAnnotations } from './report/sections.js'
import { buildSummary } from './report/summary.js'

export async function run(): Promise<void> {
  let config: GateConfig | null = null
  let report: GateReport
  let judged = false
  try {
    config = parseConfig(name => core.getInput(name), 'action')
    if (config.token) core.setSecret(config.token)
    const { payloadProblem } = readRunContext()
    if (payloadProblem) core.warning(`${payloadProblem}: the build is judged, nothing is written to GitHub.`)
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
      report.workstreams = failedSync(errorMessage(e))
    }
  }
  if (config?.commentOnPr && config.token && !config.shard) await commentOnPullRequest(report, config)
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
      log: line => core.info(line)
    })
  )
}

// The sticky comment is this run's job summary, rendered once more into its own buffer.
async function commentOnPullRequest(report: GateReport, config: GateConfig): Promise<void> {
  const ctx = readRunContext()
  if (!ctx.pullRequest || !ctx.owner || !ctx.repo) return
  const text = buildSummary(core.summary, report, markdownSections(config)).stringify()
  core.summary.emptyBuffer()
  const target = { owner: ctx.owner, repo: ctx.repo, number: ctx.pullRequest.number }
  try {
    const client = createClient(config.token!, { log: core.info })
    const { action } = await upsertStickyComment(client, target, text, core.info)
    core.info(`pull request comment: ${action}`)
    if (action !== 'forbidden') return
    const why = `The token may not comment on pull request #${target.number} (HTTP 403${ctx.pullRequest.fork ? ', a fork PR has a read-only token' : ''}): the report is in the job summary only`
    core.notice(why)
    if (report.workstreams?.mode === 'preview')
      report.workstreams = {
        ...report.workstreams,
        mode: 'report-only',
        note: `${report.workstreams.note}. ${why}`
      }
  } catch (e) {
    // The verdict stands without its comment; say why it is missing.
    core.warning(`Pull request comment not posted: ${errorMessage(e)}`)
  }
}

async function publish(report: GateReport, config: GateConfig | null): Promise<void> {
  const reportPath = reportPathFor(config)
  try {
    writeReport(report, reportPath)
  } catch (e) {
    core.warning(`Could not write the report to ${reportPath}: ${errorMessage(e)}`)
  }
  const repoRoot = process.env.GITHUB_WORKSPACE ?? config?.workingDirectory ?? process.cwd()
  const policy = config ?? undefined
  for (const a of [
    ...diagnosticAnnotations(report, repoRoot),
    ...sectionAnnotations(report, repoRoot, policy)
  ]) {
    const { level, message, ...props } = a
    if (level === 'error') core.error(message, props)
    else core.warning(message, props)
  }
  const outputs = reportOutputs(report, reportPath, config?.duplicateVersionsIncludeDev)
  if (report.workstreams && config)
    Object.assign(outputs, workstreamOutputs(report.workstreams, config.gateWorkstream))
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  try {
    await buildSummary(core.summary, report, markdownSections(policy)).write()
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
