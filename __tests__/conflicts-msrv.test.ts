import { beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { conflictFindingList } from '../src/capabilities/conflicts/findings.js'
import type { ConflictPolicy, ConflictsSection } from '../src/capabilities/conflicts/index.js'
import { foldVerdict } from '../src/findings/fold.js'
import { type ConflictOptions } from '../src/capabilities/conflicts/index.js'
import { buildGraph, formatChain, type DependencyGraph } from '../src/cargo/graph.js'
import { requirementOf } from '../src/capabilities/conflicts/rust-version.js'
import type { CargoMetadata } from '../src/cargo/metadata.js'
import { cargo, fixture, host, metadata, msrvOf } from './conflicts-fixture.js'
import { readMemberDeps } from '../src/capabilities/conflicts/member-deps.js'
import { runProcess } from '../src/cargo/process.js'
import type { ProcessRunner } from '../src/cargo/phase.js'

/** The conflicts' findings as the verdict reads them: what blocks, what only warns. */
function conflictFindings(section: ConflictsSection, policy: ConflictPolicy) {
  const v = foldVerdict(conflictFindingList(section, policy))
  return { blocking: v.reasons, warnings: v.warnings }
}

const dir = fixture('msrv')
let meta: CargoMetadata
let graph: DependencyGraph
let options: ConflictOptions

beforeAll(async () => {
  meta = await metadata(dir)
  graph = buildGraph(meta)
  options = {
    toolchain: (await host()).release,
    duplicateVersions: 'warn',
    duplicateVersionsIncludeDev: false,
    allowDuplicates: [],
    singleVersionCrates: [],
    msrvCheck: 'deny',
    msrvCheckIncludeDev: false
  }
})

describe('rust-version and edition against the workspace MSRV', () => {
  it('builds fine with the installed toolchain, so only the MSRV promise is broken', async () => {
    expect(msrvOf(dir, meta)).toBe('1.80')
    const check = await cargo(dir, ['check', '--offline', '--workspace'])
    expect(check.exitCode).toBe(0)
    const section = analyzeConflicts(meta, graph, options)
    expect(section.rustVersion.filter(f => f.against === 'toolchain')).toEqual([])
  })

  it('names the member, the edition-2024 dependency, 1.85 and 1.80, and how to fix it', () => {
    const section = analyzeConflicts(meta, graph, options)
    const base64ct = section.rustVersion.find(f => f.name === 'base64ct')!
    expect(base64ct).toMatchObject({
      version: '1.8.0',
      requires: '1.85',
      requiresBecause: 'rust-version',
      edition: '2024',
      against: 'msrv',
      have: '1.80',
      member: 'toka-auth'
    })
    expect(formatChain(base64ct.chain)).toBe('toka-auth → password-hash 0.5.0 → base64ct 1.8.0')
    expect(base64ct.fixes).toEqual([
      'pin base64ct to a version that supports Rust 1.80: `cargo update -p base64ct@1.8.0 --precise <older version>`',
      'or raise rust-version to 1.85 in [workspace.package]'
    ])
    const { blocking } = conflictFindings(section, options)
    expect(blocking.find(b => b.message.startsWith('base64ct'))?.message).toBe(
      "base64ct 1.8.0 needs Rust 1.85 (its rust-version) but toka-auth's rust-version is 1.80, pulled in by " +
        'toka-auth → password-hash 0.5.0 → base64ct 1.8.0. Fix: ' +
        base64ct.fixes.join('; ')
    )
  })

  it('checks workspace members too: an edition-2024 member under a 1.80 MSRV', () => {
    const section = analyzeConflicts(meta, graph, options)
    const member = section.rustVersion.find(f => f.name === 'toka-next')!
    expect(member).toMatchObject({
      requires: '1.85',
      requiresBecause: 'edition',
      have: '1.80',
      member: 'toka-next'
    })
    expect(member.fixes[0]).toBe('raise rust-version of toka-next to 1.85')
    // Nothing else in the graph needs more than 1.80.
    expect(section.rustVersion.map(f => f.name).sort()).toEqual(['base64ct', 'toka-next'])
  })

  it('compares with the toolchain as well, counting a nightly as its release', () => {
    const old = analyzeConflicts(meta, graph, { ...options, toolchain: '1.84.1' })
    expect(old.rustVersion.filter(f => f.against === 'toolchain').map(f => [f.name, f.have])).toEqual([
      ['base64ct', '1.84.1'],
      ['toka-next', '1.84.1']
    ])
    const nightly = analyzeConflicts(meta, graph, { ...options, toolchain: '1.85.0-nightly' })
    expect(nightly.rustVersion.filter(f => f.against === 'toolchain')).toEqual([])
  })

  it('follows msrv-check: deny blocks, warn warns, off skips the pass', () => {
    const run = (msrvCheck: ConflictOptions['msrvCheck']) => {
      const o = { ...options, msrvCheck }
      return conflictFindings(analyzeConflicts(meta, graph, o), o)
    }
    expect(run('deny').blocking.map(b => b.code)).toEqual(['msrv', 'msrv'])
    expect(run('warn')).toMatchObject({ blocking: [], warnings: [{ code: 'msrv' }, { code: 'msrv' }] })
    expect(analyzeConflicts(meta, graph, { ...options, msrvCheck: 'off' }).rustVersion).toEqual([])
  })

  it('takes the higher of rust-version and what the edition needs', () => {
    expect(requirementOf({ edition: '2024', rust_version: '1.80' })).toEqual({
      requires: '1.85',
      because: 'edition'
    })
    expect(requirementOf({ edition: '2021', rust_version: '1.70' })).toEqual({
      requires: '1.70',
      because: 'rust-version'
    })
    expect(requirementOf({ edition: '2021', rust_version: null })).toEqual({
      requires: '1.56',
      because: 'edition'
    })
    expect(requirementOf({ edition: '2018', rust_version: '1.31' })).toEqual({
      requires: '1.31',
      because: 'rust-version'
    })
  })
})

describe('what each member builds, asked of cargo tree', () => {
  it('only suspect members, once (twice with include-dev); a dependency it builds stays not dev-only', async () => {
    const calls: string[] = []
    const run: ProcessRunner = (program, args, o) => {
      if (args.includes('tree')) calls.push(args.slice(args.indexOf('-e'), args.indexOf('-e') + 2).join(' '))
      return runProcess(program, args, o)
    }
    const ports = { run, cwd: dir, host: (await host()).triple, toolchain: null }
    const plain = await readMemberDeps(graph, false, ports)
    // toka-auth pulls base64ct (1.85) under its 1.80; toka-next, held to 1.80 on its own edition, pulls nothing.
    expect(calls).toEqual(['-e normal,build'])
    calls.length = 0
    const withDev = await readMemberDeps(graph, true, ports)
    expect(calls).toEqual(['-e normal,build', '-e normal,build,dev'])
    for (const { deps } of [plain, withDev]) {
      const section = analyzeConflicts(meta, graph, {
        ...options,
        msrvCheckIncludeDev: true,
        memberDeps: deps
      })
      expect(section.rustVersion.find(f => f.name === 'base64ct' && f.against === 'msrv')).toMatchObject({
        member: 'toka-auth',
        devOnly: false
      })
    }
  })
})
