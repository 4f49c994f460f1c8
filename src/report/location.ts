// Where the report goes when report-path is not given: where cargo never looks. For a package whose
// build script has no rerun-if-changed, cargo fingerprints every file in the package's directory, so a
// report written there makes the next build (the gate's, the developer's) rebuild the package.
// In Actions: RUNNER_TEMP, emptied at the start and end of every job. Elsewhere: cargo's own target
// directory, which cargo leaves out of every fingerprint (it writes there itself).
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { CoreConfig } from '../config.js'

export const REPORT_FILE = 'build-gate-report.json'
/** The folder of the gate's files inside RUNNER_TEMP or the target directory. */
export const GATE_FOLDER = 'build-gate'
/** Where earlier versions wrote the report by default (relative to the working directory). */
export const LEGACY_REPORT_FILE = REPORT_FILE

type Env = Readonly<Record<string, string | undefined>>

export interface ReportPlace {
  surface: 'action' | 'cli'
  workingDirectory: string
  /** `cargo metadata`'s target_directory; null when cargo could not say (its metadata failed). */
  targetDirectory: string | null
  /** false when the working directory does not exist: nothing is created in its name. */
  workspaceExists: boolean
}

export function defaultReportPath(place: ReportPlace, env: Env = process.env): string {
  const runnerTemp = env.RUNNER_TEMP
  if (place.surface === 'action' && runnerTemp && path.isAbsolute(runnerTemp))
    return path.join(runnerTemp, GATE_FOLDER, REPORT_FILE)
  if (!place.workspaceExists) return path.join(tmpdir(), GATE_FOLDER, REPORT_FILE)
  const target = place.targetDirectory ?? fallbackTargetDirectory(place.workingDirectory, env)
  return path.join(target, GATE_FOLDER, REPORT_FILE)
}

/** Where to write the report: report-path when given, else the default; never creates a missing working directory. */
export function reportPathFor(
  surface: ReportPlace['surface'],
  config: Pick<CoreConfig, 'workingDirectory' | 'reportPath'> | null,
  targetDirectory: string | null = null,
  env: Env = process.env
): string {
  const workspaceExists = !!config && existsSync(config.workingDirectory)
  if (config?.reportPath)
    return workspaceExists ? config.reportPath : path.resolve(path.basename(config.reportPath))
  const workingDirectory = config?.workingDirectory ?? process.cwd()
  return defaultReportPath({ surface, workingDirectory, targetDirectory, workspaceExists }, env)
}

/** cargo's target directory when its metadata failed: the environment's, else `target` (never fingerprinted). */
function fallbackTargetDirectory(workingDirectory: string, env: Env): string {
  const set = env.CARGO_TARGET_DIR || env.CARGO_BUILD_TARGET_DIR
  return set ? path.resolve(workingDirectory, set) : path.join(workingDirectory, 'target')
}

/**
 * The workspace member whose directory holds `file` (outside the target directory), if any: a report
 * there can make cargo rebuild that member. Deepest directory first (members may nest).
 */
export function packageHolding(
  file: string,
  members: readonly { name: string; manifest_path: string }[],
  targetDirectory: string | null
): string | null {
  const inside = (dir: string) => {
    const rel = path.relative(dir, file)
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
  }
  if (targetDirectory && inside(targetDirectory)) return null
  const holders = members
    .map(m => ({ name: m.name, dir: path.dirname(m.manifest_path) }))
    .filter(m => inside(m.dir))
    .sort((a, b) => b.dir.length - a.dir.length)
  return holders[0]?.name ?? null
}

/** The report's path for people: relative to the repository, `$RUNNER_TEMP/…`, or absolute. */
export function displayPath(file: string, repoRoot: string, env: Env = process.env): string {
  const under = (dir: string | undefined) => {
    if (!dir) return null
    const rel = path.relative(dir, file)
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : null
  }
  const temp = under(env.RUNNER_TEMP)
  if (temp) return `$RUNNER_TEMP/${temp.split(path.sep).join('/')}`
  return under(repoRoot)?.split(path.sep).join('/') ?? file
}
