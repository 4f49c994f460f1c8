import { beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { conflictFindingList } from '../src/capabilities/conflicts/findings.js'
import type { ConflictPolicy, ConflictsSection } from '../src/capabilities/conflicts/index.js'
import { foldVerdict } from '../src/findings/fold.js'
import { type ConflictOptions } from '../src/capabilities/conflicts/index.js'
import { buildGraph, formatChain, type DependencyGraph } from '../src/cargo/graph.js'
import type { CargoMetadata } from '../src/cargo/metadata.js'
import { cargoTreeDuplicates, fixture, metadata, DEFAULT_OPTIONS } from './conflicts-fixture.js'

/** The conflicts' findings as the verdict reads them: what blocks, what only warns. */
function conflictFindings(section: ConflictsSection, policy: ConflictPolicy) {
  const v = foldVerdict(conflictFindingList(section, policy))
  return { blocking: v.reasons, warnings: v.warnings }
}

const options: ConflictOptions = { ...DEFAULT_OPTIONS, msrvCheck: 'off' }

const dir = fixture('duplicates')
let meta: CargoMetadata
let graph: DependencyGraph

beforeAll(async () => {
  meta = await metadata(dir)
  graph = buildGraph(meta)
})

const pairs = (section: ReturnType<typeof analyzeConflicts>, includeDev: boolean): string[] =>
  section.duplicates
    .flatMap(d => d.versions.filter(v => includeDev || !v.devOnly).map(v => `${d.name}@${v.version}`))
    .sort()

describe('duplicate versions on the host graph', () => {
  it('finds base64 at 0.21.7 and 0.22.1 with the chain that pulls in each', () => {
    const section = analyzeConflicts(meta, graph, options)
    expect(section.duplicates.map(d => d.name)).toEqual(['base64'])
    const [base64] = section.duplicates
    expect(base64.versions.map(v => [v.version, formatChain(v.chain), v.member])).toEqual([
      ['0.21.7', 'toka-tools → reqwest 0.11.27 → base64 0.21.7', 'toka-tools'],
      ['0.22.1', 'toka-core → base64 0.22.1', 'toka-core']
    ])
    expect(base64.allowed).toBe(false)
  })

  it('agrees with cargo tree -d -e no-dev on the same fixture', async () => {
    const section = analyzeConflicts(meta, graph, options)
    expect(pairs(section, false)).toEqual(await cargoTreeDuplicates(dir, ['-e', 'no-dev']))
  })

  it('counts a duplicate reached only through a dev-dependency only with include-dev, like cargo tree -d', async () => {
    const section = analyzeConflicts(meta, graph, { ...options, duplicateVersionsIncludeDev: true })
    const memchr = section.duplicates.find(d => d.name === 'memchr')!
    expect(memchr.versions.map(v => [v.version, formatChain(v.chain), v.devOnly])).toEqual([
      ['1.0.2', 'toka-core -dev→ testkit 0.1.0 → memchr 1.0.2', true],
      ['2.7.4', 'toka-core → memchr 2.7.4', false]
    ])
    expect(pairs(section, true)).toEqual(await cargoTreeDuplicates(dir, []))
    expect(analyzeConflicts(meta, graph, options).duplicates.some(d => d.name === 'memchr')).toBe(false)
  })

  it('leaves out a duplicate that exists only for another target (cfg(windows))', async () => {
    // The fixture does hold itoa twice: cargo sees it for every target.
    expect(await cargoTreeDuplicates(dir, [], 'all')).toContain('itoa@0.4.8')
    const section = analyzeConflicts(meta, graph, { ...options, duplicateVersionsIncludeDev: true })
    expect(section.duplicates.some(d => d.name === 'itoa')).toBe(false)
  })
})

describe('duplicate policy', () => {
  it('warns by default, blocks with deny, says nothing with allow', () => {
    const findings = (duplicateVersions: ConflictOptions['duplicateVersions']) => {
      const o = { ...options, duplicateVersions }
      return conflictFindings(analyzeConflicts(meta, graph, o), o)
    }
    const warn = findings('warn')
    expect(warn.blocking).toEqual([])
    expect(warn.warnings.map(w => w.code)).toEqual(['duplicate-versions'])
    expect(warn.warnings[0].message).toContain(
      'base64 resolves to 2 versions: 0.21.7 via toka-tools → reqwest 0.11.27 → base64 0.21.7'
    )
    expect(findings('deny').blocking.map(b => b.code)).toEqual(['duplicate-versions'])
    expect(findings('allow')).toEqual({ blocking: [], warnings: [] })
  })

  it('blocks a single-version crate at two versions even when allow-duplicates lists it', () => {
    const o = { ...options, singleVersionCrates: ['base64', 'memchr'], allowDuplicates: ['base64'] }
    const section = analyzeConflicts(meta, graph, o)
    expect(section.singleVersionViolations).toEqual([{ name: 'base64', versions: ['0.21.7', '0.22.1'] }])
    const { blocking } = conflictFindings(section, o)
    expect(blocking).toEqual([
      {
        code: 'single-version',
        message:
          'base64 must resolve to one version (single-version-crates) but resolves to 0.21.7 and 0.22.1'
      }
    ])
  })

  it('exempts allow-duplicates names, keeps them listed, and reports entries that match nothing', () => {
    const o = {
      ...options,
      duplicateVersions: 'deny' as const,
      allowDuplicates: ['base64', 'serde', 'memchr']
    }
    const section = analyzeConflicts(meta, graph, o)
    expect(section.duplicates.map(d => [d.name, d.allowed])).toEqual([['base64', true]])
    // memchr is duplicated through a dev-dependency: the entry is not stale, it matters with include-dev.
    expect(section.staleAllowEntries).toEqual(['serde'])
    const { blocking, warnings } = conflictFindings(section, o)
    expect(blocking).toEqual([])
    expect(warnings).toEqual([
      {
        code: 'stale-allow',
        message: 'allow-duplicates lists serde, which is not resolved at several versions; remove the entry'
      }
    ])
  })
})
