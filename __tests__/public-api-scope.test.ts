// Which crates the API check documents, on a real workspace built by cargo. The oracle is cargo's own
// freshness: after a change, the library crates cargo recompiles are the ones built from something
// that changed; the check documents exactly those (a crate cargo finds fresh cannot have a new API).
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { checkPublicApi } from '../src/capabilities/public-api/check.js'
import { readBuildInputs } from '../src/capabilities/public-api/dep-info.js'
import { git, members } from './support/public-api-repo.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), text)
}

const manifest = (name: string, deps: string[] = [], extra = '') =>
  `[package]\nname = "${name}"\nversion = "1.0.0"\nedition = "2021"\n\n[dependencies]\n${deps
    .map(d => `${d} = { path = "../${d}" }`)
    .join('\n')}\n${extra}`

/** The stand-in registry of the fixes fixtures (a vendored directory source: no network). */
const VENDOR = path.resolve('__fixtures__/fixes/vendor')

/**
 * found ← mid ← top (top depends on mid, mid on found); `mid` includes a file outside every crate,
 * `found` has an integration test and a README; `tools/gen.rs` is a Rust file nothing includes.
 * Registry crates (vendored): `top` depends on base64ct (locked at 1.6.0), `mid` on password-hash,
 * which depends on base64ct too; `found` has base64ct as a dev-dependency.
 */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-api-scope-'))
  dirs.push(dir)
  write(dir, 'Cargo.toml', '[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n')
  write(dir, '.gitignore', 'target/\n')
  write(dir, 'crates/found/Cargo.toml', manifest('found', [], '\n[dev-dependencies]\nbase64ct = "1"\n'))
  write(dir, 'crates/found/src/lib.rs', 'pub struct Found;\npub fn found() -> u32 { 1 }\n')
  write(dir, 'crates/found/tests/it.rs', '#[test]\nfn works() { assert_eq!(found::found(), 1); }\n')
  write(dir, 'crates/found/README.md', '# found\n')
  write(dir, 'crates/mid/Cargo.toml', manifest('mid', ['found'], 'password-hash = "0.5"\n'))
  write(dir, 'crates/mid/src/lib.rs', 'pub use found::Found;\ninclude!("../../../shared/consts.rs");\n')
  write(dir, 'crates/top/Cargo.toml', manifest('top', ['mid'], 'base64ct = "1"\n'))
  write(
    dir,
    '.cargo/config.toml',
    `[source.crates-io]\nreplace-with = "vendored"\n\n[source.vendored]\ndirectory = "${VENDOR}"\n`
  )
  write(dir, 'crates/top/src/lib.rs', 'pub fn top() -> mid::Found { mid::Found }\n')
  write(dir, 'shared/consts.rs', 'pub const LIMIT: u32 = 10;\n')
  write(dir, 'tools/gen.rs', 'fn main() {}\n')
  execFileSync('cargo', ['generate-lockfile', '--offline', '-q'], { cwd: dir })
  lock(dir, 'base64ct', '1.6.0')
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  return dir
}

/** Locks registry package `name` at `version` (written as cargo writes it: the vendored package's checksum). */
function lock(dir: string, name: string, version: string): void {
  const sum = (
    JSON.parse(readFileSync(path.join(VENDOR, `${name}-${version}/.cargo-checksum.json`), 'utf8')) as {
      package: string
    }
  ).package
  const file = path.join(dir, 'Cargo.lock')
  const entry = new RegExp(`(name = "${name}"\nversion = ")[^"]+("\nsource = "[^"]+"\nchecksum = ")[0-9a-f]+`)
  const text = readFileSync(file, 'utf8')
  expect(text).toMatch(entry)
  writeFileSync(file, text.replace(entry, `$1${version}$2${sum}`))
}

/** The gate's build (its dep-info is what the check reads) and the oracle: library crates cargo recompiled. */
function recompiled(dir: string): string[] {
  return build(dir).libraries
}

/** Members whose library, and whose unit tests (built with the dev-dependencies), cargo recompiled. */
function build(dir: string): { libraries: string[]; unitTests: string[] } {
  const r = spawnSync(
    'cargo',
    ['build', '--workspace', '--all-targets', '--offline', '--message-format=json'],
    {
      cwd: dir,
      encoding: 'utf8'
    }
  )
  expect(r.status).toBe(0)
  const libraries = new Set<string>()
  const unitTests = new Set<string>()
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue
    const m = JSON.parse(line) as {
      reason: string
      fresh?: boolean
      target?: { name: string; kind: string[] }
      profile?: { test: boolean }
    }
    const member = m.target && ['found', 'mid', 'top'].includes(m.target.name)
    if (m.reason !== 'compiler-artifact' || !member || !m.target!.kind.includes('lib') || m.fresh !== false)
      continue
    ;(m.profile?.test ? unitTests : libraries).add(m.target!.name)
  }
  return { libraries: [...libraries].sort(), unitTests: [...unitTests].sort() }
}

