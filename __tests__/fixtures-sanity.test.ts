// Every Rust workspace the suite and the demo rely on resolves offline with its committed Cargo.lock,
// and the broken ones fail the way the gate's error handling expects.
import { describe, it, expect, beforeAll } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runProcess } from '../src/cargo/process.js'
import { parseMetadata, workspaceMembers, type CargoMetadata } from '../src/cargo/metadata.js'

const root = resolve(import.meta.dirname, '..')
const fixtures = join(root, '__fixtures__', 'workspaces')

interface Resolved {
  exitCode: number | null
  stdout: string
  stderr: string
}

// --locked: a fixture whose Cargo.lock is missing or stale fails here rather than in a later test.
async function metadata(dir: string): Promise<Resolved> {
  const out: string[] = []
  const err: string[] = []
  const outcome = await runProcess('cargo', ['metadata', '--offline', '--locked', '--format-version', '1'], {
    cwd: dir,
    env: { CARGO_TERM_COLOR: 'never' },
    onStdoutLine: l => out.push(l),
    onStderrLine: l => err.push(l)
  })
  return { exitCode: outcome.exitCode, stdout: out.join('\n'), stderr: err.join('\n') }
}

const workspaces: Record<string, { dir: string; members: string[]; others?: string[] }> = {
  clean: { dir: join(fixtures, 'clean'), members: ['fx-clean-app', 'fx-clean-core'] },
  warnings: { dir: join(fixtures, 'warnings'), members: ['fx-warn-a', 'fx-warn-b'] },
  'compile-error': { dir: join(fixtures, 'compile-error'), members: ['fx-err-broken', 'fx-err-fine'] },
  'tests-mixed': { dir: join(fixtures, 'tests-mixed'), members: ['fx-mix-app', 'fx-mix-lib'] },
  'tests-adversarial': {
    dir: join(fixtures, 'tests-adversarial'),
    members: ['fx-adv-plain', 'fx-adv-spoof']
  },
  'compile-error-chain': {
    dir: join(fixtures, 'compile-error-chain'),
    members: ['fx-chain-broken', 'fx-chain-free', 'fx-chain-user']
  },
  'dep-warnings': { dir: join(fixtures, 'dep-warnings'), members: ['fx-depw-app'], others: ['fx-noisy'] },
  'single-crate': { dir: join(fixtures, 'single-crate'), members: ['fx-single'] },
  noisy: {
    dir: join(fixtures, 'noisy'),
    members: ['fx-noisy-a', 'fx-noisy-b', 'fx-noisy-broken', 'fx-noisy-c']
  },
  'root-build-script': {
    dir: join(fixtures, 'root-build-script'),
    members: ['fx-rbs-helper', 'fx-rbs-root']
  },
  'toka-workspace': {
    dir: join(root, 'examples', 'toka-workspace'),
    members: ['toka-core', 'toka-events', 'toka-runtime', 'toka-tools']
  }
}

const results = new Map<string, Resolved>()

beforeAll(async () => {
  const dirs: Record<string, string> = {
    ...Object.fromEntries(Object.entries(workspaces).map(([name, w]) => [name, w.dir])),
    'clean-member': join(fixtures, 'clean', 'crates', 'fx-clean-core'),
    'no-manifest': join(fixtures, 'no-manifest'),
    'bad-manifest': join(fixtures, 'bad-manifest')
  }
  await Promise.all(Object.entries(dirs).map(async ([name, dir]) => results.set(name, await metadata(dir))))
})

function resolved(name: string): CargoMetadata {
  const r = results.get(name)
  if (!r) throw new Error(`no cargo metadata run for ${name}`)
  if (r.exitCode !== 0) throw new Error(`cargo metadata failed in ${name} (exit ${r.exitCode}):\n${r.stderr}`)
  return parseMetadata(r.stdout)
}

describe('fixture workspaces resolve offline with their committed Cargo.lock', () => {
  it.each(Object.keys(workspaces))('%s', name => {
    const w = workspaces[name]
    expect(existsSync(join(w.dir, 'Cargo.lock'))).toBe(true)
    const meta = resolved(name)
    expect(meta.workspace_root).toBe(w.dir)
    expect(
      workspaceMembers(meta)
        .map(p => p.name)
        .sort()
    ).toEqual(w.members)
    // Nothing from a registry: every package is a path package.
    expect(meta.packages.filter(p => p.source !== null).map(p => p.name)).toEqual([])
    const nonMembers = meta.packages.filter(p => !meta.workspace_members.includes(p.id)).map(p => p.name)
    expect(nonMembers).toEqual(w.others ?? [])
  })
})

describe('fixture shapes the gate depends on', () => {
  it('toka-workspace members inherit edition 2021 and rust-version 1.75 from [workspace.package]', () => {
    const members = workspaceMembers(resolved('toka-workspace'))
    expect(members.map(p => [p.name, p.edition, p.rust_version])).toEqual(
      members.map(p => [p.name, '2021', '1.75'])
    )
  })

  it('a member directory of clean resolves to the clean workspace root, not to itself', () => {
    expect(resolved('clean-member').workspace_root).toBe(join(fixtures, 'clean'))
  })

  it('dep-warnings keeps its noisy path dependency outside the workspace', () => {
    const meta = resolved('dep-warnings')
    const noisy = meta.packages.find(p => p.name === 'fx-noisy')
    expect(noisy?.manifest_path).toBe(join(fixtures, 'dep-warnings', 'third_party', 'noisy', 'Cargo.toml'))
    expect(meta.workspace_members).not.toContain(noisy?.id)
  })

  it('no-manifest fails: cargo finds no Cargo.toml', () => {
    const r = results.get('no-manifest')
    expect(r?.exitCode).toBe(101)
    expect(r?.stderr).toContain('could not find `Cargo.toml`')
  })

  it('bad-manifest fails with a TOML parse error that points into Cargo.toml', () => {
    const r = results.get('bad-manifest')
    expect(r?.exitCode).toBe(101)
    expect(r?.stderr).toMatch(/^error: .+\n --> Cargo\.toml:3:1$/m)
  })
})
