// The fix search on the workspace of real crates shaped like serde's (see conflicts-real-workspace):
// it never writes a rust-version cargo refuses, and it unifies the path crate with its crates.io copy
// through [patch.crates-io], verified by building, with cargo's own view of the result as the oracle.
import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'smol-toml'
import { rustVersionFloor, setRustVersion } from '../src/capabilities/fixes/resolver-msrv.js'
import { addPatch } from '../src/capabilities/fixes/propose-patch.js'
import { diffLocks } from '../src/capabilities/fixes/lockfile.js'
import { fixesMarkdown, fixesText } from '../src/capabilities/fixes/render.js'
import { fixFindings } from '../src/capabilities/fixes/findings.js'
import { fixPrBody } from '../src/capabilities/fix-pr/pr-body.js'
import { cargo, DEFAULT_OPTIONS, fixture, host, metadata } from './conflicts-fixture.js'
import { analyzeConflicts, type ConflictOptions } from '../src/capabilities/conflicts/analyze.js'
import { conflictFindingList } from '../src/capabilities/conflicts/findings.js'
import { conflictsWeighing, planCandidates } from '../src/capabilities/fixes/plan.js'
import { fixesFor } from './fixes-fixture.js'

const dir = fixture('serde-workspace')

/** A copy of the fixture to change, without its target directory. */
function copyOf(): { root: string; dispose: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), 'serde-ws-'))
  const root = path.join(base, 'ws')
  cpSync(dir, root, { recursive: true, filter: src => path.basename(src) !== 'target' })
  return { root, dispose: () => rmSync(base, { recursive: true, force: true }) }
}

describe('the rust-version the search writes for the resolve', () => {
  it("is never below what a member's edition needs: cargo refuses 1.13 on edition 2018 and takes 1.31", async () => {
    const { root, dispose } = copyOf()
    try {
      const suite = path.join(root, 'test_suite', 'Cargo.toml')
      const original = readFileSync(suite, 'utf8')
      // What the search used to write: the workspace's lowest rust-version.
      writeFileSync(suite, setRustVersion(original, '1.13.0')!)
      const refused = await cargo(root, ['metadata', '--offline', '--format-version', '1', '--no-deps'])
      expect(refused.exitCode).not.toBe(0)
      expect(refused.stderr).toMatch(/rust-version 1\.13\.0 is (incompatible with|older than).*1\.31/)
      const floor = rustVersionFloor('2018', '1.13.0')
      expect(floor).toBe('1.31.0')
      writeFileSync(suite, setRustVersion(original, floor)!)
      const taken = await cargo(root, ['metadata', '--offline', '--format-version', '1', '--no-deps'])
      expect(taken.exitCode).toBe(0)
    } finally {
      dispose()
    }
  })

  it('replaces a stated or inherited rust-version, or adds one under [package]', () => {
    const read = (t: string | null) =>
      (parse(t!) as { package: Record<string, unknown> }).package['rust-version']
    expect(read(setRustVersion('[package]\nname = "a"\nrust-version = "1.13"\n', '1.31.0'))).toBe('1.31.0')
    expect(read(setRustVersion('[package]\nname = "a"\nrust-version.workspace = true\n', '1.56.0'))).toBe(
      '1.56.0'
    )
    expect(read(setRustVersion('# c\n[package] # p\nname = "a"\n\n[dependencies]\n', '1.85.0'))).toBe(
      '1.85.0'
    )
    expect(setRustVersion('[workspace]\nmembers = []\n', '1.85.0')).toBeNull()
    expect(rustVersionFloor('2024', '1.80.0')).toBe('1.85.0')
    expect(rustVersionFloor('2015', '1.13.0')).toBe('1.13.0')
  })
})

