import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { parse } from 'smol-toml'
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fixesFor, FIXES_FIXTURES } from './fixes-fixture.js'

const fx = (name: string) => path.join(FIXES_FIXTURES, name)
const status = () => execFileSync('git', ['status', '--porcelain', '--', fx('msrv')], { encoding: 'utf8' })

describe('fixtures', () => {
  const workspaces = readdirSync(FIXES_FIXTURES).filter(d => d !== 'vendor')
  it.each(workspaces)('%s resolves offline with its committed Cargo.lock', name => {
    // --locked: a stale lock would make every expectation below about the lock meaningless.
    execFileSync('cargo', ['metadata', '--offline', '--locked', '--format-version', '1'], {
      cwd: fx(name),
      stdio: 'ignore'
    })
  })
})

describe('MSRV: cargo resolves, the lock says what changed', () => {
  it('MSRV 1.80 with base64ct locked at 1.8.0: 1.8.0 -> 1.6.0, the newest 1.80 can build, verified', async () => {
    const { section, findings, files } = await fixesFor(fx('msrv'))
    expect(section.failure).toBeNull()
    expect(section.fixes).toHaveLength(1)
    const [fix] = section.fixes
    expect(fix).toMatchObject({
      crate: 'base64ct',
      from: '1.8.0',
      to: '1.6.0', // 1.7.3 needs Rust 1.81: cargo's resolver skips it
      kind: 'lock',
      manifest: null,
      verified: true,
      command: `cargo update -p base64ct@1.8.0 --config 'resolver.incompatible-rust-versions="fallback"'`,
      target: { code: 'msrv', crate: 'base64ct', version: '1.8.0' }
    })
    expect(fix.lockChanges).toEqual([{ name: 'base64ct', from: '1.8.0', to: '1.6.0' }])
    expect(findings).toEqual([
      expect.objectContaining({ code: 'fix-available', severity: 'info', crate: 'base64ct' })
    ])
    // The changed Cargo.lock holds 1.6.0, read back with a TOML parser.
    expect(files.map(f => f.path)).toEqual(['Cargo.lock'])
    const locked = (parse(files[0].after) as { package: { name: string; version: string }[] }).package
    expect(locked.filter(p => p.name === 'base64ct').map(p => p.version)).toEqual(['1.6.0'])
    expect(status()).toBe('') // the user's tree is only read
  })

  it("an MSRV declared only in [workspace.package] still steers cargo's resolver; no manifest keeps it", async () => {
    const { section, files } = await fixesFor(fx('msrv-declared-only'))
    expect(section.fixes.map(f => [f.crate, f.from, f.to, f.verified])).toEqual([
      ['base64ct', '1.8.0', '1.6.0', true]
    ])
    expect(files.map(f => f.path)).toEqual(['Cargo.lock'])
  })

  it('without an MSRV, the toolchain is the limit: nextgen-io 0.3.1 (Rust 1.99) -> 0.3.0', async () => {
    const { section } = await fixesFor(fx('toolchain'))
    expect(section.fixes.map(f => [f.crate, f.from, f.to, f.verified, f.target.code])).toEqual([
      ['nextgen-io', '0.3.1', '0.3.0', true, 'msrv']
    ])
  })

  it('when the dependent pins it, an older dependent within the member requirement: password-hash 0.6.0 → 0.5.0', async () => {
    const { section, files } = await fixesFor(fx('msrv-dependent'))
    expect(section.blockers).toEqual([])
    expect(section.fixes.map(f => [f.crate, f.from, f.to, f.kind, f.command, f.verified])).toEqual([
      ['base64ct', '1.8.0', '1.6.0', 'lock', null, true]
    ])
    expect(section.fixes[0].lockChanges).toEqual([
      { name: 'base64ct', from: '1.8.0', to: '1.6.0' },
      { name: 'password-hash', from: '0.6.0', to: '0.5.0' }
    ])
    // Only the lock changes: the temporary constraint never reaches a manifest.
    expect(files.map(f => f.path)).toEqual(['Cargo.lock'])
    expect(files[0].after).not.toContain('build-gate-pin')
  })

  it('names the requirement that blocks every compatible version, and what would unblock it', async () => {
    const { section, findings } = await fixesFor(fx('msrv-blocked'))
    expect(section.fixes).toEqual([])
    expect(section.blockers).toEqual([
      {
        target: { code: 'msrv', crate: 'base64ct', version: '1.8.0' },
        blockedBy: 'password-hash 0.6.0 requires base64ct ^1.8',
        unblock:
          "raise toka-auth's rust-version to 1.85, or relax toka-auth's requirement on password-hash so that a release accepting an older base64ct can be chosen"
      }
    ])
    expect(findings.map(f => [f.code, f.severity])).toEqual([['fix-blocked', 'warn']])
  })
})

