import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { type ConflictOptions } from '../src/capabilities/conflicts/index.js'
import { findDependencyLine, findPackageKeyLine } from '../src/cargo/manifest-lines.js'
import { conflictFindingList } from '../src/capabilities/conflicts/findings.js'
import { conflictAnnotations } from '../src/capabilities/conflicts/render.js'
import { fixture, FIXTURES, host, metadata } from './conflicts-fixture.js'

const repoRoot = path.resolve(FIXTURES, '../..')
const options: ConflictOptions = {
  toolchain: null,
  duplicateVersions: 'deny',
  duplicateVersionsIncludeDev: false,
  allowDuplicates: [],
  singleVersionCrates: [],
  msrvCheck: 'deny',
  msrvCheckIncludeDev: false
}

const lineOf = (file: string, line: number | undefined): string =>
  readFileSync(path.join(repoRoot, file), 'utf8').split('\n')[(line ?? 0) - 1]?.trim()

describe('annotations point at the member Cargo.toml line', () => {
  it('duplicates: the `[dependencies.reqwest]` table and the plain `base64 = …` key', async () => {
    const section = analyzeConflicts(await metadata(fixture('duplicates')), null, options)
    const annotations = conflictAnnotations(section, repoRoot, options, conflictFindingList(section, options))
    expect(annotations.map(a => [a.level, a.file, lineOf(a.file!, a.startLine)])).toEqual([
      ['error', '__fixtures__/conflicts/duplicates/crates/toka-tools/Cargo.toml', '[dependencies.reqwest]'],
      ['error', '__fixtures__/conflicts/duplicates/crates/toka-core/Cargo.toml', 'base64 = "0.22"']
    ])
    expect(annotations[0].message).toBe(
      'base64 0.21.7 arrives through toka-tools → reqwest 0.11.27 → base64 0.21.7; base64 also resolves to 0.22.1.'
    )
  })

  it('dev-only duplicates with include-dev: the line in [dev-dependencies]', async () => {
    const o = { ...options, duplicateVersions: 'warn' as const, duplicateVersionsIncludeDev: true }
    const section = analyzeConflicts(await metadata(fixture('duplicates')), null, o)
    const memchr = conflictAnnotations(section, repoRoot, o, conflictFindingList(section, o)).filter(a =>
      a.title.startsWith('memchr')
    )
    expect(memchr.map(a => [a.level, lineOf(a.file!, a.startLine)])).toEqual([
      ['warning', 'testkit = "0.1"'],
      ['warning', 'memchr = { version = "2" }']
    ])
  })

  it('rust version: the target-specific dependency line, and the edition line of a member', async () => {
    const dir = fixture('msrv')
    const meta = await metadata(dir)
    const o = { ...options, toolchain: (await host()).release }
    const section = analyzeConflicts(meta, null, o)
    const annotations = conflictAnnotations(section, repoRoot, o, conflictFindingList(section, o))
    expect(annotations.map(a => [a.title, a.file, lineOf(a.file!, a.startLine)])).toEqual([
      [
        'base64ct 1.8.0 needs Rust 1.85',
        '__fixtures__/conflicts/msrv/crates/toka-auth/Cargo.toml',
        'password-hash = "0.5"'
      ],
      [
        'toka-next 0.1.0 needs Rust 1.85',
        '__fixtures__/conflicts/msrv/crates/toka-next/Cargo.toml',
        'edition = "2024"'
      ]
    ])
    // Both cfg tables declare it; the first one in the file is shown (cargo's dep_kinds list both targets).
    expect(annotations[0].startLine).toBe(12)
  })
})

describe('finding the declaring line', () => {
  const manifest = [
    '[package]', //                                         1
    'name = "m"', //                                        2
    'edition.workspace = true', //                          3
    '', //                                                  4
    '[dependencies]', //                                    5
    'b64 = { package = "base64", version = "0.21" }', //   6
    'itoa.workspace = true', //                             7
    '"quoted-name" = "1"', //                               8
    '', //                                                  9
    '[target."cfg(windows)".dependencies.windows-glue]', // 10
    'version = "0.1"', //                                   11
    '', //                                                  12
    '[build-dependencies]', //                              13
    'cc = "1"', //                                          14
    '', //                                                  15
    '[dev-dependencies]', //                                16
    'base64 = "0.22"' //                                    17
  ].join('\n')

  it('handles renames, workspace = true, quoted keys, target tables and the section of the edge kind', () => {
    expect(findDependencyLine(manifest, 'base64', 'normal')).toBe(6)
    expect(findDependencyLine(manifest, 'base64', 'dev')).toBe(17)
    expect(findDependencyLine(manifest, 'itoa', 'normal')).toBe(7)
    expect(findDependencyLine(manifest, 'quoted-name', 'normal')).toBe(8)
    expect(findDependencyLine(manifest, 'windows-glue', 'normal')).toBe(10)
    expect(findDependencyLine(manifest, 'cc', 'build')).toBe(14)
    // Declared under another kind only: still the best line to show.
    expect(findDependencyLine(manifest, 'cc', 'normal')).toBe(14)
    expect(findPackageKeyLine(manifest, 'edition')).toBe(3)
  })

  it('gives null when the dependency is not declared or the manifest does not parse', () => {
    expect(findDependencyLine(manifest, 'serde', 'normal')).toBeNull()
    expect(findDependencyLine(manifest, 'b64', 'normal')).toBeNull()
    expect(findDependencyLine('[dependencies\nbase64 = "1"', 'base64', 'normal')).toBeNull()
  })
})
