// Runs rustdoc's JSON backend over some crates of one workspace (the head's, or the base worktree's)
// and reads each crate's document. One cargo invocation documents them all, in parallel.
import { readFileSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import type { Exec } from './exec.js'
import { readRustdoc, RustdocFormatError, type RustdocCrate } from './rustdoc.js'

const DOC_TIMEOUT_MS = 30 * 60_000

export interface DocTarget {
  name: string
  libName: string
}

export interface DocRequest {
  cwd: string
  targetDir: string
  toolchain: string | null
  features: string[]
  crates: DocTarget[]
  /** Where the document is from, for messages: "head" or "base abc123". */
  side: string
}

export type DocResult = { doc: RustdocCrate } | { error: string }

export function docCommand(req: Omit<DocRequest, 'cwd' | 'side' | 'targetDir'>): string[] {
  return [
    ...(req.toolchain ? [`+${req.toolchain}`] : []),
    'doc',
    '--no-deps',
    '--lib',
    '--keep-going',
    ...req.crates.flatMap(c => ['-p', c.name]),
    ...req.features
  ]
}

export async function documentCrates(run: Exec, req: DocRequest): Promise<Map<string, DocResult>> {
  const out = new Map<string, DocResult>()
  if (req.crates.length === 0) return out
  const file = (c: DocTarget) => path.join(req.targetDir, 'doc', `${c.libName}.json`)
  // A document left by an earlier run must never be read as this run's.
  for (const c of req.crates) rmSync(file(c), { force: true })
  const flags = [
    process.env.RUSTDOCFLAGS ?? '',
    '-Z unstable-options --output-format json --document-hidden-items'
  ]
    .join(' ')
    .trim()
  const r = await run('cargo', docCommand(req), {
    cwd: req.cwd,
    timeoutMs: DOC_TIMEOUT_MS,
    env: {
      RUSTC_BOOTSTRAP: '1',
      RUSTDOCFLAGS: flags,
      CARGO_TARGET_DIR: req.targetDir,
      CARGO_TERM_COLOR: 'never'
    }
  })
  const failure = r.error ?? (r.code === 0 ? null : cargoError(r.stderr))
  for (const c of req.crates) {
    let text: string
    try {
      text = readFileSync(file(c), 'utf8')
    } catch {
      out.set(c.name, {
        error: `rustdoc wrote no JSON for ${c.name} (${req.side})${failure ? `: ${failure}` : ''}`
      })
      continue
    }
    try {
      out.set(c.name, { doc: readRustdoc(text, `${c.name} (${req.side})`) })
    } catch (e) {
      if (!(e instanceof RustdocFormatError)) throw e
      out.set(c.name, { error: e.message })
    }
  }
  return out
}

/** cargo's own error lines, briefly: what a user needs to see why documenting failed. */
function cargoError(stderr: string): string {
  const lines = stderr.split('\n').filter(l => /^error/.test(l))
  return (lines.length > 0 ? lines.slice(0, 3) : stderr.trim().split('\n').slice(-3)).join(' ').slice(0, 500)
}
