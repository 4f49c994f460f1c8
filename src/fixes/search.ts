// The fix search: each candidate is resolved by cargo in the scratch copy, then verified on top of the
// fixes verified before it; a fix that fails verification is rolled back. What is left in the scratch
// copy is exactly the set of verified changes (see changedFiles).
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { ConflictOptions } from '../analysis/conflicts.js'
import { formatChain } from '../analysis/graph.js'
import type { CargoMetadata } from '../cargo/metadata.js'
import type { ProcessRunner } from '../cargo/phase.js'
import type { ConflictsSection } from '../report/schema.js'
import { diffLocks, type LockChange } from './lockfile.js'
import {
  inheritsFromWorkspace,
  raiseRequirement,
  raiseWorkspaceRequirement,
  requirementFor
} from './manifest-edit.js'
import { planCandidates, type Candidate } from './plan.js'
import type { Fix, FixBlocker, FixTarget } from './section.js'
import { conflictKeys, verifyState, type BuildConfig, type VerifyContext } from './verify.js'

export interface SearchInputs {
  /** Workspace root of the scratch copy. */
  root: string
  /** The user's workspace root: manifest paths in fixes are relative to it. */
  userRoot: string
  targetDir: string
  host: string | null
  config: BuildConfig
  conflicts: ConflictsSection
  conflictOptions: ConflictOptions
  /** `cargo metadata` of the user's tree: dependents' requirements name blockers. */
  metadata: CargoMetadata
}

export async function searchFixes(
  inputs: SearchInputs,
  run: ProcessRunner
): Promise<{ fixes: Fix[]; blockers: FixBlocker[] }> {
  const ctx: VerifyContext = { ...inputs, run }
  const fixes: Fix[] = []
  const blockers: FixBlocker[] = []
  let keys = conflictKeys(inputs.conflicts, inputs.conflictOptions)
  const lockPath = path.join(inputs.root, 'Cargo.lock')
  for (const candidate of planCandidates(inputs.conflicts, inputs.conflictOptions)) {
    // An earlier fix may already have removed this conflict.
    if (
      ![...keys].some(k =>
        k.startsWith(`${candidate.target.code}:${candidate.target.crate}@${candidate.target.version}`)
      )
    )
      continue
    const started = process.hrtime.bigint()
    const lockBefore = readFileSync(lockPath, 'utf8')
    const proposal = await propose(candidate, inputs, run, lockBefore)
    if ('blockedBy' in proposal) {
      writeFileSync(lockPath, lockBefore)
      blockers.push(proposal)
      continue
    }
    const verification = await verifyState(ctx, candidate.target, keys)
    const lockChanges = diffLocks(lockBefore, readFileSync(lockPath, 'utf8'))
    const fix: Fix = {
      ...proposal.fix,
      verified: verification.problem === null,
      reason: verification.problem ?? '',
      errors: verification.errors,
      lockChanges,
      seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000
    }
    fixes.push(fix)
    if (fix.verified) keys = verification.keys
    else proposal.rollback(lockBefore)
  }
  return { fixes, blockers }
}

type Proposal = {
  fix: Omit<Fix, 'verified' | 'reason' | 'errors' | 'lockChanges' | 'seconds'>
  rollback: (lock: string) => void
}

