// The report before any capability ran: the core's fields and each capability's blank section; the
// per-crate rows with every capability's fields at their defaults; and the report of a run that could
// not judge the build (always unstable, with the reason).
import type { AnyCapability } from '../capabilities/capability.js'
import type { FindingCode } from '../findings/codes.js'
import type { Finding } from '../findings/finding.js'
import { foldVerdict } from '../findings/fold.js'
import { SCHEMA_VERSION, type PhaseResult, type WorkspaceInfo } from '../report/schema.js'
import { TOOL } from '../tool.js'
import { CAPABILITIES, type CrateSummary, type GateReport, type ReportBody } from './registry.js'
import type { Workspace } from './workspace.js'

/** A report with nothing read yet: the start of every run's report. */
export function blankReport(
  workspace: WorkspaceInfo,
  phases: PhaseResult[],
  capabilities: readonly AnyCapability[] = CAPABILITIES
): ReportBody & { findings: Finding[] } {
  const body = {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: new Date().toISOString(),
    workspace,
    crates: [],
    diagnostics: {
      errors: 0,
      warnings: 0,
      items: [],
      omitted: 0,
      dependencyWarnings: 0,
      dependencyErrors: []
    },
    phases,
    findings: []
  }
  return Object.assign(body, ...capabilities.map(c => c.blank?.() ?? {})) as ReportBody & {
    findings: Finding[]
  }
}

/** The rows of the members a run gates, each with every capability's fields at their defaults. */
export function crateRows(
  members: readonly { name: string; version: string; manifestPath: string }[],
  capabilities: readonly AnyCapability[] = CAPABILITIES
): CrateSummary[] {
  const defaults = Object.assign({}, ...capabilities.map(c => c.crateDefaults ?? {})) as object
  return members.map(m => ({
    name: m.name,
    version: m.version,
    manifestPath: m.manifestPath,
    ...defaults
  })) as CrateSummary[]
}

/** The report a run starts from: the workspace, its shard, and a row per member it gates. */
export function startReport(
  ws: Workspace,
  capabilities: readonly AnyCapability[],
  now: () => Date
): ReportBody & { findings: Finding[] } {
  const body = blankReport(ws.info, ws.phases, capabilities)
  body.generatedAt = now().toISOString()
  if (ws.shard) body.shard = ws.shard
  const gated = new Set(ws.shard?.members ?? ws.members.map(p => p.name))
  const rows = ws.members.filter(p => gated.has(p.name)).map(p => ({ ...p, manifestPath: p.manifest_path }))
  body.crates = crateRows(rows, capabilities)
  return body
}

export function failureReport(root: string, message: string, code: FindingCode = 'gate-error'): GateReport {
  const findings: Finding[] = [{ code, severity: 'block', message, source: 'gate' }]
  return {
    ...blankReport({ root, members: [], msrv: null, toolchain: null, requestedToolchain: null }, []),
    findings,
    verdict: foldVerdict(findings)
  } as GateReport
}
