// rustc as the oracle for the API rules: the fixture's clients (one crate per case, a user of the
// base API) compiled against a side of the `rules` workspace in one cargo invocation; each crate
// rustc rejects is a case whose change breaks users.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { git } from './public-api-repo.js'

export const RULES_FIXTURE = path.resolve('__fixtures__/public-api-rules')

export interface ClientCase {
  /** `family::case`: the module `rules::family::case` (or the `derive` family: `rules_derive`). */
  id: string
  crate: string
  source: string
}

/** The cases of clients/<family>.rs: each `//# case` line starts one. */
export function clientCases(): ClientCase[] {
  const out: ClientCase[] = []
  const dir = path.join(RULES_FIXTURE, 'clients')
  for (const file of readdirSync(dir)
    .filter(f => f.endsWith('.rs'))
    .sort()) {
    const family = file.slice(0, -3)
    const parts = readFileSync(path.join(dir, file), 'utf8').split(/^\/\/# (\w+)\n/m)
    for (let i = 1; i < parts.length; i += 2) {
      const body = parts[i + 1]
      const glob =
        family === 'derive' || /^use rules::/m.test(body) ? '' : `use rules::${family}::${parts[i]}::*;\n`
      out.push({
        id: `${family}::${parts[i]}`,
        crate: `${family}_${parts[i]}`,
        source: `#![allow(dead_code, deprecated, unused_imports, unused_must_use, unused_variables)]\n${glob}${body}`
      })
    }
  }
  return out
}

/** A git repository of the `rules` workspace: the base committed, the head overlaid and committed. */
export function rulesRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-api-rules-'))
  cpSync(path.join(RULES_FIXTURE, 'base'), dir, { recursive: true })
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  cpSync(path.join(RULES_FIXTURE, 'head'), dir, { recursive: true })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'head')
  return dir
}

export interface Compiled {
  /** Crates rustc rejected, with its first error for each. */
  rejected: Map<string, string>
  /** Crates cargo reported as checked (fresh or not): a crate missing here was not compiled at all. */
  checked: Set<string>
}

/** Every client against the `rules` workspace at `rulesDir`, in one `cargo check --keep-going`. */
export function compileClients(cases: ClientCase[], rulesDir: string, targetDir: string): Compiled {
  const ws = mkdtempSync(path.join(tmpdir(), 'gate-api-clients-'))
  try {
    writeFileSync(
      path.join(ws, 'Cargo.toml'),
      [
        '[workspace]',
        'resolver = "2"',
        `members = [${cases.map(c => JSON.stringify(c.crate)).join(', ')}]`,
        '[workspace.dependencies]',
        `rules = { path = ${JSON.stringify(path.join(rulesDir, 'rules'))} }`,
        `rules_derive = { path = ${JSON.stringify(path.join(rulesDir, 'rules_derive'))} }`,
        ''
      ].join('\n')
    )
    for (const c of cases) {
      mkdirSync(path.join(ws, c.crate, 'src'), { recursive: true })
      writeFileSync(
        path.join(ws, c.crate, 'Cargo.toml'),
        `[package]\nname = "${c.crate}"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nrules.workspace = true\nrules_derive.workspace = true\n`
      )
      writeFileSync(path.join(ws, c.crate, 'src', 'lib.rs'), c.source)
    }
    const r = spawnSync(
      'cargo',
      ['check', '--workspace', '--keep-going', '--offline', '--message-format=json', '-q'],
      {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, CARGO_TARGET_DIR: targetDir },
        maxBuffer: 256 << 20
      }
    )
    const rejected = new Map<string, string>()
    const checked = new Set<string>()
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith('{')) continue
      const msg = JSON.parse(line) as {
        reason: string
        target?: { name: string }
        message?: { level: string; rendered: string }
      }
      const name = msg.target?.name
      if (!name) continue
      if (msg.reason === 'compiler-artifact') checked.add(name)
      if (msg.reason === 'compiler-message' && msg.message?.level === 'error' && !rejected.has(name))
        rejected.set(name, msg.message.rendered.split('\n')[0])
    }
    return { rejected, checked }
  } finally {
    rmSync(ws, { recursive: true, force: true })
  }
}

/** The base side as a plain directory (the fixture's base copied, so no build output lands in it). */
export function baseCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-api-rules-base-'))
  cpSync(path.join(RULES_FIXTURE, 'base'), dir, { recursive: true })
  return dir
}
