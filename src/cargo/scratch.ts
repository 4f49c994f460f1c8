// A scratch copy of the workspace in a temp directory, where fixes are resolved, applied and built;
// the user's tree is only read. Directories the workspace reaches by relative path (a vendored directory
// registry, path dependencies outside the root) are linked at the same relative place, so
// `.cargo/config.toml` and the manifests work unchanged.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'smol-toml'

export interface Scratch {
  /** The workspace root inside the scratch directory. */
  root: string
  /** Shared by every build of this run, so dependencies are compiled once. */
  targetDir: string
  dispose(): void
}

const SKIP = new Set(['target', '.git', 'node_modules'])

/** `outside`: absolute directories outside `root` the workspace needs (see externalDirs). */
export function createScratch(root: string, outside: string[]): Scratch {
  const base = mkdtempSync(path.join(tmpdir(), 'build-gate-scratch-'))
  const anchor = commonAncestor([root, ...outside])
  const mirror = path.join(base, 'ws')
  const scratchRoot = path.join(mirror, path.relative(anchor, root))
  try {
    cpSync(root, scratchRoot, {
      recursive: true,
      filter: src =>
        !(path.dirname(src) === root && SKIP.has(path.basename(src))) && path.basename(src) !== '.git'
    })
    for (const dir of outside) {
      const at = path.join(mirror, path.relative(anchor, dir))
      if (existsSync(at)) continue
      mkdirSync(path.dirname(at), { recursive: true })
      symlinkSync(dir, at, 'dir')
    }
  } catch (e) {
    rmSync(base, { recursive: true, force: true })
    throw e
  }
  const targetDir = path.join(base, 'target')
  return { root: scratchRoot, targetDir, dispose: () => rmSync(base, { recursive: true, force: true }) }
}

/**
 * Directories outside the root that the workspace reads by path: `directory` / `local-registry`
 * sources of the root's `.cargo/config.toml`, and the package directories of path dependencies.
 */
export function externalDirs(root: string, pathPackageManifests: string[]): string[] {
  const dirs = new Set<string>()
  const config = ['config.toml', 'config'].map(f => path.join(root, '.cargo', f)).find(f => existsSync(f))
  if (config) {
    const doc = parse(readFileSync(config, 'utf8')) as { source?: Record<string, Record<string, unknown>> }
    for (const source of Object.values(doc.source ?? {}))
      for (const key of ['directory', 'local-registry'])
        if (typeof source[key] === 'string') dirs.add(path.resolve(root, source[key]))
  }
  for (const manifest of pathPackageManifests) dirs.add(path.dirname(manifest))
  return [...dirs].filter(d => !isInside(d, root)).sort()
}

function isInside(dir: string, root: string): boolean {
  const rel = path.relative(root, dir)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

function commonAncestor(dirs: string[]): string {
  let anchor = dirs[0]
  while (!dirs.every(d => isInside(d, anchor))) anchor = path.dirname(anchor)
  return anchor
}

/** A file a fix changed in the scratch copy, relative to the workspace root, with both contents. */
export interface ChangedFile {
  path: string
  before: string
  after: string
}

/**
 * Of the files named (relative to the root), those the scratch copy holds changed. A path that leaves
 * the workspace is never offered; a file missing on either side is not a change.
 */
export function changedFiles(userRoot: string, scratchRoot: string, rels: string[]): ChangedFile[] {
  const out: ChangedFile[] = []
  for (const rel of [...new Set(rels)]) {
    const normal = path.normalize(rel)
    if (!rel || path.isAbsolute(normal) || normal.startsWith('..')) continue
    const before = readOrNull(path.join(userRoot, normal))
    const after = readOrNull(path.join(scratchRoot, normal))
    if (before !== null && after !== null && before !== after)
      out.push({ path: normal.split(path.sep).join('/'), before, after })
  }
  return out
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}
