// The cargo phases' --timings reports: asks cargo for them, notes where cargo says it wrote each one
// (stderr), and reads the workspace crates' unit times out of the latest round of phases.
import { readFileSync } from 'node:fs'
import type { Command } from '../../cargo/commands.js'
import { parseCargoTimings, savedReportPath, workspaceCrateTimes } from './cargo-timings.js'
import type { CrateTime } from './crate-times.js'
import { FailedSpans } from './failed-spans.js'
import type { PhaseResult } from '../../report/schema.js'

export interface TimingReportFile {
  phase: string
  path: string
}

export interface RoundTimes {
  times: CrateTime[]
  files: TimingReportFile[]
  /** Why some crate times are missing: a report cargo did not write, or one this reader did not understand. */
  problems: string[]
}

/**
 * cargo cannot render the --timings report of a build with no units to build ("no timing data found
 * in log", e.g. `cargo test -p x` where x has no test targets) and fails the whole command. Such a phase
 * built nothing, so there is nothing to time: it is run again without --timings.
 */
export function refusedEmptyReport(r: PhaseResult): boolean {
  const u = r.units
  const units = u.workspace.compiled + u.workspace.fresh + u.dependencies.compiled + u.dependencies.fresh
  return r.exitCode !== 0 && units === 0 && r.cargoErrors.some(e => e.includes('no timing data found'))
}

/** `--timings` right after cargo's subcommand, so it stays before any `--` of the user's args. */
export function withTimings(cmd: Command): Command {
  const sub = cmd.args.findIndex(a => !a.startsWith('+'))
  if (sub === -1 || cmd.args.includes('--timings')) return cmd
  return { ...cmd, args: [...cmd.args.slice(0, sub + 1), '--timings', ...cmd.args.slice(sub + 1)] }
}

interface PhaseEntry {
  phase: string
  path: string | null
  spans: FailedSpans
}

export class TimingReports {
  private rounds: PhaseEntry[][] = [[]]

  constructor(
    readonly enabled: boolean,
    private readonly now: () => number = () => performance.now() / 1000
  ) {}

  command(cmd: Command): Command {
    return this.enabled ? withTimings(cmd) : cmd
  }

  /** A stderr listener for one phase of the current round; passes every line on to `next`. */
  listen(phase: string, next?: (line: string) => void): (line: string) => void {
    const entry: PhaseEntry = { phase, path: null, spans: new FailedSpans() }
    if (this.enabled) this.rounds.at(-1)!.push(entry)
    return line => {
      if (this.enabled) {
        entry.path = savedReportPath(line) ?? entry.path
        entry.spans.read(line, this.now())
      }
      next?.(line)
    }
  }

  /** A phase of this round that ran again without --timings (see refusedEmptyReport). */
  untimed(phase: string): void {
    const round = this.rounds.at(-1)!
    this.rounds[this.rounds.length - 1] = round.filter(e => e.phase !== phase)
  }

  /** The confirmation rebuild starts a new round, measured on its own. */
  newRound(): void {
    this.rounds.push([])
  }

  latest(members: readonly { name: string; version: string }[]): RoundTimes {
    const out: RoundTimes = { times: [], files: [], problems: [] }
    for (const { phase, path, spans } of this.rounds.at(-1)!) {
      if (!path) {
        out.problems.push(`cargo did not say where it wrote the --timings report of ${phase}`)
        continue
      }
      let html: string
      try {
        html = readFileSync(path, 'utf8')
      } catch (e) {
        out.problems.push(`could not read ${path} (${(e as Error).message})`)
        continue
      }
      const parsed = parseCargoTimings(html)
      if (parsed.problem !== null) {
        out.problems.push(`${phase}: ${parsed.problem} (${path})`)
        continue
      }
      out.files.push({ phase, path })
      out.times.push(...spans.over(workspaceCrateTimes(parsed.units, members)))
    }
    return out
  }
}