describe('bounded', () => {
  it('a cargo killed at the time limit stops the search with its reason, never a fix or a blocker', async () => {
    const { section, findings } = await fixesFor(fx('msrv'), {}, { timeoutSeconds: 0.001 })
    expect(section.fixes).toEqual([])
    expect(section.blockers).toEqual([])
    expect(section.failure).toMatch(
      /^the fix search failed: `cargo update -p base64ct@1\.8\.0 .*` was killed \(SIGKILL\)/
    )
    expect(findings.map(f => [f.code, f.severity])).toEqual([['fix-search-failed', 'warn']])
  })
})

describe('duplicates: a member holding the older version', () => {
  it('raises the member requirement when its code compiles with the newer version: verified', async () => {
    const { section, files } = await fixesFor(fx('duplicates-compatible'))
    expect(section.fixes).toHaveLength(1)
    const [fix] = section.fixes
    expect(fix).toMatchObject({
      crate: 'base64',
      from: '0.21.7',
      to: '0.22.1',
      kind: 'manifest',
      manifest: 'crates/toka-tools/Cargo.toml',
      verified: true,
      command: null,
      target: { code: 'duplicate-versions', crate: 'base64', version: '0.21.7' }
    })
    expect(fix.lockChanges).toEqual([{ name: 'base64', from: '0.21.7', to: null }])
    const manifest = files.find(f => f.path === 'crates/toka-tools/Cargo.toml')!
    // Only the version string changed: comments, spacing and the other keys are kept.
    expect(diffLines(manifest.before, manifest.after)).toEqual([
      [
        'base64 = { version = "0.21", default-features = false } # pinned long ago',
        'base64 = { version = "0.22", default-features = false } # pinned long ago'
      ]
    ])
    expect(fix.diff).toMatchObject({ line: 10 })
  })

  it('a requirement inherited from [workspace.dependencies] is raised there, comments kept', async () => {
    const { section, files } = await fixesFor(fx('duplicates-workspace-dep'))
    expect(section.fixes.map(f => [f.crate, f.from, f.to, f.kind, f.manifest, f.verified])).toEqual([
      ['base64', '0.21.7', '0.22.1', 'manifest', 'Cargo.toml', true]
    ])
    const root = files.find(f => f.path === 'Cargo.toml')!
    expect(diffLines(root.before, root.after)).toEqual([
      ['base64 = "0.21" # the tools\' encoding', 'base64 = "0.22" # the tools\' encoding']
    ])
    expect(files.map(f => f.path).sort()).toEqual(['Cargo.lock', 'Cargo.toml'])
  })

  it("reports `not verified` with rustc's errors when the code does not compile with it", async () => {
    const { section, findings, files } = await fixesFor(fx('duplicates-incompatible'))
    const [fix] = section.fixes
    expect(fix).toMatchObject({
      crate: 'base64',
      from: '0.21.7',
      to: '0.22.1',
      kind: 'manifest',
      verified: false
    })
    expect(fix.reason).toBe('2 compile errors in toka-tools (cargo check)')
    expect(fix.errors).toHaveLength(2)
    expect(fix.errors[0]).toMatch(/^error\[E0425\]: cannot find function `encode` in crate `base64`/)
    expect(fix.errors[0]).toContain('crates/toka-tools/src/lib.rs:3')
    expect(findings.map(f => [f.code, f.severity])).toEqual([['fix-available', 'warn']])
    expect(files).toEqual([]) // nothing unverified is ever offered for applying
  })

  it('a third-party crate holding it is updated within its requirement when a release accepts the newer version', async () => {
    const { section, files } = await fixesFor(fx('holder'))
    expect(section.fixes.map(f => [f.crate, f.from, f.to, f.kind, f.command, f.verified])).toEqual([
      ['hyper-util', '0.1.0', '0.1.1', 'lock', 'cargo update -p hyper-util@0.1.0', true]
    ])
    expect(section.fixes[0].lockChanges).toEqual([
      { name: 'base64', from: '0.21.7', to: null },
      { name: 'hyper-util', from: '0.1.0', to: '0.1.1' }
    ])
    expect(files.map(f => f.path)).toEqual(['Cargo.lock'])
  })

  it('a third-party crate holding it with no newer release is named as the upstream blocker', async () => {
    const { section } = await fixesFor(fx('upstream'))
    expect(section.fixes).toEqual([])
    expect(section.blockers.map(b => b.blockedBy)).toEqual([
      'reqwest 0.11.27 requires base64 ^0.21 (toka-net → reqwest 0.11.27 → base64 0.21.7)'
    ])
  })
})

function diffLines(a: string, b: string): [string, string][] {
  const x = a.split('\n')
  const y = b.split('\n')
  return x.flatMap((l, i) => (l === y[i] ? [] : [[l, y[i]] as [string, string]]))
}
