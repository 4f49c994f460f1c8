// The CLI over the same run: `build-gate --working-directory DIR [--no-tests] [--deny-warnings false] …`
// Every action input is a flag of the same name. Exit 0 when stable, 1 otherwise (including bad input).
import * as path from 'node:path'
import { INPUTS, parseConfig, type GateConfig } from './config.js'
import { errorMessage, GateError, isGateError } from './errors.js'
import { failureReport, reportPathFor } from './failure.js'
import { type ProgressEvent } from './gate.js'
import { createClient } from './github/client.js'
import { readRunContext } from './github/context.js'
import { produceReport } from './pipeline.js'
import { syncStage } from './sync.js'
import { writeReport } from './report/json.js'
import type { GateReport } from './report/schema.js'
import { textSections } from './report/sections.js'
import { terminalReport } from './report/terminal.js'

export function parseFlags(argv: string[]): Map<string, string> {
  const known = new Set(INPUTS.map(i => i.name))
  const values = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--no-tests') {
      values.set('run-tests', 'false')
      continue
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg)
    if (!m || !known.has(m[1]))
      throw new GateError('input', `unknown option '${arg}'; run build-gate --help for the list.`)
    const value = m[2] ?? argv[++i]
    if (value === undefined) throw new GateError('input', `option '--${m[1]}' needs a value.`, m[1])
    values.set(m[1], value)
  }
  return values
}

export function usage(): string {
  const lines = INPUTS.filter(i => i.name !== 'github-token').map(i => {
    const def = i.cli ?? i.default
    return `  --${i.name} VALUE`.padEnd(40) + `${i.description}${def ? ` [default: ${def}]` : ''}`
  })
  return [
    'Usage: build-gate [--working-directory DIR] [--no-tests] [options]',
    '',
    'Runs cargo check and cargo test on a Rust workspace and says whether its build is stable.',
    'Exit status: 0 stable, 1 unstable or could not be judged.',
    '',
    '  --no-tests'.padEnd(40) + 'Same as --run-tests false.',
    ...lines,
    '',
    'GITHUB_TOKEN in the environment is used for GitHub features (roadmap sync, baseline branch).'
  ].join('\n')
}

type Output = Pick<NodeJS.WriteStream, 'write' | 'isTTY'>

export async function main(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(`${usage()}\n`)
    return 0
  }
  let config: GateConfig | null = null
  let report: GateReport
  let judged = false
  const progress = new Progress(err)
  try {
    const flags = parseFlags(argv)
    if (!flags.has('github-token') && process.env.GITHUB_TOKEN)
      flags.set('github-token', process.env.GITHUB_TOKEN)
    config = parseConfig(name => flags.get(name) ?? '', 'cli')
    report = (await produceReport(config, { progress: e => progress.update(e) })).report
    judged = true
  } catch (e) {
    progress.stop()
    if (isGateError(e, 'input')) {
      err.write(`build-gate: ${e.message}\n`)
      return 1
    }
    report = failureReport(config?.workingDirectory ?? process.cwd(), errorMessage(e))
  }
  progress.stop()
  const reportPath = reportPathFor(config)
  writeReport(report, reportPath)
  // On a laptop the roadmap is only shown (a local run is never trusted to write it), after the verdict.
  const problems: string[] = []
  if (judged && config) {
    const synced = await syncStage(report, config, {
      ctx: readRunContext(),
      github: config.token ? createClient(config.token) : null,
      log: () => undefined
    })
    report = synced.report
    problems.push(...synced.problems)
    if (synced.wrote.length) writeReport(report, reportPath)
  }
  out.write(
    `${terminalReport(report, textSections())}\n\nReport: ${path.relative(process.cwd(), reportPath) || reportPath}\n`
  )
  for (const p of problems) err.write(`build-gate: ${p}\n`)
  return report.verdict.stable && problems.length === 0 ? 0 : 1
}

/** One line per phase; a spinner when stderr is a terminal. */
class Progress {
  private timer: NodeJS.Timeout | null = null
  private started = 0
  constructor(private readonly stream: Output) {}

  update(e: ProgressEvent): void {
    const label = e.phase === 'toolchain' ? 'rustc -vV' : `cargo ${e.phase}`
    if (e.state === 'start') {
      this.started = Date.now()
      if (this.stream.isTTY) {
        let frame = 0
        const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'
        this.timer = setInterval(() => {
          const secs = ((Date.now() - this.started) / 1000).toFixed(0)
          this.stream.write(`\r${frames[frame++ % frames.length]} ${label} (${secs}s)`)
        }, 100)
      } else this.stream.write(`… ${label}\n`)
    } else {
      this.stop()
      const secs = ((Date.now() - this.started) / 1000).toFixed(1)
      this.stream.write(`${this.stream.isTTY ? '\r\x1b[K' : ''}✓ ${label} (${secs}s)\n`)
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
