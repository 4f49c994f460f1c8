// What resolving one candidate gives: a change made in the scratch copy (with how to undo it), or the
// requirement that blocks every fix. Shared by the MSRV and the duplicate resolvers.
import type { CargoMetadata } from '../../cargo/metadata.js'
import type { ConflictOptions, ConflictsSection } from '../conflicts/index.js'
import type { Fix, FixBlocker, FixTarget } from './section.js'
import type { BuildConfig } from './verify.js'

export interface SearchInputs {
  /** Workspace root of the scratch copy. */
  root: string
  /** The user's workspace root: manifest paths in fixes are relative to it. */
  userRoot: string
  targetDir: string
  host: string | null
  config: BuildConfig
  conflicts: ConflictsSection
  /** The conflicts to answer (conflictsWeighing); `conflicts` is every one found, which a fix must not add to. */
  targets: ConflictsSection
  conflictOptions: ConflictOptions
  /** `cargo metadata` of the user's tree: dependents' requirements name blockers. */
  metadata: CargoMetadata
}

export type Proposal = {
  fix: Omit<Fix, 'verified' | 'reason' | 'errors' | 'lockChanges' | 'seconds'>
  rollback: (lock: string) => void
}

export function blocker(target: FixTarget, blockedBy: string, unblock: string): FixBlocker {
  return { target, blockedBy, unblock }
}

/** The requirement `holder` declares on `name`, as cargo metadata gives it (`^1.8`). */
export function requirementOf(
  meta: CargoMetadata,
  holder: { name: string; version: string },
  name: string
): string | null {
  const pkg = meta.packages.find(p => p.name === holder.name && p.version === holder.version)
  return pkg?.dependencies.find(d => d.name === name)?.req ?? null
}
