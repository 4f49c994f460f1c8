// The API check disturbs nothing the gate builds. rustdoc's JSON needs RUSTC_BOOTSTRAP=1, and a build
// script that probes for unstable features (as anyhow's, thiserror's and proc-macro2's do) declares
// `rerun-if-env-changed=RUSTC_BOOTSTRAP`. The oracle is cargo's own freshness: after the check, the
// gate's build and check find every unit fresh, and documenting again rebuilds no dependency.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { checkPublicApi, realPorts } from '../src/capabilities/public-api/check.js'
import { exec } from '../src/capabilities/public-api/exec.js'
import { git, members } from './support/public-api-repo.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), text)
}

/** `api` depends on `probe`, whose build script enables a cfg when the compiler allows unstable features. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-api-undisturbed-'))
  dirs.push(dir)
  write(dir, 'Cargo.toml', '[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n')
  write(dir, '.gitignore', 'target/\n')
  write(dir, 'crates/probe/Cargo.toml', '[package]\nname = "probe"\nversion = "1.0.0"\nedition = "2021"\n')
  write(
    dir,
    'crates/probe/build.rs',
    [
      'fn main() {',
      '    println!("cargo:rerun-if-changed=build.rs");',
      '    println!("cargo:rerun-if-env-changed=RUSTC_BOOTSTRAP");',
      '    println!("cargo::rustc-check-cfg=cfg(probe_unstable)");',
      '    if std::env::var_os("RUSTC_BOOTSTRAP").is_some() {',
      '        println!("cargo:rustc-cfg=probe_unstable");',
      '    }',
      '}',
      ''
    ].join('\n')
  )
  write(dir, 'crates/probe/src/lib.rs', 'pub fn unstable() -> bool { cfg!(probe_unstable) }\n')
  write(
    dir,
    'crates/api/Cargo.toml',
    '[package]\nname = "api"\nversion = "1.0.0"\nedition = "2021"\n\n[dependencies]\nprobe = { path = "../probe" }\n'
  )
  write(dir, 'crates/api/src/lib.rs', 'pub fn api() -> bool { probe::unstable() }\n')
  write(dir, 'crates/api/tests/it.rs', '#[test]\nfn stable() { assert!(!api::api()); }\n')
  execFileSync('cargo', ['generate-lockfile', '--offline', '-q'], { cwd: dir })
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  appendFileSync(path.join(dir, 'crates/api/src/lib.rs'), 'pub fn added() {}\n')
  git(dir, 'commit', '-qam', 'head')
  return dir
}

/** The units cargo compiled (not found fresh), from its own JSON messages. */
function rebuilt(dir: string, ...args: string[]): string[] {
  const out = execFileSync('cargo', [...args, '--message-format=json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, RUSTC_BOOTSTRAP: undefined, CARGO_TARGET_DIR: undefined },
    stdio: ['ignore', 'pipe', 'ignore']
  })
  return out
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as { reason: string; fresh?: boolean; target?: { name: string; kind: string[] } })
    .filter(m => m.reason === 'compiler-artifact' && !m.fresh)
    .map(m => `${m.target!.name} ${m.target!.kind.join(',')}`)
    .sort()
}

const BUILD = ['build', '--workspace', '--all-features', '--lib', '--bins', '--tests', '--examples']
const CHECK = ['check', '--workspace', '--all-features']

/** The release of the toolchain the tests run with, as the gate reads it (`rustc -vV`). */
const RELEASE = /^release: (.+)$/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))![1]

/** The check, as the gate runs it; `docs` collects what each `cargo doc` said it compiled. */
async function check(dir: string, o: { release?: string | null; docs?: string[][] } = {}) {
  return checkPublicApi(
    {
      policy: 'warn',
      base: 'HEAD^',
      crates: [],
      workspaceRoot: dir,
      targetDir: path.join(dir, 'target'),
      toolchain: null,
      rustcRelease: o.release === undefined ? RELEASE : o.release,
      checkArgs: ['--workspace', '--all-features'],
      members: members(dir),
      env: {}
    },
    {
      ...realPorts,
      exec: async (program, args, options) => {
        const r = await exec(program, args, options)
        if (program === 'cargo' && args.includes('doc'))
          o.docs?.push(r.stderr.split('\n').filter(l => /^\s*(Checking|Compiling|Documenting) /.test(l)))
        return r
      }
    }
  )
}

