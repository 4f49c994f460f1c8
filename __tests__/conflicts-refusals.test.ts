import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { conflictFindingList } from '../src/capabilities/conflicts/findings.js'
import type { ConflictPolicy, ConflictsSection } from '../src/capabilities/conflicts/index.js'
import { foldVerdict } from '../src/findings/fold.js'
import { type ConflictOptions } from '../src/capabilities/conflicts/index.js'
import { parseCargoRefusals } from '../src/cargo/refusals.js'
import { cargo, fixture, FIXTURES, host, metadata, DEFAULT_OPTIONS } from './conflicts-fixture.js'

/** The conflicts' findings as the verdict reads them: what blocks, what only warns. */
function conflictFindings(section: ConflictsSection, policy: ConflictPolicy) {
  const v = foldVerdict(conflictFindingList(section, policy))
  return { blocking: v.reasons, warnings: v.warnings }
}

const dir = fixture('rust-version-too-new')
const sample = (name: string): string =>
  readFileSync(path.join(FIXTURES, '../captured/cargo-refusals', name), 'utf8')

const options: ConflictOptions = { ...DEFAULT_OPTIONS, msrvCheck: 'deny' }

describe('cargo refuses a dependency whose rust-version is above the toolchain', () => {
  it('reads the crates, versions and requirement from real cargo check stderr', async () => {
    const { release } = await host()
    const run = await cargo(dir, ['check', '--offline', '--workspace', '--message-format=json'])
    expect(run.exitCode).toBe(101)
    expect(parseCargoRefusals(run.stderr)).toEqual([
      {
        crate: 'nextgen-fmt',
        version: '0.1.0',
        requires: '1.99',
        message: `cargo refused to build: nextgen-fmt 0.1.0 requires rustc 1.99, the active rustc is ${release}`
      },
      {
        crate: 'nextgen-io',
        version: '0.3.0',
        requires: '1.99',
        message: `cargo refused to build: nextgen-io 0.3.0 requires rustc 1.99, the active rustc is ${release}`
      }
    ])
  })

  it('blocks on the refusal, and the graph pass names the same crates with the member that pulls them in', async () => {
    const { release } = await host()
    const run = await cargo(dir, ['check', '--offline', '-p', 'toka-io'])
    const o = { ...options, toolchain: release, cargoErrors: [run.stderr] }
    const section = analyzeConflicts(await metadata(dir), null, o)
    expect(section.cargoRefusals.map(r => `${r.crate}@${r.version}`)).toEqual(['nextgen-io@0.3.0'])
    const toolchain = section.rustVersion.filter(f => f.against === 'toolchain')
    expect(toolchain.map(f => [f.name, f.version, f.requires, f.have, f.member])).toEqual([
      ['nextgen-fmt', '0.1.0', '1.99', release, 'toka-fmt'],
      ['nextgen-io', '0.3.0', '1.99', release, 'toka-fmt']
    ])
    // The refusal of a crate the graph pass already explains is not said twice…
    const { blocking } = conflictFindings(section, o)
    expect(blocking.map(b => b.code).sort()).toEqual(['msrv', 'msrv'])
    // …but it still blocks when the msrv check only warns: cargo did refuse to build.
    const relaxed = conflictFindings(section, { ...o, msrvCheck: 'warn' })
    expect(relaxed.blocking.map(b => b.code)).toEqual(['cargo-refused'])
  })

  it('reports only the refusals when cargo metadata itself failed', () => {
    const section = analyzeConflicts(null, null, {
      ...options,
      cargoErrors: [sample('edition2024-metadata-cargo-1.75.txt')]
    })
    expect(section.duplicates).toEqual([])
    expect(section.cargoRefusals.map(r => r.crate)).toEqual(['base64ct'])
  })
})

describe('captured refusal wordings', () => {
  it('cargo 1.95, one package and several', () => {
    expect(parseCargoRefusals(sample('rust-version-package-cargo-1.95.txt'))).toEqual([
      {
        crate: 'nextgen-io',
        version: '0.3.0',
        requires: '1.99',
        message: 'cargo refused to build: nextgen-io 0.3.0 requires rustc 1.99, the active rustc is 1.95.0'
      }
    ])
    expect(parseCargoRefusals(sample('rust-version-packages-cargo-1.95.txt')).map(r => r.crate)).toEqual([
      'nextgen-fmt',
      'nextgen-io'
    ])
  })

  it('older cargo: `package … cannot be built because it requires rustc …`', () => {
    expect(parseCargoRefusals(sample('rust-version-older-cargo.txt'))).toEqual([
      {
        crate: 'base64ct',
        version: '1.8.0',
        requires: '1.85',
        message: 'cargo refused to build: base64ct 1.8.0 requires rustc 1.85, the active rustc is 1.79.0'
      }
    ])
    expect(parseCargoRefusals(sample('rust-version-path-package-older-cargo.txt'))).toMatchObject([
      { crate: 'toka-edge', version: '0.2.0', requires: '1.99' }
    ])
  })

  it('cargo before 1.85 reading an edition-2024 manifest, through download or metadata', () => {
    expect(parseCargoRefusals(sample('edition2024-cargo-1.82.txt'))).toEqual([
      {
        crate: 'base64ct',
        version: '1.8.0',
        requires: '1.85',
        message:
          'cargo refused to build: base64ct 1.8.0 uses edition 2024, which this Cargo (1.82.0) cannot read; it needs Rust 1.85 or newer'
      }
    ])
    expect(parseCargoRefusals(sample('edition2024-metadata-cargo-1.75.txt'))).toMatchObject([
      { crate: 'base64ct', version: '1.8.0', requires: '1.85' }
    ])
  })

  it('ignores ordinary cargo errors and repeated refusals', () => {
    expect(parseCargoRefusals('error: could not compile `toka-core` (lib) due to 1 previous error')).toEqual(
      []
    )
    const twice =
      sample('rust-version-package-cargo-1.95.txt') + '\n' + sample('rust-version-package-cargo-1.95.txt')
    expect(parseCargoRefusals(twice)).toHaveLength(1)
  })
})
