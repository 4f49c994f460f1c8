// What each path package's library is built from, in cargo's own words: the dep-info rustc writes
// beside every compiled unit (`<target>/<profile>/deps/<crate>-<hash>.d`: every source file read,
// `include!`d and `#[path]` modules too) and the `rerun-if-changed` lines of its build script's
// output. Only dep-info as new as every file it lists counts (cargo's own freshness rule), so a file
// left by an older build of other sources is never read as this one's. Unknown: null.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import * as path from 'node:path'

export interface BuildInputs {
  /** Absolute paths of the files the library's compilation read. */
  files: Set<string>
  /**
   * Absolute paths (files or directories) the build script declared with `rerun-if-changed`;
   * 'package' when it declared none (cargo then reruns it on any change in the package).
   */
  build: Set<string> | 'package' | null
}

export interface PathPackage {
  id: string
  name: string
  /** The library target's crate name (`-` as `_`), and its root source file (absolute). */
  libName: string
  libSrc: string
  /** The build script's source (absolute), when the package has one. */
  buildSrc: string | null
}

const UNIT_HASH = /^(.+)-[0-9a-f]{16}\.d$/

/**
 * `root`: the directory cargo ran rustc in (the workspace root), which relative paths in dep-info
 * are relative to. Packages whose inputs cannot be told are absent from the result.
 */
export function readBuildInputs(
  targetDir: string,
  root: string,
  packages: PathPackage[]
): Map<string, BuildInputs> {
  const units = depInfoFiles(targetDir)
  const scripts = buildOutputs(targetDir)
  const out = new Map<string, BuildInputs>()
  for (const p of packages) {
    const files = new Set<string>()
    let found = false
    for (const file of units.get(p.libName) ?? []) {
      const listed = currentDepInfo(file, root)
      if (!listed || !listed.includes(p.libSrc)) continue
      found = true
      listed.forEach(f => files.add(f))
    }
    if (!found) continue
    let build: BuildInputs['build'] = null
    if (p.buildSrc) {
      build = buildScriptInputs(scripts.get(p.name) ?? [], path.dirname(p.buildSrc))
      if (!build) continue
    }
    out.set(p.id, { files, build })
  }
  return out
}

/** Crate name → its dep-info files, in every profile and target directory under the target dir. */
function depInfoFiles(targetDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const dir of unitDirs(targetDir, 'deps'))
    for (const entry of list(dir)) {
      const m = UNIT_HASH.exec(entry)
      if (m) out.set(m[1], [...(out.get(m[1]) ?? []), path.join(dir, entry)])
    }
  return out
}

/** `<target>/<profile>/<name>` and `<target>/<triple>/<profile>/<name>`. */
function unitDirs(targetDir: string, name: string): string[] {
  const out: string[] = []
  for (const a of list(targetDir)) {
    const first = path.join(targetDir, a)
    if (isDir(path.join(first, name))) out.push(path.join(first, name))
    for (const b of list(first)) if (isDir(path.join(first, b, name))) out.push(path.join(first, b, name))
  }
  return out
}

/** The files a dep-info lists, or null when it is older than one of them (or one is gone). */
function currentDepInfo(file: string, root: string): string[] | null {
  let text: string
  let written: number
  try {
    text = readFileSync(file, 'utf8')
    written = statSync(file).mtimeMs
  } catch {
    return null
  }
  const listed = parseDepInfo(text).map(f => path.resolve(root, f))
  for (const f of listed) {
    try {
      if (statSync(f).mtimeMs > written) return null
    } catch {
      return null
    }
  }
  return listed
}

/**
 * rustc's dep-info (make syntax): after the rules of the outputs, every input stands alone as
 * `path:`, a space in a path written `\ `. Comment lines (`# env-dep:`) are not files.
 */
export function parseDepInfo(text: string): string[] {
  const out: string[] = []
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || !line.endsWith(':')) continue
    const file = line.slice(0, -1)
    // A rule (`out: in in`) has an unescaped space after its colon; an input line has none.
    if (file && !/(^|[^\\]) /.test(file)) out.push(file.replace(/\\ /g, ' '))
  }
  return out
}

/** Package name → the `output` files of its build script runs (`<target>/<profile>/build/<name>-<hash>/output`). */
function buildOutputs(targetDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const dir of unitDirs(targetDir, 'build'))
    for (const entry of list(dir)) {
      const m = /^(.+)-[0-9a-f]{16}$/.exec(entry)
      const file = path.join(dir, entry, 'output')
      if (m && isFile(file)) out.set(m[1], [...(out.get(m[1]) ?? []), file])
    }
  return out
}

/**
 * What the build script's runs declared. Every run of a package of this name counts (two versions
 * of one package share the name): more inputs only cost a documentation, never hide a change.
 */
function buildScriptInputs(outputs: string[], packageDir: string): BuildInputs['build'] {
  if (outputs.length === 0) return null
  const declared = new Set<string>()
  for (const file of outputs) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return null
    }
    const paths = [...text.matchAll(/^cargo::?rerun-if-changed=(.*)$/gm)].map(m => m[1])
    if (paths.length === 0) return 'package'
    paths.forEach(p => declared.add(path.resolve(packageDir, p)))
  }
  return declared
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}
