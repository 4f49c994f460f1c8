// Fixture git repositories for the public-API check: the base sources committed, one head overlaid
// and committed on top, and the cargo metadata the gate would have read.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseMetadata, workspaceMembers, type MetadataPackage } from '../../src/cargo/metadata.js'

export const API_FIXTURES = path.resolve('__fixtures__/public-api')

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=gate@example.com', '-c', 'user.name=gate', ...args], {
    cwd: dir,
    encoding: 'utf8'
  })
}

/** A repository with the base commit and a head commit; `edit` changes the head before it is committed. */
export function fixtureRepo(head: string, edit: (dir: string) => void = () => undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-api-repo-'))
  cpSync(path.join(API_FIXTURES, 'base'), dir, { recursive: true })
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  cpSync(path.join(API_FIXTURES, head), dir, { recursive: true })
  edit(dir)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'head')
  return dir
}

export function setVersion(dir: string, crate: string, version: string): void {
  const file = path.join(dir, 'crates', crate, 'Cargo.toml')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^version = ".*"$/m, `version = "${version}"`))
}

export function members(dir: string): MetadataPackage[] {
  const out = execFileSync('cargo', ['metadata', '--format-version', '1', '--offline'], {
    cwd: dir,
    encoding: 'utf8'
  })
  return workspaceMembers(parseMetadata(out))
}

/**
 * The oracle: compiles the client (a user of the base API, one function per use) against `shapes` in
 * `dir` and returns the client functions rustc rejects (`impl Plugin for MyPlugin` as `MyPlugin`).
 * rustc stops at the first phase with errors (resolution before type checking before match checking),
 * so failing functions are blanked out and the client compiled again until no new error appears.
 */
export function clientErrors(dir: string, targetDir: string): Set<string> {
  const client = mkdtempSync(path.join(tmpdir(), 'gate-api-client-'))
  cpSync(path.join(API_FIXTURES, 'client'), client, { recursive: true })
  const manifest = path.join(client, 'Cargo.toml')
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8').replace('SHAPES_PATH', path.join(dir, 'crates/shapes'))
  )
  const lib = path.join(client, 'src/lib.rs')
  const source = readFileSync(lib, 'utf8').split('\n')
  const owner = (line: number): string => {
    const m = /^(?:pub fn (\w+)|impl \w+ for (\w+))/.exec(source[line - 1] ?? '')
    return m ? (m[1] ?? m[2]) : `line ${line}`
  }
  const failed = new Set<string>()
  for (let round = 0; round < 6; round++) {
    const lines = source.map((l, i) => (failed.has(owner(i + 1)) ? '' : l))
    writeFileSync(lib, lines.join('\n'))
    const found = rustcErrorLines(client, targetDir).map(owner)
    if (found.length === 0) break
    found.forEach(f => failed.add(f))
  }
  rmSync(client, { recursive: true, force: true })
  return failed
}

function rustcErrorLines(client: string, targetDir: string): number[] {
  const r = spawnSync('cargo', ['check', '--offline', '--message-format=json', '-q'], {
    cwd: client,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TARGET_DIR: targetDir }
  })
  const lines: number[] = []
  for (const l of r.stdout.split('\n')) {
    if (!l.startsWith('{')) continue
    const msg = JSON.parse(l) as {
      reason: string
      target?: { name: string }
      message?: { level: string; spans: { is_primary: boolean; line_start: number }[] }
    }
    if (msg.reason !== 'compiler-message' || msg.target?.name !== 'client' || msg.message?.level !== 'error')
      continue
    const span = msg.message.spans.find(x => x.is_primary)
    if (span) lines.push(span.line_start)
  }
  return lines
}
