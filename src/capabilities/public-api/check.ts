// The API check: for each library crate the change touched, document the head and the base (a git
// worktree with the base's own Cargo.lock, sharing the head's target directory), compare the public
// surfaces, and say which changes break users. Adapters are passed in; every failure is `unknown`.
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import type { MetadataPackage } from '../../cargo/metadata.js'
import { featureArgs, selectCrates, touchedCrates, type ApiCrate } from './crates.js'
import { readCached, writeCached, type BaseKey } from './base-cache.js'
import { diffSurfaces, type ApiChange } from './diff.js'
import { exec as realExec, type Exec } from './exec.js'
import {
  addWorktree,
  baseRequest,
  BaseUnavailable,
  changedFiles,
  removeWorktree,
  repositoryRoot,
  resolveBase
} from './git.js'
import { documentCrates, type DocResult } from './rustdoc-run.js'
import {
  bumpAllowsBreaks,
  offSection,
  type ApiPolicy,
  type CrateApi,
  type PublicApiSection
} from './section.js'
import { publicSurface, type Surface } from './surface.js'

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
    const touched = touchedCrates(
      crates,
      inputs.members.map(m => m.manifest_path),
      changed,
      repo,
      inputs.workspaceRoot
    )
    const wsRel = path.relative(repo, inputs.workspaceRoot)
    const common = {
      targetDir: inputs.targetDir,
      toolchain: inputs.toolchain,
      features: featureArgs(inputs.checkArgs)
    }
    const heads = await documentCrates(ports.exec, {
      ...common,
      cwd: inputs.workspaceRoot,
      crates: crates.filter(c => touched.has(c.name)),
      side: 'head'
    })
    // Surfaces now: the base run reuses the same target directory and overwrites the documents.
    const headSurfaces = surfaces(heads)
    // Only crates whose head was documented are worth a base: the others are unknown already.
    const wanted = crates.filter(c => {
      const h = headSurfaces.get(c.name)
      return h !== undefined && h !== 'absent' && !('error' in h)
    })
    const baseSurfaces = new Map<string, Side>()
    const keyOf = (c: ApiCrate): BaseKey | null => {
      const h = headSurfaces.get(c.name)
      if (!inputs.rustcRelease || !h || h === 'absent' || 'error' in h) return null
      const features = common.features
      return {
        sha: base.sha,
        crate: c.name,
        toolchain: inputs.rustcRelease,
        formatVersion: h.format,
        features
      }
    }
    const misses = wanted.filter(c => {
      const key = keyOf(c)
      const hit = key ? readCached(inputs.targetDir, key) : null
      if (hit) baseSurfaces.set(c.name, hit)
      return !hit
    })
    if (misses.length > 0) {
      const made = await documentBase(
        ports.exec,
        { repo, wsRel, sha: base.sha, changed, wanted: misses },
        common
      )
      for (const c of misses) {
        const side = made.get(c.name)
        if (side === undefined) continue
        baseSurfaces.set(c.name, side)
        const key = keyOf(c)
        if (key && side !== 'absent' && !('error' in side)) writeCached(inputs.targetDir, key, side)
      }
    }
    section.crates = crates.map(c =>
      judge(c, touched.has(c.name), headSurfaces.get(c.name), baseSurfaces.get(c.name), wsRel)
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

type Side =
  | { surface: Surface; withHidden: Surface; format: number; version: string | null }
  | { error: string }
  | 'absent'

function surfaces(docs: Map<string, DocResult>): Map<string, Side> {
  const out = new Map<string, Side>()
  for (const [name, r] of docs)
    out.set(
      name,
      'doc' in r
        ? {
            surface: publicSurface(r.doc),
            withHidden: publicSurface(r.doc, true),
            format: r.doc.format_version,
            version: r.doc.crate_version
          }
        : r
    )
  return out
}

type DocCommon = { targetDir: string; toolchain: string | null; features: string[] }

/** The base of the `wanted` crates, documented in a worktree that is removed afterwards, whatever happens. */
async function documentBase(
  run: Exec,
  at: { repo: string; wsRel: string; sha: string; changed: Set<string>; wanted: ApiCrate[] },
  common: DocCommon
): Promise<Map<string, Side>> {
  const { repo, wsRel, sha, changed, wanted } = at
  const dir = await addWorktree(run, repo, sha, changed)
  try {
    const ws = path.join(dir, wsRel)
    const out = new Map<string, Side>()
    const present = existsSync(path.join(ws, 'Cargo.toml'))
      ? await baseMembers(run, ws, common.toolchain)
      : new Map()
    for (const c of wanted) if (!present.has(c.name)) out.set(c.name, 'absent')
    const docs = await documentCrates(run, {
      ...common,
      cwd: ws,
      crates: wanted
        .filter(c => present.has(c.name))
        .map(c => ({ name: c.name, libName: present.get(c.name)! })),
      side: `base ${sha.slice(0, 12)}`
    })
    for (const [name, side] of surfaces(docs)) out.set(name, side)
    return out
  } finally {
    await removeWorktree(run, repo, dir)
  }
}

/** Library members of the base workspace: name → lib crate name. */
async function baseMembers(run: Exec, ws: string, toolchain: string | null): Promise<Map<string, string>> {
  const r = await run(
    'cargo',
    [...(toolchain ? [`+${toolchain}`] : []), 'metadata', '--format-version', '1', '--no-deps'],
    { cwd: ws, timeoutMs: 120_000 }
  )
  if (r.error || r.code !== 0)
    throw new BaseUnavailable(
      `cargo metadata failed in the base revision: ${r.error ?? r.stderr.trim().split('\n').pop()}`
    )
  const meta = JSON.parse(r.stdout) as { packages: MetadataPackage[]; workspace_members: string[] }
  const ids = new Set(meta.workspace_members)
  const out = new Map<string, string>()
  for (const p of meta.packages) {
    const lib = p.targets.find(t => t.kind.some(k => ['lib', 'rlib', 'dylib', 'proc-macro'].includes(k)))
    if (ids.has(p.id) && lib) out.set(p.name, lib.name.replace(/-/g, '_'))
  }
  return out
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
  if (!touched) return { ...result, reason: 'no file it is built from changed since the base' }
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
    changes: diffSurfaces(base.surface, head.surface, head.withHidden, base.withHidden).map(rel)
  }
}

function blobUrl(env: Record<string, string | undefined>, sha: string | undefined | null): string | null {
  if (!sha || !env.GITHUB_REPOSITORY) return null
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/blob/${sha}`
}
