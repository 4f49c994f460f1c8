// rustc as the oracle for the API rules: the fixture's clients (a user of the base API per case)
// compiled against a side of the `rules` workspace in one cargo invocation; each case rustc rejects
// is one whose change breaks users.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { git } from './public-api-repo.js'

export const RULES_FIXTURE = path.resolve('__fixtures__/public-api-rules')

export interface ClientCase {
  /** `family::case`: the module `rules::family::case` (or the `derive` family: `rules_derive`). */
  id: string
  family: string
  /** The client's code, with a glob import of its module unless it imports what it needs itself. */
  body: string
}

const ALLOW = '#![allow(dead_code, deprecated, unused_imports, unused_must_use, unused_variables)]\n'

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
      out.push({ id: `${family}::${parts[i]}`, family, body: `${glob}${body}` })
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
  /** Cases rustc rejected, with its first error for each. */
  rejected: Map<string, string>
  /** Cases whose crate cargo reported as checked: a case missing here was not compiled at all. */
  checked: Set<string>
}

interface Unit {
  crate: string
  source: string
  /** The cases in the crate, with the lines each spans (a crate of one case spans it all). */
  cases: { id: string; from: number; to: number }[]
}

/**
 * Every client against the `rules` workspace at `rulesDir`, in one `cargo check --keep-going`. A case
 * that `alone` picks is a crate of its own (rustc stops at its first failing phase, so one crate per
 * case that must fail); the others, which must compile, share a crate per family, one module each,
 * and an error is theirs by its line.
 */
export function compileClients(
  cases: ClientCase[],
  alone: (id: string) => boolean,
  rulesDir: string,
  targetDir: string
): Compiled {
  const units: Unit[] = []
  for (const c of cases.filter(c => alone(c.id)))
    units.push({
      crate: c.id.replace('::', '_'),
      source: ALLOW + c.body,
      cases: [{ id: c.id, from: 0, to: Infinity }]
    })
  for (const family of [...new Set(cases.filter(c => !alone(c.id)).map(c => c.family))]) {
    const unit: Unit = { crate: `${family}_alike`, source: ALLOW, cases: [] }
    for (const c of cases.filter(c => c.family === family && !alone(c.id))) {
      const from = unit.source.split('\n').length
      unit.source += `pub mod ${c.id.split('::')[1]} {\n${c.body}}\n`
      unit.cases.push({ id: c.id, from, to: unit.source.split('\n').length - 1 })
    }
    units.push(unit)
  }
  const ws = mkdtempSync(path.join(tmpdir(), 'gate-api-clients-'))
  try {
    writeFileSync(
      path.join(ws, 'Cargo.toml'),
      [
        '[workspace]',
        'resolver = "2"',
        `members = [${units.map(u => JSON.stringify(u.crate)).join(', ')}]`,
        '[workspace.dependencies]',
        `rules = { path = ${JSON.stringify(path.join(rulesDir, 'rules'))} }`,
        `rules_derive = { path = ${JSON.stringify(path.join(rulesDir, 'rules_derive'))} }`,
        ''
      ].join('\n')
    )
    for (const u of units) {
      mkdirSync(path.join(ws, u.crate, 'src'), { recursive: true })
      writeFileSync(
        path.join(ws, u.crate, 'Cargo.toml'),
        `[package]\nname = "${u.crate}"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nrules.workspace = true\nrules_derive.workspace = true\n`
      )
      writeFileSync(path.join(ws, u.crate, 'src', 'lib.rs'), u.source)
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
    const byCrate = new Map(units.map(u => [u.crate, u]))
    const rejected = new Map<string, string>()
    const checked = new Set<string>()
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith('{')) continue
      const msg = JSON.parse(line) as {
        reason: string
        target?: { name: string }
        message?: { level: string; rendered: string; spans: { is_primary: boolean; line_start: number }[] }
      }
      const unit = msg.target ? byCrate.get(msg.target.name) : undefined
      if (!unit) continue
      if (msg.reason === 'compiler-artifact') unit.cases.forEach(c => checked.add(c.id))
      if (msg.reason !== 'compiler-message' || msg.message?.level !== 'error') continue
      const at = msg.message.spans.find(s => s.is_primary)?.line_start
      // An error without a line in the crate is every case's in it.
      for (const c of unit.cases.filter(c => at === undefined || (at >= c.from && at <= c.to)))
        if (!rejected.has(c.id)) rejected.set(c.id, msg.message.rendered.split('\n')[0])
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
