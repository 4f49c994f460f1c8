// Duplicates and single-version crates: raise the member's own requirement (or the workspace
// dependency it inherits), or update the third-party crate that holds the older version.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { formatChain } from '../../cargo/graph.js'
import type { ProcessRunner } from '../../cargo/phase.js'
import { diffLocks } from './lockfile.js'
import {
  inheritsFromWorkspace,
  raiseRequirement,
  raiseWorkspaceRequirement,
  requirementFor
} from './manifest-edit.js'
import type { Candidate } from './plan.js'
import { blocker, requirementOf, type Proposal, type SearchInputs } from './proposal.js'
import { cargoIn } from './scratch-cargo.js'
import type { FixBlocker } from './section.js'

export function proposeManifest(
  c: Extract<Candidate, { kind: 'manifest' }>,
  inputs: SearchInputs
): Proposal | FixBlocker {
  const restoreLock = (lock: string) => writeFileSync(path.join(inputs.root, 'Cargo.lock'), lock)
  // The member's own requirement, or the `[workspace.dependencies]` entry it inherits.
  const memberFile = path.join(inputs.root, path.relative(inputs.userRoot, c.manifest))
  const memberText = readFileSync(memberFile, 'utf8')
  const to = requirementFor(c.to)
  const inherited = inheritsFromWorkspace(memberText, c.target.crate)
  const file = inherited ? path.join(inputs.root, 'Cargo.toml') : memberFile
  const original = inherited ? readFileSync(file, 'utf8') : memberText
  const edit = inherited
    ? raiseWorkspaceRequirement(original, c.target.crate, to)
    : raiseRequirement(original, c.target.crate, c.edge, to)
  if (!edit)
    return blocker(
      c.target,
      `${c.member} declares ${c.target.crate} in a way this cannot edit safely (not one plain version requirement)`,
      `raise ${c.member}'s requirement on ${c.target.crate} to ${to} by hand`
    )
  writeFileSync(file, edit.text)
  return {
    fix: {
      crate: c.target.crate,
      from: c.target.version,
      to: c.to,
      kind: 'manifest',
      manifest: path.relative(inputs.root, file).split(path.sep).join('/'),
      command: null,
      diff: { line: edit.line, before: edit.before, after: edit.after },
      target: c.target
    },
    rollback: lock => {
      writeFileSync(file, original)
      restoreLock(lock)
    }
  }
}

export async function proposeHolder(
  c: Extract<Candidate, { kind: 'holder' }>,
  inputs: SearchInputs,
  run: ProcessRunner,
  lockBefore: string
): Promise<Proposal | FixBlocker> {
  const lockPath = path.join(inputs.root, 'Cargo.lock')
  const restoreLock = (lock: string) => writeFileSync(lockPath, lock)
  const cargo = (args: string[]) => cargoIn(inputs, run, args)
  // cargo may move the holder within its requirement; the old version must then be gone from the lock.
  const spec = `${c.holder.name}@${c.holder.version}`
  await cargo(['update', '-p', spec])
  const moved = diffLocks(lockBefore, readFileSync(lockPath, 'utf8'))
  const gone = moved.some(m => m.name === c.target.crate && m.from === c.target.version)
  const holderMove = moved.find(m => m.name === c.holder.name && m.from === c.holder.version && m.to)
  if (!gone || !holderMove) {
    const req = requirementOf(inputs.metadata, c.holder, c.target.crate)
    return blocker(
      c.target,
      `${c.holder.name} ${c.holder.version} requires ${c.target.crate} ${req ?? c.target.version} (${formatChain(c.chain)})`,
      `a release of ${c.holder.name} that accepts ${c.target.crate} ${c.to} (upstream), or list ${c.target.crate} in allow-duplicates until then`
    )
  }
  return {
    fix: {
      crate: c.holder.name,
      from: c.holder.version,
      to: holderMove.to!,
      kind: 'lock',
      manifest: null,
      command: `cargo update -p ${spec}`,
      diff: null,
      target: c.target
    },
    rollback: restoreLock
  }
}
