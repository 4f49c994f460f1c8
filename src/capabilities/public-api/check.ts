// The API check: for each library crate the change touched (see scope.ts), document the head and
// the base (a git worktree with the base's own Cargo.lock, sharing the head's target directory),
// compare the public surfaces and the cargo features, and say which changes break users. Adapters
// are passed in; every failure is `unknown`.
import { mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import type { MetadataPackage } from '../../cargo/metadata.js'
import { readCached, writeCached, type BaseKey } from './base-cache.js'
import { checkOutBase, documentBase, removeWorktree, type BaseCheckout } from './base-side.js'
import { featureArgs, selectCrates, type ApiCrate } from './crates.js'
import { diffSurfaces, type ApiChange } from './diff.js'
import { exec as realExec, type Exec } from './exec.js'
import { featureChanges, manifestFeatures, type ManifestFeatures } from './features.js'
import { baseRequest, BaseUnavailable, changedFiles, repositoryRoot, resolveBase } from './git.js'
import { checksumFreshness, documentCrates, holdingDir, readDocument, type DocCommon } from './rustdoc-run.js'
import { touchedByChange } from './scope.js'
import {
  bumpAllowsBreaks,
  offSection,
  type ApiPolicy,
  type CrateApi,
  type PublicApiSection
} from './section.js'
import { isDocumented, sideOf, type Documented, type Side } from './sides.js'

export interface PublicApiInputs {
  policy: ApiPolicy
  /** public-api-base: empty for the default (the PR's base, else the head's parent). */
  base: string
  /** public-api-crates: `publish = false` crates to compare anyway. */
  crates: string[]
  workspaceRoot: string
  targetDir: string
  toolchain: string | null
  /** rustc's release, for the base cache's key; null: no cache. */
  rustcRelease?: string | null
  checkArgs: string[]
  /** Every workspace member (cargo metadata), and the names this run gates (a shard), or null for all. */
  members: MetadataPackage[]
  only?: string[] | null
  env: Record<string, string | undefined>
}

export interface PublicApiPorts {
  exec: Exec
  /** The GitHub event payload (GITHUB_EVENT_PATH), {} when there is none. */
  payload: () => Record<string, unknown>
  now: () => number
}

export const realPorts: PublicApiPorts = {
  exec: realExec,
  payload: () => {
    const file = process.env.GITHUB_EVENT_PATH
    if (!file) return {}
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    } catch {
      return {}
    }
  },
  now: () => Date.now()
}

export async function checkPublicApi(
  inputs: PublicApiInputs,
  ports: PublicApiPorts = realPorts
): Promise<PublicApiSection> {
  if (inputs.policy === 'off') return offSection()
  const start = ports.now()
  const selection = selectCrates(inputs.members, inputs.crates)
  const crates = selection.crates.filter(c => !inputs.only || inputs.only.includes(c.name))
  const section: PublicApiSection = {
    ...offSection(inputs.policy),
    status: 'checked',
    skipped: selection.unpublished,
    unknownListed: selection.unknownListed,
    blob: { head: blobUrl(inputs.env, inputs.env.GITHUB_SHA), base: null }
  }
  try {
    const repo = await repositoryRoot(ports.exec, inputs.workspaceRoot)
    const base = await resolveBase(ports.exec, repo, baseRequest(inputs.base, inputs.env, ports.payload()))
    section.base = base
    section.blob.base = blobUrl(inputs.env, base.sha)
    const changed = await changedFiles(ports.exec, repo, base.sha)
    // Both spelled as the file system resolves them: git reports the root through symlinks resolved.
    const wsRel = toPosix(path.relative(realpathSync(repo), realpathSync(inputs.workspaceRoot)))
    const touched = await touchedByChange(ports.exec, {
      repo,
      workspaceRoot: inputs.workspaceRoot,
      wsRel,
      sha: base.sha,
      changed,
      targetDir: inputs.targetDir,
      toolchain: inputs.toolchain,
      crates: new Map(crates.map(c => [c.name, c.id]))
    })
    const sides = await documentBoth(ports.exec, inputs, {
      repo,
      wsRel,
      sha: base.sha,
      changed,
      crates: crates.filter(c => touched.has(c.name))
    })
    section.crates = crates.map(c =>
      judge(c, touched.has(c.name), sides.heads.get(c.name), sides.bases.get(c.name), wsRel)
    )
  } catch (e) {
    // Whatever went wrong, the API was not compared: unknown, with the words of the failure.
    section.status = 'unknown'
    section.reason =
      e instanceof BaseUnavailable ? e.message : `the API check failed: ${(e as Error).message}`
  }
  section.seconds = Math.round(ports.now() - start) / 1000
  return section
}

/**
 * Documents the head, and the base of the crates whose base surface is not cached. Cargo locks the
 * target directory, so the two rustdoc runs follow each other; around them, the base worktree is
 * checked out while the head is documented, and the head's documents are read while the base is.
 */
