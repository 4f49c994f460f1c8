// What the log says about where the gate's files are: the report's place, the place earlier versions
// used (a workflow that uploads it finds nothing now), and a report-path that cargo would fingerprint.
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { workspaceMembers, type CargoMetadata } from '../cargo/metadata.js'
import { LEGACY_REPORT_FILE, packageHolding } from '../report/location.js'
import { localDocument } from '../store/state-dir.js'
import type { GateConfig } from './registry.js'

export interface PlaceNotes {
  /** Worth an annotation: something the gate writes will make cargo rebuild a package. */
  warnings: string[]
  /** For the log. */
  log: string[]
}

export function reportPlaceNotes(
  reportPath: string,
  config: Pick<
    GateConfig,
    'surface' | 'reportPath' | 'workingDirectory' | 'baselineStore' | 'baselinePath' | 'baselinePathGiven'
  > | null,
  metadata: CargoMetadata | null,
  uploadHint: string
): PlaceNotes {
  const warnings: string[] = []
  const log: string[] = []
  const flag = config?.surface === 'cli' ? '--report-path' : 'report-path'
  if (config?.reportPath && metadata) {
    const member = packageHolding(config.reportPath, workspaceMembers(metadata), metadata.target_directory)
    if (member)
      warnings.push(
        `${flag} ${config.reportPath} is inside the directory of package ${member}: when its build script has no rerun-if-changed, cargo fingerprints every file there, so each report makes the next build rebuild ${member}. Leave ${flag} unset (the report then goes where cargo never looks) or point it outside the workspace.`
      )
  }
  if (config?.surface === 'action') {
    log.push(`The JSON report is at ${reportPath} (the step's report-path output).`)
    if (!config.reportPath)
      log.push(
        `It is no longer written to ${LEGACY_REPORT_FILE} in the workspace, where it made cargo rebuild packages whose build script has no rerun-if-changed: a workflow that uploads ${LEGACY_REPORT_FILE} should upload ${uploadHint} (or the step's report-path output), or set report-path.`
      )
  }
  if (config?.surface === 'cli' && !config.reportPath) {
    const legacy = path.join(config.workingDirectory, LEGACY_REPORT_FILE)
    if (existsSync(legacy))
      log.push(
        `${legacy} is an earlier run's report: the report is no longer written into the workspace (cargo rebuilt packages whose build script has no rerun-if-changed for it); delete it and the build-gate-report.cargo-timing-*.html beside it.`
      )
  }
  if (config?.surface === 'cli' && config.baselineStore === 'file') {
    const doc = localDocument(config.workingDirectory, config.baselinePath, config.baselinePathGiven)
    if (doc.legacy && existsSync(doc.file))
      log.push(
        `${doc.legacy} is an earlier version's baseline: its samples were carried over to ${doc.file}, where the baseline is kept now (outside the workspace, which cargo fingerprints); delete the old file.`
      )
  }
  return { warnings, log }
}
