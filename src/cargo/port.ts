// The cargo phases of a run, as the capabilities run them (their `ports.cargo`): each phase goes
// through every capability's hook (timing's `--timings`, the tests' reading of the executables the
// build made), reports its progress, and is recorded in the report's phases; the phases of the build
// stage also feed the run's one diagnostics tally.
import { CARGO_OUTPUT_ENV, type Command } from './commands.js'
import { DiagnosticTally } from './diagnostics.js'
import type { ArtifactInfo } from './messages.js'
import { runPhase, type PhaseOptions, type PhaseRun, type ProcessRunner } from './phase.js'
import type { Diagnostic, DiagnosticsSection, PhaseName, PhaseResult } from '../report/schema.js'

export type ProgressEvent = {
  phase: PhaseName | 'toolchain'
  state: 'start' | 'end'
  detail?: string
  /** On 'end': false when the phase exited non-zero or its output could not be trusted. */
  ok?: boolean
}

/** What one run of a phase tells a listener. */
export interface PhaseListener {
  stderr?(line: string): void
  artifact?(a: ArtifactInfo): void
}

/**
 * A capability's hook into every cargo phase others run: arguments it adds (timing's `--timings`; a
 * clippy pass would swap the subcommand) and what it listens to (cargo's stderr, the artifacts).
 */
export interface PhaseHook {
  /** The phase's command with this capability's arguments, or the command as it was. */
  command?(phase: PhaseName, command: Command): Command
  /** Listeners for one run of the phase (a phase run again gets fresh ones). */
  listen?(phase: PhaseName): PhaseListener
  /** The phase failed because of this hook's arguments: it runs again without this hook. */
  refused?(phase: PhaseName, result: PhaseResult): boolean
}

export interface PhaseCall {
  env?: Record<string, string | undefined>
  timeoutSeconds?: number
  /** Lines of stdout that are not cargo messages (libtest output). */
  onOtherStdout?: (line: string) => void
  onStderr?: (line: string) => void
  artifact?: (a: ArtifactInfo) => void
  /** The phase's workspace diagnostics as the caller reads them (those of the build stage also go to the tally). */
  diagnostic?: (d: Diagnostic) => void
  /** false for a measurement (a confirming rebuild): not reported, not recorded, its diagnostics not read. */
  record?: boolean
}

export interface CargoPort {
  phase(name: PhaseName, command: Command, call?: PhaseCall): Promise<PhaseRun>
  /** The workspace diagnostics the build stage's phases reported so far. */
  readonly diagnostics: DiagnosticTally
}

export interface CargoPortOptions {
  cwd: string
  run: ProcessRunner
  /** Workspace members by package id. */
  members: ReadonlyMap<string, string>
  /** The shard's members: another member's diagnostics are its own shard's to count. null: all. */
  gated: readonly string[] | null
  phases: PhaseResult[]
  hooks: readonly PhaseHook[]
  progress: (e: ProgressEvent) => void
  /** Every stderr line of cargo, for logs. */
  log?: (line: string) => void
}

export class CargoPhases implements CargoPort {
  readonly diagnostics = new DiagnosticTally()
  /** Off once the build stage is over: later phases measure or verify, they do not add diagnostics. */
  private tallying = true

  constructor(private readonly o: CargoPortOptions) {}

  /** The build stage is over: its diagnostics, as the report keeps them; later phases add none. */
  closeDiagnostics(): DiagnosticsSection {
    this.tallying = false
    return this.diagnostics.section()
  }

  async phase(name: PhaseName, command: Command, call: PhaseCall = {}): Promise<PhaseRun> {
    const record = call.record !== false
    if (record) this.o.progress({ phase: name, state: 'start' })
    let hooks = this.o.hooks
    let r = await this.attempt(name, command, call, hooks, record && this.tallying)
    const refusing = hooks.filter(h => h.refused?.(name, r.result))
    if (refusing.length > 0) {
      hooks = hooks.filter(h => !refusing.includes(h))
      r = await this.attempt(name, command, call, hooks, record && this.tallying)
    }
    if (record) {
      const ok = r.result.ran && r.result.exitCode === 0 && !r.result.failure
      this.o.progress({ phase: name, state: 'end', ok })
      this.o.phases.push(r.result)
    }
    return r
  }

  private attempt(
    name: PhaseName,
    command: Command,
    call: PhaseCall,
    hooks: readonly PhaseHook[],
    tally: boolean
  ): Promise<PhaseRun> {
    const { o, diagnostics } = this
    const cmd = hooks.reduce((c, h) => h.command?.(name, c) ?? c, command)
    const listeners = hooks.map(h => h.listen?.(name) ?? {})
    const options: PhaseOptions = {
      cwd: o.cwd,
      run: o.run,
      env: { ...CARGO_OUTPUT_ENV, ...call.env },
      members: o.members,
      ...(call.timeoutSeconds !== undefined ? { timeoutSeconds: call.timeoutSeconds } : {}),
      onOtherStdout: call.onOtherStdout,
      onStderr: line => {
        for (const l of listeners) l.stderr?.(line)
        call.onStderr?.(line)
        o.log?.(line)
      },
      sink: {
        diagnostic: d => {
          call.diagnostic?.(d)
          if (tally && (!o.gated || o.gated.includes(d.crate))) diagnostics.add(d)
        },
        dependencyWarning: () => void (tally && diagnostics.dependencyWarnings++),
        dependencyError: (pkg, message) =>
          void (tally && diagnostics.dependencyErrors.push({ package: pkg, message })),
        artifact: a => {
          for (const l of listeners) l.artifact?.(a)
          call.artifact?.(a)
        }
      }
    }
    return runPhase(name, cmd, options)
  }
}
