// The fixes capability: from the conflicts the gate found, verified fixes (and the blockers nothing
// within the current requirements can move), as a report section, findings and the changed files.
import type { CargoMetadata } from '../../cargo/metadata.js'
import type { ProcessRunner } from '../../cargo/phase.js'
import { runProcess } from '../../cargo/process.js'
import type { Finding } from '../../findings/finding.js'
import type { ConflictOptions, ConflictsSection } from '../conflicts/index.js'
import { remember } from '../../store/contents.js'
import { fixFindings } from './findings.js'
import { changedFiles, createScratch, externalDirs, type ChangedFile } from '../../cargo/scratch.js'
import { searchFixes } from './search.js'
import type { FixesSection } from './section.js'
import type { BuildConfig } from './verify.js'

export interface FixInputs {
  /** The user's workspace root (absolute, real path). */
  root: string
  host: string | null
  config: BuildConfig
  /** Every conflict found: what a fix must not add to. */
  conflicts: ConflictsSection
  /** The conflicts to answer (conflictsWeighing); absent: every conflict found. */
  targets?: ConflictsSection
  conflictOptions: ConflictOptions
  metadata: CargoMetadata
}

export interface FixPorts {
  run?: ProcessRunner
  /** Longest any one cargo command of the search may run (default 20 minutes). */
  timeoutSeconds?: number
}

const TIMEOUT_SECONDS = 20 * 60

export type { ChangedFile }

export interface FixesResult {
  section: FixesSection
  findings: Finding[]
  /** Exactly the verified changes: what `--apply` writes and the fix PR commits. */
  files: ChangedFile[]
}

export async function runFixes(inputs: FixInputs, ports: FixPorts = {}): Promise<FixesResult> {
  const started = process.hrtime.bigint()
  const seconds = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000
  const empty = { fixes: [], blockers: [], files: [] }
  const targets = inputs.targets ?? inputs.conflicts
  if (targets.rustVersion.length === 0 && targets.duplicates.length === 0)
    return { section: { ...empty, seconds: 0, failure: null }, findings: [], files: [] }
  let scratch
  try {
    const pathPackages = inputs.metadata.packages.filter(p => p.source === null).map(p => p.manifest_path)
    scratch = createScratch(inputs.root, externalDirs(inputs.root, pathPackages))
  } catch (e) {
    const section = {
      ...empty,
      seconds: seconds(),
      failure: `could not make a scratch copy of the workspace: ${(e as Error).message}`
    }
    return { section, findings: fixFindings(section), files: [] }
  }
  try {
    const found = await searchFixes(
      {
        ...inputs,
        targets,
        root: scratch.root,
        userRoot: inputs.root,
        targetDir: scratch.targetDir
      },
      bounded(ports.run ?? runProcess, ports.timeoutSeconds ?? TIMEOUT_SECONDS)
    )
    const files = changedFiles(inputs.root, scratch.root, [
      'Cargo.lock',
      ...found.fixes.filter(f => f.verified && f.manifest).map(f => f.manifest!)
    ])
    const section: FixesSection = {
      ...found,
      files: files.map(f => ({ path: f.path, before: remember(f.before), after: remember(f.after) })),
      seconds: seconds(),
      failure: null
    }
    return { section, findings: fixFindings(section), files }
  } catch (e) {
    const section = {
      ...empty,
      seconds: seconds(),
      failure: `the fix search failed: ${(e as Error).message}`
    }
    return { section, findings: fixFindings(section), files: [] }
  } finally {
    scratch.dispose()
  }
}

/** Every cargo the search starts is killed past the limit (a killed phase is never verified). */
function bounded(run: ProcessRunner, timeoutSeconds: number): ProcessRunner {
  return (program, args, options) => run(program, args, { ...options, timeoutSeconds })
}
