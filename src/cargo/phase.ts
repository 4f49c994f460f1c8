// Runs one cargo phase: streams its output through the readers and records what a phase result
// must say, including why it cannot be trusted (not started, killed, unreadable, cut short).
import { CargoMessageReader, type MessageReaderState, type MessageSink } from './messages.js'
import type { Command } from './commands.js'
import { MAX_LINE_CHARS } from './lines.js'
import { OUTPUT_GRACE_SECONDS, runProcess, type ProcessOutcome, type ProcessOptions } from './process.js'
import { CargoStderrReader, type CargoErrorBlock } from './stderr.js'
import type { PhaseName, PhaseResult } from '../report/schema.js'

export type ProcessRunner = (
  program: string,
  args: string[],
  options: ProcessOptions
) => Promise<ProcessOutcome>

export interface PhaseRun {
  result: PhaseResult
  errors: CargoErrorBlock[]
  stderrTail: string[]
}

export interface PhaseOptions {
  cwd: string
  env?: Record<string, string | undefined>
  /** Workspace members by package id; absent for phases that print no cargo messages. */
  members?: ReadonlyMap<string, string>
  sink?: MessageSink
  /** Lines of stdout that are not cargo messages (libtest output). */
  onOtherStdout?: (line: string) => void
  onStderr?: (line: string) => void
  /** Collects the whole stdout, for `cargo metadata` (one JSON document, not a stream of messages). */
  collectStdout?: boolean
  run?: ProcessRunner
  /** Kill the phase (and the processes it started) after this many seconds. */
  timeoutSeconds?: number
}

export async function runPhase(
  name: PhaseName,
  command: Command,
  options: PhaseOptions
): Promise<PhaseRun & { stdout: string }> {
  const reader = options.members
    ? new CargoMessageReader(options.members, name, options.sink ?? { diagnostic: () => undefined })
    : null
  const stderr = new CargoStderrReader()
  const chunks: string[] = []
  const outcome = await (options.run ?? runProcess)(command.program, command.args, {
    cwd: options.cwd,
    env: command.env ? { ...options.env, ...command.env } : options.env,
    ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}),
    // cargo metadata is one JSON document on one line, as large as the dependency graph.
    ...(options.collectStdout ? { maxLineChars: Infinity } : {}),
    onStdoutLine: line => {
      if (options.collectStdout) chunks.push(line)
      else if (!reader?.push(line)) options.onOtherStdout?.(line)
    },
    onStderrLine: line => {
      stderr.push(line)
      options.onStderr?.(line)
    }
  })
  const errors = stderr.finish()
  const state = reader?.state
  const result: PhaseResult = {
    name,
    command: [command.program, ...command.args],
    ran: outcome.spawnError === null,
    exitCode: outcome.exitCode,
    signal: outcome.signal,
    wallSeconds: round(outcome.wallSeconds),
    cpuSeconds: outcome.cpuSeconds,
    units: state?.units ?? { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } },
    cargoErrors: errors.filter(e => !e.summary).map(e => e.text),
    unreadableLines: state?.unreadableLines ?? 0,
    failure: null,
    ...(outcome.leftRunning ? { leftRunning: leftRunningNote(outcome.leftRunning) } : {})
  }
  result.failure = untrusted(result, outcome, state ?? null)
  return { result, errors, stderrTail: [...stderr.tail], stdout: chunks.join('\n') }
}

/** `read` is null for phases that print no cargo messages (metadata). */
function untrusted(r: PhaseResult, o: ProcessOutcome, read: MessageReaderState | null): string | null {
  const program = r.command[0]
  if (o.spawnError) {
    const hint = /ENOENT/.test(o.spawnError) ? ` Is ${program} installed and on PATH?` : ''
    return `could not start ${program}: ${o.spawnError}.${hint}`
  }
  if (o.timedOut)
    return `${program} did not finish within ${formatDuration(o.wallSeconds)} (test-timeout) and was killed with everything it started`
  if (o.signal) return `${program} was killed by signal ${o.signal} before it finished`
  if (o.cutLines)
    return `${o.cutLines.count} line(s) of ${program}'s output were longer than the ${mib(MAX_LINE_CHARS)} MiB the gate reads of one line (the longest: ${mib(o.cutLines.longestChars)} MiB), so they could not be read whole (does a test print that much?)`
  if (r.unreadableLines > 0)
    return `${r.unreadableLines} line(s) of cargo's JSON output could not be read (first: ${read?.firstUnreadable ?? '?'})`
  if (read && read.lateMessages > 0)
    return `${read.lateMessages} line(s) in cargo's message format came after a build-finished message: something the build ran (a proc macro) printed cargo-like JSON to stdout, so cargo's own messages cannot be told from forged ones (first line after it: ${read.firstLate})`
  if (read && o.exitCode === 0 && read.buildFinished !== true)
    return 'cargo exited without its final build-finished message, so its output cannot be trusted'
  return null
}

function leftRunningNote(how: 'stopped' | 'abandoned'): string {
  const what = how === 'stopped' ? 'it was stopped' : 'the gate stopped waiting for it'
  return `a process it started was still running ${OUTPUT_GRACE_SECONDS} s after cargo exited, holding cargo's output open; ${what}`
}

/** Characters as MiB: the same for the ASCII that cargo and libtest print. */
function mib(chars: number): string {
  return String(Math.round(chars / 2 ** 20))
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

function formatDuration(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`
}
