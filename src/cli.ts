// The CLI over the same run: `build-gate [PATH] [--no-tests] [--no-deny-warnings] …`.
// Every action input is a flag of the same name. Exit status: 0 stable; 1 unstable, not judged or bad
// input; 2 stable, but a sync after the verdict (the roadmap preview) failed.
import * as path from 'node:path'
import { applyAfterGate } from './capabilities/fixes/index.js'
import { applyLintFixes } from './capabilities/lint-fixes/index.js'
import { usage } from './cli/help.js'
import { parseCommandLine } from './cli/flags.js'
import { Progress, type Output } from './cli/progress.js'
import type { CargoMetadata } from './cargo/metadata.js'
import { cliWords } from './cli/words.js'
import { errorMessage, isGateError } from './errors.js'
import { connect } from './github/connect.js'
import { readRunContext } from './github/context.js'
import { parseConfig } from './pipeline/config.js'
import { reportPlaceNotes } from './pipeline/place-notes.js'
import { produceReport } from './pipeline/produce.js'
import type { GateConfig, GateReport } from './pipeline/registry.js'
import { failureReport } from './pipeline/report.js'
import { syncStage } from './pipeline/sync.js'
import { verdictLine } from './pipeline/tables.js'
import { terminalReport } from './pipeline/terminal.js'
import { writeReport } from './pipeline/write.js'
import { reportPathFor } from './report/location.js'
import { TOOL } from './tool.js'

/** Colour as cargo decides it: on a terminal, unless NO_COLOR is set (https://no-color.org). */
export function wantsColour(stream: Output, env: Record<string, string | undefined> = process.env): boolean {
  if (env.NO_COLOR) return false
  return stream.isTTY === true
}

export async function main(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr
): Promise<number> {
  let config: GateConfig | null = null
  let report: GateReport
  let judged = false
  let applied: string[] = []
  let metadata: CargoMetadata | null = null
  const progress = new Progress(err, wantsColour(err))
  try {
    const command = parseCommandLine(argv)
    if (command.kind === 'help') {
      out.write(`${usage(process.stdout.columns || 100)}\n`)
      return 0
    }
    if (command.kind === 'version') {
      out.write(`${TOOL.name} ${TOOL.version}\n`)
      return 0
    }
    const flags = command.inputs
    if (!flags.has('github-token') && process.env.GITHUB_TOKEN)
      flags.set('github-token', process.env.GITHUB_TOKEN)
    config = parseConfig(name => flags.get(name) ?? '', 'cli')
    const run = await produceReport(config, {
      progress: e => progress.update(e),
      log: line => progress.cargoLine(line)
    })
    report = run.report
    metadata = run.metadata
    judged = true
    // cargo fix first: it refuses a tree with uncommitted changes, which the dependency fixes would make.
    if (command.apply)
      applied = [
        ...(await applyLintFixes(config, run, command)),
        ...(await applyAfterGate(config, run)).lines
      ]
  } catch (e) {
    progress.stop()
    if (isGateError(e, 'input')) {
      err.write(`build-gate: ${cliWords(e.message)}\n`)
      return 1
    }
    report = failureReport(config?.workingDirectory ?? process.cwd(), errorMessage(e))
  }
  progress.stop()
  const reportPath = reportPathFor('cli', config, metadata?.target_directory ?? null)
  const notes = reportPlaceNotes(reportPath, config, metadata, reportPath)
  const save = (r: GateReport) => {
    try {
      writeReport(r, reportPath)
    } catch (e) {
      notes.warnings.push(`could not write the report to ${reportPath}: ${errorMessage(e)}`)
    }
  }
  save(report)
  // On a laptop the roadmap is only shown (a local run is never trusted to write it), after the verdict.
  const problems: string[] = []
  if (judged && config) {
    const synced = await syncStage(report, config, {
      ctx: readRunContext(),
      github: config.token ? await connect(config.token) : null,
      log: () => undefined
    })
    report = synced.report
    problems.push(...synced.problems)
    if (synced.wrote.length) save(report)
  }
  const text = terminalReport(report, undefined, { colour: wantsColour(out), words: cliWords })
  out.write(`${text}\n\nReport: ${path.relative(process.cwd(), reportPath) || reportPath}\n`)
  if (applied.length) out.write(`${applied.join('\n')}\n`)
  for (const line of [...notes.warnings, ...notes.log]) err.write(`build-gate: ${cliWords(line)}\n`)
  for (const p of problems) err.write(`build-gate: ${cliWords(p)}\n`)
  const status = exitStatus(report.verdict.stable, problems.length > 0)
  // The last line holds both the verdict and the sync's failure, so neither hides the other.
  if (problems.length)
    out.write(`${verdictLine(report)}, but ${syncNames(problems)} failed (exit status ${status}).\n`)
  return status
}

/** 0 stable; 1 unstable or not judged; 2 stable, but a sync after the verdict failed. */
export function exitStatus(stable: boolean, syncFailed: boolean): number {
  if (!stable) return 1
  return syncFailed ? 2 : 0
}

/** `Roadmap sync: …` problems → "the roadmap sync". */
function syncNames(problems: string[]): string {
  const names = [
    ...new Set(problems.map(p => /^(\w[\w -]*? sync):/.exec(p)?.[1].toLowerCase() ?? 'the sync'))
  ]
  return `the ${names.join(' and the ')}`.replace(/^the the /, 'the ')
}