describe('the fix search on the real workspace', () => {
  it('with include-dev, every MSRV finding ends in a blocker naming the member, never fix-search-failed', async () => {
    const { section, findings } = await fixesFor(dir, { msrvCheckIncludeDev: true })
    expect(section.failure).toBeNull()
    expect(findings.map(f => f.code)).not.toContain('fix-search-failed')
    expect(section.fixes).toEqual([])
    // One per registry crate (serde_derive is a member: no lock change moves it); the strictest
    // rust-version (1.13) first. No release of them supports it.
    expect(section.blockers.map(b => [b.target.crate, b.blockedBy])).toEqual([
      ['proc-macro2', 'serde_derive 1.0.152 requires proc-macro2 ^1.0'],
      ['unicode-ident', 'proc-macro2 1.0.47 requires unicode-ident ^1.0'],
      ['quote', 'serde_derive 1.0.152 requires quote ^1.0'],
      ['syn', 'serde_derive 1.0.152 requires syn ^1.0.104']
    ])
    expect(section.blockers[0].unblock).toMatch(/^raise serde's rust-version to 1\.31, or /)
  })

  it('one serde from two sources: [patch.crates-io] in the root Cargo.toml, verified; cargo then resolves one serde', async () => {
    const { section, files } = await fixesFor(dir, {
      duplicateVersions: 'deny',
      duplicateVersionsIncludeDev: true,
      msrvCheck: 'off'
    })
    expect(section.failure).toBeNull()
    expect(section.fixes.map(f => [f.crate, f.from, f.to, f.kind, f.manifest, f.verified, f.reason])).toEqual(
      [['serde', '1.0.152', '1.0.152', 'patch', 'Cargo.toml', true, '']]
    )
    expect(section.fixes[0].diff).toMatchObject({
      before: '',
      after: '[patch.crates-io]\nserde = { path = "serde" }'
    })
    expect(section.fixes[0].lockChanges).toEqual([{ name: 'serde', from: '1.0.152', to: null }])
    expect(files.map(f => f.path).sort()).toEqual(['Cargo.lock', 'Cargo.toml'])
    // Shown as the lines to add, wherever the fix is read.
    const line = section.fixes[0].diff!.line
    // Markdown: the brackets escaped, so that no link is read into them.
    expect(fixesMarkdown(section)).toContain(
      `- ✅ verified: serde 1.0.152: one crate from two sources; \\[patch.crates-io\\] in Cargo.toml makes them one (fixes duplicate-versions serde 1.0.152)`
    )
    expect(fixesMarkdown(section)).toContain(
      `@@ line ${line} @@\n  +[patch.crates-io]\n  +serde = { path = "serde" }`
    )
    expect(fixesText(section)).toContain(
      `      Cargo.toml:${line}\n      + [patch.crates-io]\n      + serde = { path = "serde" }`
    )
    expect(fixPrBody(section)).toContain(
      `  - how: at line ${line}, add \`[patch.crates-io] serde = { path = "serde" }\``
    )
    expect(fixFindings(section)[0].message).toMatch(
      /^duplicate-versions serde 1\.0\.152: adding `\[patch\.crates-io\] serde = \{ path = "serde" \}` to Cargo\.toml .* verified/
    )

    // Applied to a copy: cargo tree -d no longer shows crates.io's serde, and one serde package is resolved.
    const { root, dispose } = copyOf()
    try {
      for (const f of files) writeFileSync(path.join(root, f.path), f.after)
      const { triple } = await host()
      const tree = await cargo(root, ['tree', '--offline', '--locked', '-d', '--target', triple])
      expect(tree.exitCode).toBe(0)
      // Only the workspace's serde is left (cargo tree -d may still list it twice: built for the host and the target).
      const roots = tree.stdout.split('\n').filter(l => l.startsWith('serde v'))
      expect(new Set(roots)).toEqual(new Set([`serde v1.0.152 (${path.join(root, 'serde')})`]))
      const meta = await cargo(root, ['metadata', '--offline', '--locked', '--format-version', '1'])
      const packages = (JSON.parse(meta.stdout) as { packages: { name: string; source: string | null }[] })
        .packages
      expect(packages.filter(p => p.name === 'serde').map(p => p.source)).toEqual([null])
    } finally {
      dispose()
    }
  }, 600_000) // a cold check and test build of serde, serde_derive and syn in the scratch copy
})

describe('addPatch', () => {
  it('adds the table, or a line under an existing one; leaves an existing patch of the crate alone', () => {
    const base = '[workspace]\nmembers = ["serde"]\n'
    expect(addPatch(base, 'serde', 'serde')).toEqual({
      text: `${base}\n[patch.crates-io]\nserde = { path = "serde" }\n`,
      line: 4,
      added: '[patch.crates-io]\nserde = { path = "serde" }'
    })
    const withTable = `${base}\n[patch.crates-io] # local forks\nitoa = { path = "../itoa" }\n`
    const edited = addPatch(withTable, 'serde', 'crates/serde')!
    expect(edited.line).toBe(5)
    expect(parse(edited.text)).toEqual({
      workspace: { members: ['serde'] },
      patch: { 'crates-io': { itoa: { path: '../itoa' }, serde: { path: 'crates/serde' } } }
    })
    expect(addPatch(`${base}\n[patch.crates-io]\nserde = { git = "x" }\n`, 'serde', 'serde')).toBeNull()
    // Declared without a [patch.crates-io] header: left to a person.
    expect(addPatch(`patch.crates-io.itoa = { path = "i" }\n${base}`, 'serde', 'serde')).toBeNull()
  })
})

describe('diffLocks', () => {
  it('counts one version locked from two sources as two: the patch removes one', () => {
    const pkg = (source?: string) =>
      `[[package]]\nname = "serde"\nversion = "1.0.152"\n${source ? `source = "${source}"\n` : ''}`
    const before = `version = 4\n\n${pkg()}\n${pkg('registry+https://github.com/rust-lang/crates.io-index')}`
    expect(diffLocks(before, `version = 4\n\n${pkg()}`)).toEqual([
      { name: 'serde', from: '1.0.152', to: null }
    ])
    expect(diffLocks(before, before)).toEqual([])
  })
})

describe('which conflicts the search answers', () => {
  it('those whose conflict finding blocks (fix-search auto), or warns too (true): read from the findings', async () => {
    const meta = await metadata(dir)
    const plan = (options: ConflictOptions, all: boolean) => {
      const section = analyzeConflicts(meta, null, options)
      const weights = all ? (['block', 'warn'] as const) : (['block'] as const)
      const targets = conflictsWeighing(section, conflictFindingList(section, options), weights)
      return planCandidates(targets, options).map(c => [c.kind, c.target.code, c.target.crate])
    }
    const strict = { ...DEFAULT_OPTIONS, duplicateVersionsIncludeDev: true, msrvCheck: 'off' as const }
    expect(plan({ ...strict, duplicateVersions: 'deny' }, false)).toEqual([
      ['patch', 'duplicate-versions', 'serde']
    ])
    // Only warns: auto leaves it, true takes it.
    expect(plan({ ...strict, duplicateVersions: 'warn' }, false)).toEqual([])
    expect(plan({ ...strict, duplicateVersions: 'warn' }, true)).toEqual([
      ['patch', 'duplicate-versions', 'serde']
    ])
    // Without include-dev the registry copy (a dev-dependency's) is no conflict at all.
    expect(plan({ ...strict, duplicateVersions: 'deny', duplicateVersionsIncludeDev: false }, true)).toEqual(
      []
    )
    // allow-duplicates exempts it: the finding is `allowed`, so there is nothing to fix.
    expect(plan({ ...strict, duplicateVersions: 'deny', allowDuplicates: ['serde'] }, true)).toEqual([])
  })
})
