// Which crates to document: the adapters that feed touched.ts. cargo metadata (all features, every
// platform) gives the graph, the target directory cargo's dep-info, git the base's lock file and
// workspace manifest. Whatever cannot be read makes every crate touched, never fewer.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { readBuildInputs, type PathPackage } from './dep-info.js'
import type { Exec } from './exec.js'
import { fileAt } from './git.js'
import { changedLockedPackages, workspaceManifestChange } from './shared-inputs.js'
import { graphOf, touchedCrates, type GraphPackage } from './touched.js'

const LIB_KINDS = new Set(['lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro'])

export interface ScopeRequest {
  repo: string
  workspaceRoot: string
  /** The workspace root relative to the repository (posix; '' at its root). */
  wsRel: string
  /** The base commit, and the files that differ from it (repository-relative, posix). */
  sha: string
  changed: Set<string>
  targetDir: string
  toolchain: string | null
  /** Crates to decide for: name → package id. */
  crates: Map<string, string>
}

interface FullMetadata {
  workspace_root: string
  packages: (Parameters<typeof graphOf>[0]['packages'][number] & {
    targets: { name: string; kind: string[]; src_path: string }[]
  })[]
  resolve: Parameters<typeof graphOf>[0]['resolve']
}

export async function touchedByChange(run: Exec, req: ScopeRequest): Promise<Set<string>> {
  if (req.changed.size === 0) return new Set()
  const ws = req.wsRel
  const at = (file: string) => (ws ? `${ws}/${file}` : file)
  const [scope, lock, manifest] = await Promise.all([
    resolvedGraph(run, req),
    req.changed.has(at('Cargo.lock'))
      ? Promise.all([fileAt(run, req.repo, req.sha, at('Cargo.lock')), headText(req, 'Cargo.lock')]).then(
          ([b, h]) => changedLockedPackages(b, h)
        )
      : null,
    req.changed.has(at('Cargo.toml'))
      ? Promise.all([fileAt(run, req.repo, req.sha, at('Cargo.toml')), headText(req, 'Cargo.toml')]).then(
          ([b, h]) => workspaceManifestChange(b, h)
        )
      : null
  ])
  return touchedCrates(req.crates, scope?.graph ?? null, {
    files: req.changed,
    repoRoot: scope?.repoRoot ?? req.repo,
    workspace: ws,
    lock,
    manifest
  })
}

function headText(req: ScopeRequest, file: string): Promise<string | null> {
  try {
    return Promise.resolve(readFileSync(path.join(req.workspaceRoot, file), 'utf8'))
  } catch {
    return Promise.resolve(null)
  }
}

/**
 * The workspace's graph with what each path package's build read, and the repository's root as
 * cargo writes paths (a symlinked checkout has two spellings); null when cargo cannot say.
 */
async function resolvedGraph(
  run: Exec,
  req: ScopeRequest
): Promise<{ graph: GraphPackage[] | null; repoRoot: string } | null> {
  const r = await run(
    'cargo',
    [
      ...(req.toolchain ? [`+${req.toolchain}`] : []),
      'metadata',
      '--format-version',
      '1',
      '--all-features',
      // Never rewrite the lock file: a stale one leaves the graph unknown instead.
      '--locked'
    ],
    { cwd: req.workspaceRoot, timeoutMs: 300_000 }
  )
  if (r.error || r.code !== 0) return null
  let meta: FullMetadata
  try {
    meta = JSON.parse(r.stdout) as FullMetadata
  } catch {
    return null
  }
  const paths: PathPackage[] = []
  for (const p of meta.packages) {
    const lib = p.targets.find(t => t.kind.some(k => LIB_KINDS.has(k)))
    if (p.source !== null || !lib) continue
    const build = p.targets.find(t => t.kind.includes('custom-build'))
    paths.push({
      id: p.id,
      name: p.name,
      libName: lib.name.replace(/-/g, '_'),
      libSrc: lib.src_path,
      buildSrc: build?.src_path ?? null
    })
  }
  const up = req.wsRel ? req.wsRel.split('/').map(() => '..') : []
  const repoRoot = path.resolve(meta.workspace_root, ...up)
  return {
    graph: graphOf(meta, repoRoot, readBuildInputs(req.targetDir, meta.workspace_root, paths)),
    repoRoot
  }
}