async function documented(dir: string, targetDir = path.join(dir, 'target')): Promise<string[]> {
  const section = await checkPublicApi({
    policy: 'deny',
    base: 'main',
    crates: [],
    workspaceRoot: dir,
    targetDir,
    toolchain: null,
    checkArgs: ['--workspace', '--all-features'],
    members: members(dir),
    env: {}
  })
  expect(section.status).toBe('checked')
  return section.crates
    .filter(c => c.status !== 'unchanged')
    .map(c => c.name)
    .sort()
}

describe('the crates a change touched, against cargo’s own freshness', () => {
  const dir = workspace()
  // Built once at the base, as a warm target directory would be; each case changes the working tree.
  recompiled(dir)

  /** Appended comments: a change of content that leaves every API as it was. */
  const append =
    (...files: string[]) =>
    () => {
      for (const f of files)
        appendFileSync(path.join(dir, f), f.endsWith('.md') ? '\nmore\n' : '\n// changed\n')
    }

  it.each([
    ['a Rust file outside every crate that nothing includes', append('tools/gen.rs'), []],
    [
      "a crate's integration test and README",
      append('crates/found/tests/it.rs', 'crates/found/README.md'),
      []
    ],
    [
      'a file outside every crate that one includes: it and its dependents',
      append('shared/consts.rs'),
      ['mid', 'top']
    ],
    [
      "the foundation crate's source: it and every crate built on it",
      append('crates/found/src/lib.rs'),
      ['found', 'mid', 'top']
    ],
    ['the top crate alone', append('crates/top/src/lib.rs'), ['top']],
    [
      "the workspace manifest's metadata: no crate",
      () => appendFileSync(path.join(dir, 'Cargo.toml'), '\n[workspace.metadata.docs]\nall = true\n'),
      []
    ]
  ])('%s', async (_what, edit, expected) => {
    edit()
    try {
      const rebuilt = recompiled(dir)
      expect(rebuilt).toEqual(expected)
      expect(await documented(dir)).toEqual(rebuilt)
    } finally {
      git(dir, 'checkout', '-q', '--', '.')
      recompiled(dir)
    }
  })
  it("a dependency's locked version: the libraries built on it, directly or through another registry crate, not a dev-dependent", async () => {
    lock(dir, 'base64ct', '1.7.3')
    try {
      // cargo agrees: found's unit tests are built again with the new version, its library is not.
      const rebuilt = build(dir)
      expect(rebuilt.libraries).toEqual(['mid', 'top'])
      expect(rebuilt.unitTests).toContain('found')
      expect(await documented(dir)).toEqual(['mid', 'top'])
    } finally {
      git(dir, 'checkout', '-q', '--', '.')
      recompiled(dir)
    }
  })
  it("trusts cargo's dep-info only while it is as new as every file it lists (as cargo does)", () => {
    const mid = {
      id: 'mid',
      name: 'mid',
      libName: 'mid',
      libSrc: path.join(dir, 'crates/mid/src/lib.rs'),
      buildSrc: null
    }
    const read = () => readBuildInputs(path.join(dir, 'target'), dir, [mid]).get('mid')
    const consts = path.join(dir, 'shared/consts.rs')
    expect(read()?.files).toEqual(new Set([mid.libSrc, consts]))
    const later = new Date(Date.now() + 60_000)
    utimesSync(consts, later, later)
    try {
      expect(read()).toBeUndefined()
      // cargo agrees: what the dep-info lists changed since, so mid is built again.
      expect(recompiled(dir)).toEqual(['mid', 'top'])
    } finally {
      const now = new Date()
      utimesSync(consts, now, now)
      recompiled(dir)
    }
  })
  it('without dep-info (nothing built in the target directory), a Rust file outside every crate touches every crate', async () => {
    append('tools/gen.rs')()
    try {
      const empty = mkdtempSync(path.join(tmpdir(), 'gate-api-target-'))
      dirs.push(empty)
      expect(await documented(dir, empty)).toEqual(['found', 'mid', 'top'])
    } finally {
      git(dir, 'checkout', '-q', '--', '.')
    }
  })
})
