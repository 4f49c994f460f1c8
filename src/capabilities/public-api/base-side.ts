// The base side: a throw-away git worktree of the base commit (its own Cargo.lock, the head's target
// directory), its library members as cargo metadata lists them, and their documents. The worktree
// is made while the head is being documented, and removed whatever happens.
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import type { MetadataPackage } from '../../cargo/metadata.js'
import type { Exec } from './exec.js'
import { manifestFeatures, type ManifestFeatures } from './features.js'
import { addWorktree, BaseUnavailable, removeWorktree } from './git.js'
import { documentCrates, type DocCommon, type Written } from './rustdoc-run.js'

const LIB_KINDS = ['lib', 'rlib', 'dylib', 'proc-macro']

export interface BaseMember {
  version: string
  libName: string
  features: ManifestFeatures
}

export interface BaseCheckout {
  /** The base's workspace root inside the worktree. */
  ws: string
  /** Library members of the base workspace by name; empty when the base has no workspace there. */
  members: Map<string, BaseMember>
}

/** Checks the base out and reads its members; the worktree is removed if reading them fails. */
export async function checkOutBase(
  run: Exec,
  at: { repo: string; wsRel: string; sha: string; changed: Set<string>; toolchain: string | null }
): Promise<BaseCheckout & { dir: string }> {
  const dir = await addWorktree(run, at.repo, at.sha, at.changed)
  try {
    const ws = path.join(dir, at.wsRel)
    const members = existsSync(path.join(ws, 'Cargo.toml'))
      ? await baseMembers(run, ws, at.toolchain)
      : new Map()
    return { dir, ws, members }
  } catch (e) {
    await removeWorktree(run, at.repo, dir)
    throw e
  }
}

export { removeWorktree }

/** Documents the named members of the base checkout (each by its base version). */
export function documentBase(
  run: Exec,
  base: BaseCheckout,
  names: string[],
  common: DocCommon,
  held: string
): Promise<Map<string, Written>> {
  return documentCrates(
    run,
    {
      ...common,
      cwd: base.ws,
      crates: names.map(name => ({
        name,
        version: base.members.get(name)!.version,
        libName: base.members.get(name)!.libName
      }))
    },
    held
  )
}

/** Library members of the base workspace, with their versions and cargo features. */
async function baseMembers(
  run: Exec,
  ws: string,
  toolchain: string | null
): Promise<Map<string, BaseMember>> {
  const r = await run(
    'cargo',
    [...(toolchain ? [`+${toolchain}`] : []), 'metadata', '--format-version', '1', '--no-deps'],
    { cwd: ws, timeoutMs: 120_000 }
  )
  if (r.error || r.code !== 0)
    throw new BaseUnavailable(
      `cargo metadata failed in the base revision: ${r.error ?? r.stderr.trim().split('\n').pop()}`
    )
  const meta = JSON.parse(r.stdout) as {
    packages: MetadataPackage[]
    workspace_members: string[]
    workspace_root: string
  }
  const ids = new Set(meta.workspace_members)
  const out = new Map<string, BaseMember>()
  for (const p of meta.packages) {
    const lib = p.targets.find(t => t.kind.some(k => LIB_KINDS.includes(k)))
    if (!ids.has(p.id) || !lib) continue
    const file = path.relative(meta.workspace_root, p.manifest_path).split(path.sep).join('/')
    out.set(p.name, {
      version: p.version,
      libName: lib.name.replace(/-/g, '_'),
      features: manifestFeatures(file, p.features ?? {}, readText(p.manifest_path))
    })
  }
  return out
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}