async function propose(
  c: Candidate,
  inputs: SearchInputs,
  run: ProcessRunner,
  lockBefore: string
): Promise<Proposal | FixBlocker> {
  const lockPath = path.join(inputs.root, 'Cargo.lock')
  const restoreLock = (lock: string) => writeFileSync(lockPath, lock)
  const cargo = (args: string[]) => cargoIn(inputs, run, args)
  if (c.kind === 'manifest') {
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
        `${c.member} declares ${c.target.crate} in a way that is not a plain version requirement`,
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
  if (c.kind === 'holder') {
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
  // MSRV / toolchain: cargo's own MSRV-aware resolver picks the version (the workspace rust-version,
  // else the toolchain's); the lock says which. The command is shown as run: `--precise` is silently
  // ignored by directory sources, so it is not what finds or applies the version.
  const spec = `${c.target.crate}@${c.target.version}`
  await withResolverMsrv(inputs, () => cargo(['update', '-p', spec, '--config', FALLBACK]))
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
    return blocker(
      c.target,
      `${holder.name} ${holder.version} requires ${c.target.crate} ${req ?? `=${c.target.version}`}`,
      c.chain.length > 2
        ? `raise the workspace MSRV to ${c.needs}, or relax ${member}'s requirement on ${c.chain[1].name} so that a release accepting an older ${c.target.crate} can be chosen`
        : `raise the workspace MSRV to ${c.needs}, or relax ${member}'s requirement on ${c.target.crate} (${req ?? '?'}) to admit an older release`
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
    exit = await withResolverMsrv(inputs, () => cargoIn(inputs, run, [...args, '--config', FALLBACK], true))
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

/**
 * cargo's resolver reads the MSRV from the members' own rust-version (else the toolchain's version);
 * the gate's MSRV may come from `[workspace.package]` alone. For the resolve only, members that state
 * none get it in the scratch copy; their manifests are restored right after, so no fix carries it.
 */
async function withResolverMsrv<T>(inputs: SearchInputs, fn: () => Promise<T>): Promise<T> {
  const msrv = inputs.conflictOptions.msrv
  const members = new Set(inputs.metadata.workspace_members)
  const files = msrv
    ? inputs.metadata.packages
        .filter(p => members.has(p.id) && !p.rust_version)
        .map(p => path.join(inputs.root, path.relative(inputs.userRoot, p.manifest_path)))
    : []
  const originals = files.map(f => readFileSync(f, 'utf8'))
  files.forEach((f, i) => writeFileSync(f, withRustVersion(originals[i], msrv!)))
  try {
    return await fn()
  } finally {
    files.forEach((f, i) => writeFileSync(f, originals[i]))
  }
}

/** `rust-version = "1.80"` right under the `[package]` header. */
function withRustVersion(manifest: string, msrv: string): string {
  return manifest.replace(
    /^\[package\][ \t]*(#.*)?$/m,
    header => `${header}\nrust-version = ${JSON.stringify(msrv)}`
  )
}

function blocker(target: FixTarget, blockedBy: string, unblock: string): FixBlocker {
  return { target, blockedBy, unblock }
}

/** The requirement `holder` declares on `name`, as cargo metadata gives it (`^1.8`). */
function requirementOf(
  meta: CargoMetadata,
  holder: { name: string; version: string },
  name: string
): string | null {
  const pkg = meta.packages.find(p => p.name === holder.name && p.version === holder.version)
  return pkg?.dependencies.find(d => d.name === name)?.req ?? null
}

/**
 * Runs cargo in the scratch copy. A cargo that is killed or cannot start stops the search in its own
 * words; so does a failure, unless `mayFail` (a resolve that is allowed to find no solution).
 */
async function cargoIn(
  inputs: SearchInputs,
  run: ProcessRunner,
  args: string[],
  mayFail = false
): Promise<number> {
  const full = inputs.config.toolchain ? [`+${inputs.config.toolchain}`, ...args] : args
  const stderr: string[] = []
  const r = await run('cargo', full, {
    cwd: inputs.root,
    env: { CARGO_TARGET_DIR: inputs.targetDir, CARGO_TERM_COLOR: 'never' },
    onStderrLine: line => stderr.push(line)
  })
  if (r.exitCode === 0) return 0
  if (mayFail && r.exitCode !== null && !r.spawnError) return r.exitCode
  const how = r.spawnError ?? (r.signal ? `was killed (${r.signal})` : `exited with code ${r.exitCode}`)
  throw new Error(
    `\`cargo ${full.join(' ')}\` ${how}: ${stderr.slice(-5).join('\n').trim() || '(no output)'}`
  )
}
