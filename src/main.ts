// The action: inputs → gate → publish (report file, annotations, outputs, job summary, exit status)
// → sync (roadmap, PR comment). The verdict is published before any GitHub write starts.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import type { AnyCapability } from './capabilities/capability.js'
import type { ProgressEvent } from './cargo/port.js'
import { errorMessage, isGateError } from './errors.js'
import type { CargoMetadata } from './cargo/metadata.js'
import { connect } from './github/connect.js'
import { readRunContext } from './github/context.js'
import { fitToLimit, SUMMARY_LIMIT_BYTES, summaryTruncationNote } from './report/fit.js'
import { blobLinks } from './report/markdown.js'
import { parseConfig } from './pipeline/config.js'
import { reportPlaceNotes } from './pipeline/place-notes.js'
import { reportOutputs } from './pipeline/outputs.js'
import { reportName, reportPointer } from './pipeline/pointers.js'
import { produceReport } from './pipeline/produce.js'
import type { GateConfig, GateReport } from './pipeline/registry.js'
import { logLines, markdownSections, sectionAnnotations, type SectionRenderer } from './pipeline/render.js'
import { failureReport } from './pipeline/report.js'
import { renderSummary } from './pipeline/summary.js'
import { syncStage } from './pipeline/sync.js'
import { writeReport } from './pipeline/write.js'
import { reportPathFor } from './report/location.js'

export async function run(): Promise<void> {
  let config: GateConfig | null = null
  let report: GateReport
  let judged = false
  let metadata: CargoMetadata | null = null
  try {
    config = parseConfig(name => core.getInput(name), 'action')
    if (config.token) core.setSecret(config.token)
    const { payloadProblem } = readRunContext()
    if (payloadProblem) core.warning(`${payloadProblem}: the build is judged, nothing is written to GitHub.`)
    const gated = await produceReport(config, { progress: groupPhases, log: line => core.info(line) })
    report = gated.report
    metadata = gated.metadata
    judged = true
  } catch (e) {
    report = failureReport(
      config?.workingDirectory ?? process.cwd(),
      errorMessage(e),
      isGateError(e, 'input') ? 'input-error' : 'gate-error'
    )
  }
  if (openGroup) core.endGroup()
  openGroup = false
  const reportPath = reportPathFor('action', config, metadata?.target_directory ?? null)
  const notes = reportPlaceNotes(reportPath, config, metadata, '${{ runner.temp }}/build-gate/')
  for (const w of notes.warnings) core.warning(w)
  for (const line of notes.log) core.info(line)
  await publish(report, config, reportPath)
  if (!report.verdict.stable && (config?.failOnUnstable ?? true))
    core.setFailed(`Build gate: ${report.verdict.reasons.map(r => r.message).join('; ')}`)
  // Only a build that was judged moves the roadmap: a run that could not run cargo says nothing about it.
  if (!judged || !config) return
  let grouped = false
  const log = (line: string) => {
    if (!grouped) core.startGroup('Sync (roadmap, pull request comment)')
    grouped = true
    core.info(line)
  }
  const synced = await syncStage(report, config, {
    ctx: readRunContext(),
    github: config.token ? await connect(config.token, { log }) : null,
    log,
    // The PR comment: the job summary once more, inside GitHub's limit on a comment (in characters).
    renderSummary: r =>
      fitToLimit(
        renderSummary(r, summarySections(config, reportPath)),
        COMMENT_LIMIT_CHARS,
        truncated(config, reportPath),
        s => s.length
      )
  })
  if (grouped) core.endGroup()
  if (synced.wrote.length) await publishSynced(synced.report, synced.wrote, config, reportPath)
  if (synced.problems.length) core.setFailed(synced.problems.join('\n'))
}

/** The verdict: report file, annotations, outputs and job summary. */
async function publish(report: GateReport, config: GateConfig | null, reportPath: string): Promise<void> {
  writeReportFile(report, reportPath)
  const repoRoot = process.env.GITHUB_WORKSPACE ?? config?.workingDirectory ?? process.cwd()
  for (const a of sectionAnnotations(report, repoRoot)) {
    const { level, message, ...props } = a
    if (level === 'error') core.error(message, props)
    else core.warning(message, props)
  }
  // rustc's own words in the log, one group per crate.
  for (const line of logLines(report, randomUUID())) core.info(line)
  for (const [name, value] of Object.entries(reportOutputs(report, reportPath, config)))
    core.setOutput(name, value)
  const summary = renderSummary(report, summarySections(config, reportPath))
  await writeSummary(
    fitToLimit(summary, SUMMARY_LIMIT_BYTES - SYNC_RESERVE_BYTES, truncated(config, reportPath))
  )
}

/** What the sync stage added: the report file again, the sync capabilities' outputs and sections. */
async function publishSynced(
  report: GateReport,
  wrote: AnyCapability[],
  config: GateConfig,
  reportPath: string
): Promise<void> {
  writeReportFile(report, reportPath)
  for (const [name, value] of Object.entries(reportOutputs(report, reportPath, config, wrote)))
    if (wrote.some(c => c.outputs.some(o => o.name === name))) core.setOutput(name, value)
  const sections = markdownSections(wrote)
    .map(render => render(report))
    .filter((md): md is string => !!md)
  if (sections.length) {
    const room = Math.max(0, SUMMARY_LIMIT_BYTES - summaryBytes)
    await writeSummary(fitToLimit(`\n${sections.join('\n\n')}\n`, room, truncated(config, reportPath)))
  }
}

function writeReportFile(report: GateReport, reportPath: string): void {
  try {
    writeReport(report, reportPath)
  } catch (e) {
    core.warning(`Could not write the report to ${reportPath}: ${errorMessage(e)}`)
  }
}

// GitHub refuses a job summary over 1 MiB: the verdict's part leaves this much for the sync's sections.
const SYNC_RESERVE_BYTES = 128 * 1024
// GitHub's limit on a comment body, in characters.
const COMMENT_LIMIT_CHARS = 65536
let summaryBytes = 0

function truncated(config: GateConfig | null, reportPath: string) {
  const repoRoot = process.env.GITHUB_WORKSPACE ?? config?.workingDirectory ?? process.cwd()
  return summaryTruncationNote(reportName(reportPath, repoRoot))
}

/** The job summary's sections: every capability's, then where the full report is. */
function summarySections(config: GateConfig | null, reportPath: string): SectionRenderer[] {
  let ctx: ReturnType<typeof readRunContext> | null = null
  try {
    ctx = readRunContext()
  } catch {
    // An unreadable event payload is reported where it matters; the summary does without it.
  }
  const run = ctx ?? { eventName: '', defaultBranch: null, runUrl: null }
  const links = blobLinks(process.env, config?.workingDirectory ?? process.cwd())
  return [
    ...markdownSections(undefined, { links, config, run }),
    () => reportPointer(reportName(reportPath, links.repoRoot), run.runUrl, !!config && !config.reportPath)
  ]
}

async function writeSummary(text: string): Promise<void> {
  summaryBytes += Buffer.byteLength(text, 'utf8') + 1
  try {
    await core.summary.addRaw(text, true).write()
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