/** What a fresh checkout does to the sources: new modification times, the same contents. */
function touchAll(dir: string): void {
  const later = new Date(Date.now() + 5_000)
  for (const crate of readdirSync(path.join(dir, 'crates')))
    for (const f of ['src/lib.rs', 'Cargo.toml']) utimesSync(path.join(dir, 'crates', crate, f), later, later)
}

describe('the API check leaves the gate’s own build fresh', () => {
  it('a build script that reruns on RUSTC_BOOTSTRAP is not rerun for the gate’s build or check', async () => {
    const dir = workspace()
    // The gate's build (compile-once) and its check (compile-once off), as before a run.
    expect(rebuilt(dir, ...BUILD)).toContain('probe lib')
    expect(rebuilt(dir, ...CHECK)).toContain('probe lib')
    const section = await check(dir)
    const api = section.crates.find(c => c.name === 'api')!
    expect([section.status, api.status]).toEqual(['checked', 'compared'])
    expect(api.changes.map(c => [c.path, c.class])).toEqual([['api::added', 'addition']])
    // What the gate builds next finds everything fresh: the check rebuilt none of its units.
    expect(rebuilt(dir, ...BUILD)).toEqual([])
    expect(rebuilt(dir, ...CHECK)).toEqual([])
    // A later push: the gate rebuilds what changed, the check documents it, and the next build again
    // rebuilds only what changed since (nothing flips between the two).
    appendFileSync(path.join(dir, 'crates/api/src/lib.rs'), 'pub fn again() {}\n')
    git(dir, 'commit', '-qam', 'later push')
    expect(rebuilt(dir, ...BUILD).filter(u => u.startsWith('probe'))).toEqual([])
    const later = await check(dir)
    expect(later.crates.find(c => c.name === 'api')!.changes.map(c => c.path)).toEqual(['api::again'])
    expect(rebuilt(dir, ...BUILD)).toEqual([])
  }, 300_000)
})

describe('a fresh checkout does not make the check type-check unchanged dependencies again', () => {
  it('by content: only the documented crate is compiled; a dependency that really changed is checked', async () => {
    const dir = workspace()
    const first = await check(dir)
    expect(first.crates.find(c => c.name === 'api')!.status).toBe('compared')
    touchAll(dir)
    // A new base as well (its surface not cached), so the base worktree is documented too.
    const cache = path.join(dir, 'target', 'build-gate', 'public-api')
    for (const f of readdirSync(cache).filter(f => f.endsWith('.json'))) rmSync(path.join(cache, f))
    const docs: string[][] = []
    const again = await check(dir, { docs })
    expect(again.crates.find(c => c.name === 'api')!.changes.map(c => c.path)).toEqual(['api::added'])
    // Both sides document `api`; neither type-checks `probe` (its contents did not change).
    expect(docs.flat().filter(l => /probe/.test(l))).toEqual([])
    expect(docs.flat().filter(l => /Documenting api/.test(l))).toHaveLength(2)
    // A real change to the dependency is seen: cargo checks it again.
    appendFileSync(path.join(dir, 'crates/probe/src/lib.rs'), 'pub fn more() {}\n')
    const changed: string[][] = []
    await check(dir, { docs: changed })
    expect(changed.flat().some(l => /Checking probe/.test(l))).toBe(true)
  }, 300_000)

  it('a toolchain that does not say its release keeps cargo’s default: the touched dependency is checked again', async () => {
    const dir = workspace()
    await check(dir, { release: null })
    touchAll(dir)
    const docs: string[][] = []
    await check(dir, { release: null, docs })
    expect(docs.flat().some(l => /Checking probe/.test(l))).toBe(true)
  }, 300_000)
})