async function documentBoth(
  run: Exec,
  inputs: PublicApiInputs,
  at: { repo: string; wsRel: string; sha: string; changed: Set<string>; crates: ApiCrate[] }
): Promise<{ heads: Map<string, Side>; bases: Map<string, Side> }> {
  const features = featureArgs(inputs.checkArgs)
  const common = {
    targetDir: inputs.targetDir,
    toolchain: inputs.toolchain,
    features,
    byContent: checksumFreshness(inputs.rustcRelease)
  }
  const keyOf = (name: string): BaseKey | null =>
    inputs.rustcRelease ? { sha: at.sha, crate: name, toolchain: inputs.rustcRelease, features } : null
  const cached = new Map<string, Documented>()
  for (const c of at.crates) {
    const key = keyOf(c.name)
    const hit = key ? readCached(inputs.targetDir, key) : null
    if (hit) cached.set(c.name, hit)
  }
  const heads = new Map<string, Side>()
  const bases = new Map<string, Side>()
  if (at.crates.length === 0) return { heads, bases }
  let checkout: Promise<BaseCheckout & { dir: string }> | null = null
  const checkedOut = () => {
    if (!checkout) {
      checkout = checkOutBase(run, { ...at, toolchain: inputs.toolchain })
      // Awaited later; a failure is handled there, not as an unhandled rejection meanwhile.
      checkout.catch(() => undefined)
    }
    return checkout
  }
  // Each side's documents are moved into a directory of their own: the names are the same.
  const held = holdingDir(inputs.targetDir)
  const [heldHead, heldBase] = [path.join(held, 'head'), path.join(held, 'base')]
  mkdirSync(heldHead)
  mkdirSync(heldBase)
  try {
    if (at.crates.some(c => !cached.has(c.name))) void checkedOut()
    const written = await documentCrates(
      run,
      { ...common, cwd: inputs.workspaceRoot, crates: at.crates, side: 'head' },
      heldHead
    )
    // Only crates whose head was documented are worth a base: the others are unknown already.
    const wanted = at.crates.filter(c => 'file' in written.get(c.name)!)
    const firstBase = documentBaseOf(
      run,
      checkedOut,
      wanted.filter(c => !cached.has(c.name)).map(c => c.name),
      { ...common, side: `base ${at.sha.slice(0, 12)}` },
      heldBase
    )
    firstBase.catch(() => undefined)
    for (const c of at.crates) {
      heads.set(c.name, sideOf(readDocument(written.get(c.name)!), headFeatures(c, inputs.workspaceRoot)))
      await new Promise(resolve => setImmediate(resolve))
    }
    const made = await firstBase
    // A cached surface of another rustdoc format than the head's is documented again.
    const stale = wanted.filter(c => {
      const hit = cached.get(c.name)
      const head = heads.get(c.name)
      return hit && isDocumented(head) && hit.format !== head.format
    })
    const again = await documentBaseOf(
      run,
      checkedOut,
      stale.map(c => c.name),
      { ...common, side: `base ${at.sha.slice(0, 12)}` },
      heldBase
    )
    for (const c of wanted) {
      if (!isDocumented(heads.get(c.name))) continue
      const side = again.get(c.name) ?? made.get(c.name) ?? cached.get(c.name)
      if (side === undefined) continue
      bases.set(c.name, side)
      const key = keyOf(c.name)
      if (key && isDocumented(side) && side !== cached.get(c.name)) writeCached(inputs.targetDir, key, side)
    }
    return { heads, bases }
  } finally {
    rmSync(held, { recursive: true, force: true })
    const done = checkout ? await (checkout as Promise<{ dir: string }>).catch(() => null) : null
    if (done) await removeWorktree(run, at.repo, done.dir)
  }
}

/** The base sides of `names`: absent when the base has no such library, else its document. */
async function documentBaseOf(
  run: Exec,
  checkedOut: () => Promise<BaseCheckout>,
  names: string[],
  common: DocCommon,
  held: string
): Promise<Map<string, Side>> {
  const out = new Map<string, Side>()
  if (names.length === 0) return out
  const base = await checkedOut()
  const present = names.filter(n => base.members.has(n))
  for (const n of names) if (!present.includes(n)) out.set(n, 'absent')
  const written = await documentBase(run, base, present, common, held)
  for (const n of present) out.set(n, sideOf(readDocument(written.get(n)!), base.members.get(n)!.features))
  return out
}

function headFeatures(c: ApiCrate, workspaceRoot: string): ManifestFeatures {
  return manifestFeatures(toPosix(path.relative(workspaceRoot, c.manifestPath)), c.features, null)
}

function judge(
  c: ApiCrate,
  touched: boolean,
  head: Side | undefined,
  base: Side | undefined,
  wsRel: string
): CrateApi {
  const result: CrateApi = {
    name: c.name,
    status: 'unchanged',
    reason: null,
    baseVersion: null,
    headVersion: c.version,
    bumpAllowsBreaks: false,
    formatVersion: null,
    changes: []
  }
  if (!touched) return { ...result, reason: 'nothing it is built from changed since the base' }
  if (!head || head === 'absent' || 'error' in head)
    return { ...result, status: 'unknown', reason: head && head !== 'absent' ? head.error : 'not documented' }
  if (base === 'absent')
    return {
      ...result,
      status: 'new',
      reason: 'the base has no such library crate',
      formatVersion: head.format
    }
  if (!base || 'error' in base)
    return { ...result, status: 'unknown', reason: base ? base.error : 'base not documented' }
  const features = base.features && head.features ? featureChanges(c.name, base.features, head.features) : []
  const file = (f: string | null) =>
    f && !path.isAbsolute(f) ? path.posix.join(wsRel.split(path.sep).join('/'), f) : f
  const rel = (x: ApiChange): ApiChange => ({
    ...x,
    file: file(x.file),
    base: x.base && { ...x.base, file: file(x.base.file) },
    head: x.head && { ...x.head, file: file(x.head.file) }
  })
  return {
    ...result,
    status: 'compared',
    baseVersion: base.version,
    bumpAllowsBreaks: bumpAllowsBreaks(base.version, c.version),
    formatVersion: head.format,
    changes: [...features, ...diffSurfaces(base.surface, head.surface, head.withHidden, base.withHidden)].map(
      rel
    )
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

function blobUrl(env: Record<string, string | undefined>, sha: string | undefined | null): string | null {
  if (!sha || !env.GITHUB_REPOSITORY) return null
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/blob/${sha}`
}
