import { beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { type ConflictOptions } from '../src/capabilities/conflicts/index.js'
import { conflictFindingList } from '../src/capabilities/conflicts/findings.js'
import { conflictsMarkdown, conflictsText } from '../src/capabilities/conflicts/render.js'
import type { ConflictsSection } from '../src/capabilities/conflicts/index.js'
import { fixture, metadata } from './conflicts-fixture.js'

const options: ConflictOptions = {
  toolchain: '1.95.0',
  duplicateVersions: 'warn',
  duplicateVersionsIncludeDev: false,
  allowDuplicates: [],
  singleVersionCrates: ['base64'],
  msrvCheck: 'warn',
  msrvCheckIncludeDev: false
}

let duplicates: ConflictsSection
let msrv: ConflictsSection

beforeAll(async () => {
  duplicates = analyzeConflicts(await metadata(fixture('duplicates')), null, {
    ...options,
    allowDuplicates: ['serde']
  })
  const dir = fixture('msrv')
  const meta = await metadata(dir)
  msrv = analyzeConflicts(meta, null, options)
})

describe('conflicts in the job summary', () => {
  it('shows each duplicate with its versions, the chain per version and what it does to the verdict', () => {
    const md = conflictsMarkdown(duplicates, conflictFindingList(duplicates, options))
    expect(md).toContain('### Dependency conflicts')
    expect(md).toContain('| crate | versions | chain per version | verdict impact |')
    expect(md).toContain(
      '| `base64` | 0.21.7, 0.22.1 | 0.21.7: toka-tools → reqwest 0.11.27 → base64 0.21.7<br>0.22.1: toka-core → base64 0.22.1 | blocks (single-version-crates) |'
    )
    expect(md).toContain('- `allow-duplicates` entry `serde` matches no duplicate; remove it.')
  })

  it('shows what each package needs, what the workspace has, and the fix', () => {
    const md = conflictsMarkdown(msrv, conflictFindingList(msrv, options))
    expect(md).toContain(
      "| `base64ct` 1.8.0 | 1.85 (rust-version) | 1.80 (toka-auth's rust-version) | toka-auth → password-hash 0.5.0 → base64ct 1.8.0 | warns | pin base64ct"
    )
    expect(md).toContain(
      '| `toka-next` 0.1.0 | 1.85 (edition 2024) | 1.80 ([workspace.package] rust-version) | toka-next | warns |'
    )
  })

  it('says so when there is nothing', () => {
    const empty = {
      duplicates: [],
      singleVersionViolations: [],
      staleAllowEntries: [],
      rustVersion: [],
      cargoRefusals: []
    }
    expect(conflictsMarkdown(empty, [])).toContain('No duplicate versions')
    expect(conflictsText(empty, [])).toBe('Dependency conflicts: none')
  })
})

describe('conflicts on the terminal', () => {
  it('lists each conflict with its chains and fixes', () => {
    expect(conflictsText(msrv, conflictFindingList(msrv, options)).split('\n')).toEqual([
      'Dependency conflicts:',
      "  base64ct 1.8.0 needs Rust 1.85 (rust-version), toka-auth's rust-version is 1.80 — warns",
      '    toka-auth → password-hash 0.5.0 → base64ct 1.8.0',
      '    fix: pin base64ct to a version that supports Rust 1.80: `cargo update -p base64ct@1.8.0 --precise <older version>`',
      '    fix: or raise rust-version to 1.85 in [workspace.package]',
      '  toka-next 0.1.0 needs Rust 1.85 (edition 2024), [workspace.package] rust-version is 1.80 — warns',
      '    toka-next',
      '    fix: raise rust-version of toka-next to 1.85',
      '    fix: or use an edition that Rust 1.80 supports in toka-next'
    ])
    expect(
      conflictsText(duplicates, conflictFindingList(duplicates, { ...options, duplicateVersions: 'deny' }))
    ).toContain(
      '  base64 (0.21.7, 0.22.1) — blocks (single-version-crates)\n    0.21.7: toka-tools → reqwest 0.11.27 → base64 0.21.7'
    )
  })
})
