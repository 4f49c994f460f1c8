// MSRV, edition and toolchain conflicts: cargo's MSRV-aware resolver picks the newest version the
// member's rust-version (or the toolchain) can build; when the dependent pins the crate, an older dependent
// within the member's requirement; otherwise the requirement that blocks it is named.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { ProcessRunner } from '../../cargo/phase.js'
import { diffLocks, type LockChange } from './lockfile.js'
import type { Candidate } from './plan.js'
import { blocker, requirementOf, type Proposal, type SearchInputs } from './proposal.js'
import { cargoIn } from './scratch-cargo.js'
import { withResolverMsrv } from './resolver-msrv.js'
import type { FixBlocker } from './section.js'

export async function proposeMsrv(
  c: Extract<Candidate, { kind: 'lock' }>,
  inputs: SearchInputs,
  run: ProcessRunner,
  lockBefore: string
): Promise<Proposal | FixBlocker> {
  const lockPath = path.join(inputs.root, 'Cargo.lock')
  const restoreLock = (lock: string) => writeFileSync(lockPath, lock)
  const cargo = (args: string[]) => cargoIn(inputs, run, args)
  // MSRV / toolchain: cargo's own MSRV-aware resolver picks the version (aimed at `have`: the member's
  // rust-version, or the toolchain); the lock says which. The command is shown as run: `--precise` is silently
  // ignored by directory sources, so it is not what finds or applies the version.
  const spec = `${c.target.crate}@${c.target.version}`
  await withResolverMsrv(inputs, c.have, () => cargo(['update', '-p', spec, '--config', FALLBACK]))
  const moved = diffLocks(lockBefore, readFileSync(lockPath, 'utf8')).find(
    (m: LockChange) => m.name === c.target.crate && m.from === c.target.version && m.to
  )
  if (!moved && c.chain.length > 2) {
    restoreLock(lockBefore)
    const viaDependent = await moveDependent(c, inputs, run, lockBefore)
    if (viaDependent) return viaDependent
  }
  if (!moved) {
    restoreLock(lockBefore)
    const holder = c.chain[c.chain.length - 2]
    const req = requirementOf(inputs.metadata, holder, c.target.crate)
    const member = c.chain[0].name
    const raise = c.member ? `raise ${c.member}'s rust-version to ${c.needs}` : `build with Rust ${c.needs}`
    return blocker(
      c.target,
      `${holder.name} ${holder.version} requires ${c.target.crate} ${req ?? `=${c.target.version}`}`,
      c.chain.length > 2
        ? `${raise}, or relax ${member}'s requirement on ${c.chain[1].name} so that a release accepting an older ${c.target.crate} can be chosen`
        : `${raise}, or relax ${member}'s requirement on ${c.target.crate} (${req ?? '?'}) to admit an older release`
    )
  }
  return {
    fix: {
      crate: c.target.crate,
      from: c.target.version,
      to: moved.to!,
      kind: 'lock',
      manifest: null,
      command: `cargo update -p ${spec} --config '${FALLBACK}'`,
      diff: null,
      target: c.target
    },
    rollback: restoreLock
  }
}

const FALLBACK = 'resolver.incompatible-rust-versions="fallback"'

/**
 * The dependent pins the crate (password-hash 0.6 requires base64ct ^1.8): let cargo pick an older
 * dependent that accepts an older crate, within the member's requirement. The member is told, in the
 * scratch copy and for this resolve only, to want the crate below its current version; cargo then
 * backtracks on the dependent and the MSRV-aware resolver picks the crate. There is no one cargo
 * command for this, so the fix carries the lock changes and no command.
 */
async function moveDependent(
  c: Extract<Candidate, { kind: 'lock' }>,
  inputs: SearchInputs,
  run: ProcessRunner,
  lockBefore: string
): Promise<Proposal | null> {
  const lockPath = path.join(inputs.root, 'Cargo.lock')
  const holder = c.chain[c.chain.length - 2]
  const member = inputs.metadata.packages.find(
    p => p.name === c.chain[0].name && inputs.metadata.workspace_members.includes(p.id)
  )
  if (!member) return null
  const file = path.join(inputs.root, path.relative(inputs.userRoot, member.manifest_path))
  const original = readFileSync(file, 'utf8')
  const pin = `\n[dependencies.build-gate-pin]\npackage = ${JSON.stringify(c.target.crate)}\nversion = "<${c.target.version}"\n`
  writeFileSync(file, `${original}${pin}`)
  let exit: number
  try {
    const args = [
      'update',
      '-p',
      `${holder.name}@${holder.version}`,
      '-p',
      `${c.target.crate}@${c.target.version}`
    ]
    exit = await withResolverMsrv(inputs, c.have, () =>
      cargoIn(inputs, run, [...args, '--config', FALLBACK], true)
    )
  } finally {
    writeFileSync(file, original)
  }
  const changes = exit === 0 ? diffLocks(lockBefore, readFileSync(lockPath, 'utf8')) : []
  const moved = changes.find(m => m.name === c.target.crate && m.from === c.target.version && m.to)
  const dependent = changes.find(m => m.name === holder.name && m.from === holder.version && m.to)
  if (!moved || !dependent) {
    writeFileSync(lockPath, lockBefore)
    return null
  }
  return {
    fix: {
      crate: c.target.crate,
      from: c.target.version,
      to: moved.to!,
      kind: 'lock',
      manifest: null,
      command: null,
      diff: null,
      target: c.target
    },
    rollback: lock => writeFileSync(lockPath, lock)
  }
}
