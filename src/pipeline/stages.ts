// One stage of the pipeline: the registered capabilities of that stage run in registry order, each with
// the ports every stage gives and those it asked for; each writes its section, its fields of the crate
// rows and its findings into the report.
import type { AnyCapability, Needs, Stage, StagePorts } from '../capabilities/capability.js'
import { buildGraph } from '../cargo/graph.js'
import type { ProcessRunner } from '../cargo/phase.js'
import { CargoPhases, type PhaseHook, type ProgressEvent } from '../cargo/port.js'
import type { Finding } from '../findings/finding.js'
import type { GateConfig, ReportBody } from './registry.js'
import type { Workspace } from './workspace.js'

export interface StageRun {
  ports: Omit<StagePorts, 'report'>
  /** The ports capabilities may ask for, as far as this run has them. */
  needs: Partial<Needs>
  /** Each capability's state for this run (see Capability.start). */
  states: ReadonlyMap<string, object>
  /** What the capabilities' runs returned, by name. */
  found: Map<string, Finding[]>
}

/** The stages' ports for a run: the shared cargo port with every capability's hook, and the needs. */
export function prepareStages(
  ws: Workspace,
  capabilities: readonly AnyCapability[],
  config: GateConfig,
  o: {
    run: ProcessRunner
    progress: (e: ProgressEvent) => void
    log?: (line: string) => void
    now: () => Date
    env?: Readonly<Record<string, string | undefined>>
    needs: Partial<Needs>
  }
): StageRun & { cargo: CargoPhases | null } {
  const { states, hooks } = startRun(capabilities, config)
  const cargo = ws.meta
    ? new CargoPhases({
        cwd: ws.cwd,
        run: o.run,
        members: new Map(ws.members.map(p => [p.id, p.name])),
        gated: ws.shard?.members ?? null,
        phases: ws.phases,
        hooks,
        progress: o.progress,
        log: o.log
      })
    : null
  const ports: StageRun['ports'] = {
    cwd: ws.cwd,
    toolchain: ws.toolchain,
    metadata: ws.meta,
    graph: ws.meta ? buildGraph(ws.meta, ws.manifests) : null,
    manifests: ws.manifests,
    phases: ws.phases,
    cargo,
    run: o.run,
    log: o.log ?? (() => undefined),
    env: o.env ?? process.env,
    now: o.now
  }
  return { ports, needs: o.needs, states, found: new Map(), cargo }
}

/** Each capability's state for this run, and their hooks into the cargo phases. */
function startRun(
  capabilities: readonly AnyCapability[],
  config: GateConfig
): { states: Map<string, object>; hooks: PhaseHook[] } {
  const states = new Map<string, object>()
  const hooks: PhaseHook[] = []
  for (const c of capabilities) {
    const state = c.start?.(config)
    if (!state) continue
    states.set(c.name, state)
    if (state.hook) hooks.push(state.hook)
  }
  return { states, hooks }
}

export async function runStage(
  stage: Stage,
  capabilities: readonly AnyCapability[],
  run: StageRun,
  config: GateConfig,
  body: ReportBody
): Promise<void> {
  for (const c of capabilities) {
    if (c.stage !== stage || !c.run) continue
    const result = await c.run(
      { ...run.ports, report: body, ...needed(c, stage, run.needs) },
      config,
      run.states.get(c.name) ?? {}
    )
    Object.assign(body, result.section)
    for (const row of body.crates) Object.assign(row, result.crates?.[row.name])
    if (result.findings) {
      run.found.set(c.name, result.findings)
      body.findings = [...(body.findings ?? []), ...result.findings]
    }
  }
}

function needed(c: AnyCapability, stage: Stage, have: Partial<Needs>): Partial<Needs> {
  const out: Partial<Needs> = {}
  for (const name of c.needs ?? []) {
    if (!(name in have))
      throw new Error(`capability ${c.name} needs the ${name} port, which the ${stage} stage does not give`)
    Object.assign(out, { [name]: have[name] })
  }
  return out
}
