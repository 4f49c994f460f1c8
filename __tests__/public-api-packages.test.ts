// The public API's package-level parts on real workspaces: cargo features removed (cargo's resolver
// as the oracle: a dependent enabling the feature resolves against the base and fails against the
// head), and a crate that depends on another version of itself (the "semver trick").
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { checkPublicApi, type PublicApiInputs } from '../src/capabilities/public-api/check.js'
import { apiFindings } from '../src/capabilities/public-api/findings.js'
import type { PublicApiSection } from '../src/capabilities/public-api/section.js'
import { git, members } from './support/public-api-repo.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
}

/** A repository: `base` committed, then `head` written over it and committed. */
function repo(base: Record<string, string>, head: Record<string, string>): string {
  const dir = temp('gate-api-pkg-')
  write(dir, { '.gitignore': 'target/\n', ...base })
  execFileSync('cargo', ['generate-lockfile', '--offline', '-q'], { cwd: dir })
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  write(dir, head)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'head')
  return dir
}

function check(dir: string, over: Partial<PublicApiInputs> = {}): Promise<PublicApiSection> {
  return checkPublicApi({
    policy: 'deny',
    base: '',
    crates: [],
    workspaceRoot: dir,
    targetDir: path.join(dir, 'target'),
    toolchain: null,
    checkArgs: ['--workspace', '--all-features'],
    members: members(dir),
    env: {},
    ...over
  })
}

const lib = (name: string, version = '1.0.0', rest = '') =>
  `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2021"\n${rest}`

describe('cargo features removed', () => {
  /** feat's manifest: two optional dependencies (each an implicit feature unless `dep:` names it), and `features`. */
  const featManifest = (features: string) =>
    lib(
      'feat',
      '1.0.0',
      `
[dependencies]
helper = { path = "../helper", optional = true }
extra = { path = "../extra", optional = true }

[features]
default = ["std"]
std = []
${features}`
    )
  const BASE_MANIFEST = featManifest('gone = []\nold-name = []\nunstable-thing = []\n')
  const HEAD_MANIFEST = featManifest(`new-name = []
# Renamed, the old name kept as an alias: not breaking.
old-name = ["new-name"]
# \`dep:helper\` removes the implicit feature \`helper\`.
with-helper = ["dep:helper"]
`)
  const dir = repo(
    {
      'Cargo.toml': '[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n',
      'crates/feat/Cargo.toml': BASE_MANIFEST,
      'crates/feat/src/lib.rs': 'pub fn feat() {}\n',
      'crates/helper/Cargo.toml': lib('helper', '1.0.0', 'publish = false\n'),
      'crates/helper/src/lib.rs': '',
      'crates/extra/Cargo.toml': lib('extra', '1.0.0', 'publish = false\n'),
      'crates/extra/src/lib.rs': ''
    },
    { 'crates/feat/Cargo.toml': HEAD_MANIFEST }
  )

  /** The oracle: whether a dependent enabling `feature` of feat at `featDir` resolves (cargo's own resolver). */
  function resolves(featDir: string, feature: string): boolean {
    const client = temp('gate-api-client-')
    write(client, {
      'Cargo.toml': `${lib('client')}\n[dependencies]\nfeat = { path = "${featDir}", features = ["${feature}"] }\n`,
      'src/lib.rs': ''
    })
    return spawnSync('cargo', ['generate-lockfile', '--offline', '-q'], { cwd: client }).status === 0
  }

  it('a feature a dependent may enable that no longer exists is breaking, at its line in the base manifest', async () => {
    const section = await check(dir)
    const feat = section.crates.find(c => c.name === 'feat')!
    expect(feat.status).toBe('compared')
    const features = feat.changes.filter(x => x.kind === 'feature')
    const baseWorktree = temp('gate-api-base-')
    git(dir, 'worktree', 'add', '-q', '--detach', baseWorktree, 'HEAD^')
    try {
      const baseFeatures = Object.keys(
        (
          JSON.parse(
            execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], {
              cwd: baseWorktree,
              encoding: 'utf8'
            })
          ) as { packages: { name: string; features: Record<string, string[]> }[] }
        ).packages.find(p => p.name === 'feat')!.features
      ).sort()
      expect(baseFeatures).toEqual([
        'default',
        'extra',
        'gone',
        'helper',
        'old-name',
        'std',
        'unstable-thing'
      ])
      const failsOnHead = baseFeatures.filter(f => {
        expect(resolves(path.join(baseWorktree, 'crates/feat'), f)).toBe(true)
        return !resolves(path.join(dir, 'crates/feat'), f)
      })
      expect(failsOnHead).toEqual(['gone', 'helper', 'unstable-thing'])
      // Every feature whose removal fails a dependent is reported; by its name `unstable-thing` is
      // not a stable feature (the reference tool's convention), so it is reported, not breaking.
      expect(features.map(x => [x.path, x.class, x.rule])).toEqual([
        ['feat/gone', 'breaking', 'feature-removed'],
        ['feat/helper', 'breaking', 'feature-removed'],
        ['feat/unstable-thing', 'changed', 'changed']
      ])
    } finally {
      git(dir, 'worktree', 'remove', '--force', baseWorktree)
    }
    const lines = BASE_MANIFEST.split('\n')
    for (const x of features) {
      // Both locations: the feature's line on the base, its owner (the manifest) on the head.
      expect(x).toMatchObject({
        side: 'base',
        file: 'crates/feat/Cargo.toml',
        base: { file: 'crates/feat/Cargo.toml', line: x.line },
        head: { file: 'crates/feat/Cargo.toml', line: null }
      })
      expect(lines[x.line! - 1]).toMatch(new RegExp(`^${x.path.split('/')[1]} = `))
    }
    // The dependent's line that breaks is the one the oracle wrote.
    expect(features.find(x => x.path === 'feat/gone')!.breaks).toBe(
      '`feat = { features = ["gone"] }` in a dependent\'s Cargo.toml'
    )
    const gone = apiFindings(section).find(f => f.message.includes('`feat/gone`'))!
    expect(gone).toMatchObject({ code: 'api-breaking', severity: 'block' })
    expect(gone.message).toContain(`a dependent's \`features = ["gone"]\` no longer resolves`)
    const goneLine = lines.indexOf('gone = []') + 1
    expect(gone.message).toContain(`(it was at crates/feat/Cargo.toml:${goneLine} in the base`)
  })
})

