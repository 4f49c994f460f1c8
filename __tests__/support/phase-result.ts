// A phase that ran, exited 0 and was read whole: the clean starting point of the fail-closed tests.
import type { PhaseName, PhaseResult } from '../../src/report/schema.js'

export function phaseResult(name: PhaseName, over: Partial<PhaseResult> = {}): PhaseResult {
  return {
    name,
    command: ['cargo', name],
    ran: true,
    exitCode: 0,
    signal: null,
    wallSeconds: 1,
    cpuSeconds: 1,
    units: { workspace: { compiled: 1, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } },
    cargoErrors: [],
    unreadableLines: 0,
    failure: null,
    ...over
  }
}
