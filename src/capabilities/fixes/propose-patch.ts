// One version of a crate from two sources (a workspace path crate and its crates.io copy, pulled by a
// dependency): cargo builds them as two crates and no requirement merges them. `[patch.crates-io]` in
// the root manifest makes every dependent take the path crate; the verification says whether it does.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'smol-toml'
import type { Candidate } from './plan.js'
import { blocker, type Proposal, type SearchInputs } from './proposal.js'
import type { FixBlocker } from './section.js'

type Table = Record<string, unknown>

export function proposePatch(
  c: Extract<Candidate, { kind: 'patch' }>,
  inputs: SearchInputs
): Proposal | FixBlocker {
  const file = path.join(inputs.root, 'Cargo.toml')
  const original = readFileSync(file, 'utf8')
  const edit = addPatch(original, c.target.crate, c.dir)
  const entry = patchEntry(c.target.crate, c.dir)
  if (!edit)
    return blocker(
      c.target,
      `the root Cargo.toml already patches ${c.target.crate}, or cannot take a [patch.crates-io] entry safely`,
      `add \`${entry}\` under [patch.crates-io] in the root Cargo.toml by hand`
    )
  writeFileSync(file, edit.text)
  return {
    fix: {
      crate: c.target.crate,
      from: c.target.version,
      to: c.target.version,
      kind: 'patch',
      manifest: 'Cargo.toml',
      command: null,
      diff: { line: edit.line, before: '', after: edit.added },
      target: c.target
    },
    rollback: lock => {
      writeFileSync(file, original)
      writeFileSync(path.join(inputs.root, 'Cargo.lock'), lock)
    }
  }
}

export const patchEntry = (name: string, dir: string): string =>
  `${bareKey(name)} = { path = ${JSON.stringify(dir)} }`

/**
 * The root manifest with `name = { path = dir }` under `[patch.crates-io]` (the table added at the end
 * when there is none), or null when the crate is patched already or the result is not what was meant.
 */
export function addPatch(
  manifest: string,
  name: string,
  dir: string
): { text: string; line: number; added: string } | null {
  const doc = parse(manifest) as Table
  const patches = table(table(doc.patch)?.['crates-io'])
  if (patches && name in patches) return null
  const entry = patchEntry(name, dir)
  const lines = manifest.split('\n')
  const header = lines.findIndex(l => /^\s*\[\s*patch\s*\.\s*(crates-io|"crates-io")\s*\]\s*(#.*)?$/.test(l))
  let text: string
  let line: number
  let added: string
  if (header >= 0) {
    text = [...lines.slice(0, header + 1), entry, ...lines.slice(header + 1)].join('\n')
    line = header + 2
    added = entry
  } else if (patches) {
    return null // declared some other way (`patch.crates-io.x = …`, an inline table): left to a person
  } else {
    const body = manifest.replace(/\n*$/, '')
    added = `[patch.crates-io]\n${entry}`
    text = `${body}\n\n${added}\n`
    line = body.split('\n').length + 2
  }
  const after = table(table((parse(text) as Table).patch)?.['crates-io'])?.[name]
  return JSON.stringify(after) === JSON.stringify({ path: dir }) ? { text, line, added } : null
}

function table(v: unknown): Table | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Table) : undefined
}

function bareKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name)
}