describe('a crate that depends on another version of itself (the semver trick)', () => {
  // trick 0.1 re-exports what trick 0.2 (a path dependency outside the workspace) has, as the
  // semver trick does; the head removes one of its own functions.
  const trick = (version: string, body: string) => ({
    'crates/trick/Cargo.toml': lib(
      'trick',
      version,
      '\n[dependencies]\ntrick_next = { package = "trick", path = "../../next/trick" }\n'
    ),
    'crates/trick/src/lib.rs': `pub use trick_next::Shared;\n${body}`
  })
  const dir = repo(
    {
      'Cargo.toml': '[workspace]\nresolver = "2"\nmembers = ["crates/trick"]\nexclude = ["next"]\n',
      'next/trick/Cargo.toml': lib('trick', '0.2.0'),
      'next/trick/src/lib.rs': 'pub struct Shared;\n',
      ...trick('0.1.0', 'pub fn old() {}\npub fn kept() {}\n')
    },
    trick('0.1.1', 'pub fn kept() {}\n')
  )

  it('is documented by name@version on both sides and compared, never unknown', async () => {
    // The premise, in cargo's words: the name alone is ambiguous in this workspace.
    const ambiguous = spawnSync('cargo', ['doc', '--no-deps', '--offline', '-p', 'trick'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CARGO_TARGET_DIR: path.join(dir, 'target') }
    })
    expect(ambiguous.status).not.toBe(0)
    expect(ambiguous.stderr).toMatch(/`trick` is ambiguous/)
    const section = await check(dir)
    expect(section.crates.map(c => [c.name, c.status, c.baseVersion, c.headVersion])).toEqual([
      ['trick', 'compared', '0.1.0', '0.1.1']
    ])
    expect(section.crates[0].changes.map(x => [x.class, x.rule, x.path])).toEqual([
      ['breaking', 'removed', 'trick::old']
    ])
    expect(readFileSync(path.join(dir, 'crates/trick/src/lib.rs'), 'utf8')).not.toContain('old')
  })
})
