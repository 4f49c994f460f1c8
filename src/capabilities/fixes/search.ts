// The fix search: each candidate is resolved by cargo in the scratch copy, then verified on top of the
// fixes verified before it; a fix that fails verification is rolled back. What is left in the scratch
// copy is exactly the set of verified changes (see changedFiles).
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { ProcessRunner } from '../../cargo/phase.js'
import { workspaceMembers } from '../../cargo/metadata.js'
import { diffLocks } from './lockfile.js'
import { planCandidates, type Candidate } from './plan.js'
import type { Proposal, SearchInputs } from './proposal.js'
import { proposeHolder, proposeManifest } from './propose-duplicate.js'
import { proposeMsrv } from './propose-msrv.js'
import { proposePatch } from './propose-patch.js'
import type { Fix, FixBlocker } from './section.js'
import { conflictKeys, verifyState, type VerifyContext } from './verify.js'

export type { SearchInputs } from './proposal.js'

export async function searchFixes(
  inputs: SearchInputs,
  run: ProcessRunner
): Promise<{ fixes: Fix[]; blockers: FixBlocker[] }> {
  const ctx: VerifyContext = { ...inputs, run }
  const fixes: Fix[] = []
  const blockers: FixBlocker[] = []
  let keys = conflictKeys(inputs.conflicts, inputs.conflictOptions)
  const lockPath = path.join(inputs.root, 'Cargo.lock')
  const members = new Set(workspaceMembers(inputs.metadata).map(p => p.name))
  for (const candidate of planCandidates(inputs.targets, inputs.conflictOptions, members)) {
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

function propose(
  c: Candidate,
  inputs: SearchInputs,
  run: ProcessRunner,
  lockBefore: string
): Promise<Proposal | FixBlocker> | Proposal | FixBlocker {
  if (c.kind === 'manifest') return proposeManifest(c, inputs)
  if (c.kind === 'holder') return proposeHolder(c, inputs, run, lockBefore)
  if (c.kind === 'patch') return proposePatch(c, inputs)
  return proposeMsrv(c, inputs, run, lockBefore)
}
