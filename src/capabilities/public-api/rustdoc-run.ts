// Runs rustdoc's JSON backend over some crates of one workspace (the head's, or the base worktree's).
// One cargo invocation documents them all, in parallel; each document is then moved aside, so the
// other side's run (same target directory, same file names) can start while this side is read.
// Both sides build in a target directory of their own inside the gate's (see docTargetDir).
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import * as semver from 'semver'
import type { Exec } from './exec.js'
import { readRustdoc, RustdocFormatError, type RustdocCrate } from './rustdoc.js'

const DOC_TIMEOUT_MS = 30 * 60_000

/**
 * After the user's RUSTDOCFLAGS. Hidden and private items are documented: `#[doc(hidden)]` items are
 * judged by convention, and a `#[no_mangle]` function in a private module is ABI that only a private
 * document shows (the surface is still what public paths reach). A crate's own lint levels
 * (`#![deny(warnings)]` meeting a rustdoc lint on a private item) never stop its document.
 */
export const DOC_FLAGS =
  '-Z unstable-options --output-format json --document-hidden-items --document-private-items --cap-lints allow'

export interface DocTarget {
  name: string
  /** The package's version: `name@version` names it even when another package of the graph shares the name. */
  version: string
  libName: string
}

export interface DocRequest {
  cwd: string
  /** The gate's target directory; the documents are built in docTargetDir(targetDir). */
  targetDir: string
  toolchain: string | null
  features: string[]
  /** Whether cargo may judge freshness by content in the documents' own target directory (see checksumFreshness). */
  byContent?: boolean
  crates: DocTarget[]
  /** Where the document is from, for messages: "head" or "base abc123". */
  side: string
}

/** What both sides' documentation runs share: all of a request but the crates and where they are. */
export type DocCommon = Required<Omit<DocRequest, 'cwd' | 'crates'>>

/** A document rustdoc wrote, moved aside (read it with readDocument), or why there is none. */
export type Written = { file: string; what: string } | { error: string }

export type DocResult = { doc: RustdocCrate } | { error: string }

export function docCommand(req: Omit<DocRequest, 'cwd' | 'side' | 'targetDir'>): string[] {
  return [
    ...(req.toolchain ? [`+${req.toolchain}`] : []),
    ...(req.byContent ? ['-Zchecksum-freshness'] : []),
    'doc',
    '--no-deps',
    '--lib',
    '--keep-going',
    // cargo's package spec: a crate that depends on another version of itself (the "semver trick")
    // shares its name with that dependency, and `-p name` alone is ambiguous then.
    ...req.crates.flatMap(c => ['-p', `${c.name}@${c.version}`]),
    ...req.features
  ]
}

/** Documents the crates; every document is moved into `held` (a directory the caller removes). */
export async function documentCrates(
  run: Exec,
  req: DocRequest,
  held: string
): Promise<Map<string, Written>> {
  const out = new Map<string, Written>()
  if (req.crates.length === 0) return out
  const target = docTargetDir(req.targetDir)
  const file = (c: DocTarget) => path.join(target, 'doc', `${c.libName}.json`)
  // A document left by an earlier run must never be read as this run's.
  for (const c of req.crates) rmSync(file(c), { force: true })
  const flags = [process.env.RUSTDOCFLAGS ?? '', DOC_FLAGS].join(' ').trim()
  const doc = (byContent: boolean) =>
    run('cargo', docCommand({ ...req, byContent }), {
      cwd: req.cwd,
      timeoutMs: DOC_TIMEOUT_MS,
      env: {
        RUSTC_BOOTSTRAP: '1',
        RUSTDOCFLAGS: flags,
        CARGO_TARGET_DIR: target,
        CARGO_TERM_COLOR: 'never'
      }
    })
  let r = await doc(!!req.byContent)
  // A cargo that no longer takes the unstable flag (stabilized or removed) is asked again without it.
  if (req.byContent && r.code !== 0 && !r.error && /checksum-freshness/.test(r.stderr)) r = await doc(false)
  const failure = r.error ?? (r.code === 0 ? null : cargoError(r.stderr))
  for (const c of req.crates) {
    const aside = path.join(held, `${c.libName}.json`)
    try {
      renameSync(file(c), aside)
      out.set(c.name, { file: aside, what: `${c.name} (${req.side})` })
    } catch {
      out.set(c.name, {
        error: `rustdoc wrote no JSON for ${c.name} (${req.side})${failure ? `: ${failure}` : ''}`
      })
    }
  }
  return out
}

/**
 * Where rustdoc runs build, apart from the gate's own units. rustdoc's JSON needs RUSTC_BOOTSTRAP=1,
 * and build scripts that probe for unstable features (anyhow's, proc-macro2's…) declare
 * `rerun-if-env-changed=RUSTC_BOOTSTRAP`: in the gate's target directory a documentation run would
 * rerun them, and the gate's next build would rebuild them and everything that depends on them.
 * `cargo doc` builds dependencies in check mode, which compile-once's build never shares; so apart,
 * it costs build scripts and proc-macros once per target directory (and, after a `cargo check`
 * build, the dependencies' check once more).
 */
export function docTargetDir(targetDir: string): string {
  return path.join(targetDir, 'build-gate', 'public-api', 'target')
}

/**
 * A fresh checkout gives every source a new modification time, so by mtime cargo would type-check
 * every dependency of a documented crate again on each run. In the documents' own target directory
 * (never the gate's: its fingerprints stay cargo's default) cargo may compare file contents instead;
 * RUSTC_BOOTSTRAP=1, which rustdoc's JSON needs anyway, lets it take the flag. Toolchains before
 * 1.83 do not know it, and an unknown toolchain is not asked.
 */
export function checksumFreshness(rustcRelease: string | null | undefined): boolean {
  const v = rustcRelease ? semver.coerce(rustcRelease) : null
  return v !== null && semver.gte(v, '1.83.0')
}

/** A directory in the target directory for documents moved aside (renamed, never copied). */
export function holdingDir(targetDir: string): string {
  const parent = path.join(targetDir, 'build-gate', 'public-api')
  mkdirSync(parent, { recursive: true })
  return mkdtempSync(path.join(parent, 'doc-'))
}

/** Reads and checks one document moved aside, then removes it. */
export function readDocument(w: Written): DocResult {
  if ('error' in w) return w
  try {
    let text: string
    try {
      text = readFileSync(w.file, 'utf8')
    } catch (e) {
      return { error: `${w.what}: rustdoc's JSON could not be read (${(e as Error).message})` }
    }
    return { doc: readRustdoc(text, w.what) }
  } catch (e) {
    if (!(e instanceof RustdocFormatError)) throw e
    return { error: e.message }
  } finally {
    rmSync(w.file, { force: true })
  }
}

/** cargo's own error lines, briefly: what a user needs to see why documenting failed. */
function cargoError(stderr: string): string {
  const lines = stderr.split('\n').filter(l => /^error/.test(l))
  return (lines.length > 0 ? lines.slice(0, 3) : stderr.trim().split('\n').slice(-3)).join(' ').slice(0, 500)
}
