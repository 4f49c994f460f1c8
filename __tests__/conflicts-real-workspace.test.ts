// The conflict checks on a workspace of real crates shaped like serde's own: serde (rust-version 1.13),
// its proc-macro serde_derive (1.31) over proc-macro2/quote/syn/unicode-ident (1.31), serde_test
// (1.13), a test suite (edition 2018) and a demo (edition 2021) that declare none, and serde_json,
// a dev-dependency, pulling serde 1.0.152 from crates.io beside the workspace's own serde 1.0.152.
// Oracles: cargo tree per member, cargo's MSRV-aware resolver, cargo tree -d.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { analyzeConflicts, type ConflictOptions } from '../src/capabilities/conflicts/analyze.js'
import { conflictFindingList } from '../src/capabilities/conflicts/findings.js'
import { parseTree, readMemberDeps, treeArgs } from '../src/capabilities/conflicts/member-deps.js'
import { requirementOf } from '../src/capabilities/conflicts/rust-version.js'
import { buildGraph, type DependencyGraph } from '../src/cargo/graph.js'
import { normalizeRustVersion, workspaceMembers, type CargoMetadata } from '../src/cargo/metadata.js'
import { runProcess } from '../src/cargo/process.js'
import type { ProcessRunner } from '../src/cargo/phase.js'
import { cargo, DEFAULT_OPTIONS, fixture, host, metadata } from './conflicts-fixture.js'
import * as semver from 'semver'

const dir = fixture('serde-workspace')
let meta: CargoMetadata
let graph: DependencyGraph
let triple: string
let release: string

beforeAll(async () => {
  meta = await metadata(dir)
  graph = buildGraph(meta)
  ;({ triple, release } = await host())
})

async function analyse(overrides: Partial<ConflictOptions> = {}) {
  const options = { ...DEFAULT_OPTIONS, toolchain: release, ...overrides }
  const { deps, notes } = await readMemberDeps(graph, options.msrvCheckIncludeDev, {
    run: runProcess,
    cwd: dir,
    host: triple,
    toolchain: null
  })
  expect(notes).toEqual([])
  const section = analyzeConflicts(meta, graph, { ...options, memberDeps: deps })
  return { section, findings: conflictFindingList(section, options) }
}

const members = () => workspaceMembers(meta)
const withRustVersion = () => members().filter(m => m.rust_version)

/** `cargo tree -p MEMBER`: `name@version` of every package the member builds with these edges. */
async function cargoTreeOf(member: string, edges: string): Promise<string[]> {
  const pkg = members().find(m => m.name === member)!
  const run = await cargo(dir, [
    'tree',
    '--offline',
    '-p',
    pkg.id,
    '-e',
    edges,
    '--prefix',
    'none',
    '--target',
    triple
  ])
  expect(run.exitCode).toBe(0)
  const names = run.stdout
    .split('\n')
    .map(l => /^(\S+) v(\S+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => `${m[1]}@${m[2]}`)
  return [...new Set(names)].filter(n => n !== `${pkg.name}@${pkg.version}`)
}

/** What a package needs, read from its manifest as cargo metadata reports it. */
function needs(nameAtVersion: string): string {
  const [name, version] = nameAtVersion.split('@')
  const pkg = meta.packages.find(p => p.name === name && p.version === version)!
  return requirementOf(pkg)?.requires ?? '1.0'
}

const over = (need: string, have: string) =>
  semver.gt(normalizeRustVersion(need)!, normalizeRustVersion(have)!)

/** Each member with a rust-version, with what cargo tree says it builds above it: `member: name@version`. */
async function expectedViolations(edges: string): Promise<string[]> {
  const out: string[] = []
  for (const m of withRustVersion())
    for (const dep of await cargoTreeOf(m.name, edges))
      if (over(needs(dep), m.rust_version!)) out.push(`${m.name}: ${dep}`)
  return out.sort()
}

/** cargo's MSRV-aware resolver on a copy: the packages it marks `(requires Rust …)`. */
async function resolverMarks(): Promise<string[]> {
  const copy = mkdtempSync(path.join(tmpdir(), 'serde-ws-'))
  const lines: string[] = []
  try {
    cpSync(dir, copy, { recursive: true, filter: src => !src.includes(`${path.sep}target`) })
    rmSync(path.join(copy, 'Cargo.lock'))
    const r = await runProcess('cargo', ['generate-lockfile', '--offline'], {
      cwd: copy,
      env: { CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS: 'fallback', CARGO_TERM_COLOR: 'never' },
      onStderrLine: l => lines.push(l)
    })
    expect(r.exitCode).toBe(0)
    return lines
      .map(l => /Adding (\S+) v(\S+) \(requires Rust ([\d.]+)\)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(m => `${m[1]}@${m[2]}`)
      .sort()
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

describe('the fixture', () => {
  it('is five members: a proc-macro at 1.31, two crates at 1.13, two that declare none', () => {
    expect(
      members()
        .map(m => [m.name, m.rust_version ?? null, m.edition])
        .sort()
    ).toEqual([
      ['serde', '1.13', '2015'],
      ['serde_demo', null, '2021'],
      ['serde_derive', '1.31', '2015'],
      ['serde_test', '1.13', '2015'],
      ['serde_test_suite', null, '2018']
    ])
    const derive = members().find(m => m.name === 'serde_derive')!
    expect(derive.targets.some(t => t.kind.includes('proc-macro'))).toBe(true)
    // serde 1.0.152 twice: the workspace's path crate and crates.io's copy.
    expect(meta.packages.filter(p => p.name === 'serde').map(p => [p.version, p.source === null])).toEqual(
      expect.arrayContaining([
        ['1.0.152', true],
        ['1.0.152', false]
      ])
    )
  })
})

describe('MSRV judged per member', () => {
  it("by default nothing is held to another member's rust-version: no finding, as cargo tree -p shows", async () => {
    const { section, findings } = await analyse()
    expect(await expectedViolations('normal,build')).toEqual([])
    expect(section.rustVersion).toEqual([])
    expect(findings.filter(f => f.severity === 'block')).toEqual([])
    // serde_demo declares no rust-version and builds itoa 1.0.1 (rust-version 1.36): it is held to no
    // other member's 1.13, nor is the edition-2018 test suite.
    expect(await cargoTreeOf('serde_demo', 'normal,build')).toContain('itoa@1.0.1')
    expect(needs('itoa@1.0.1')).toBe('1.36')
    // cargo's resolver, which holds every package to the lowest rust-version (1.13) of the members that
    // can reach it with every feature and dev-dependency, marks the proc-macro's four dependencies: the
    // judgment this gate no longer makes, since serde and serde_test build none of them by themselves.
    expect(await resolverMarks()).toEqual([
      'proc-macro2@1.0.47',
      'quote@1.0.21',
      'syn@1.0.107',
      'unicode-ident@1.0.0'
    ])
  })

  it('with msrv-check-include-dev: what each member pulls in through its dev-dependencies, named with the member', async () => {
    const { section, findings } = await analyse({ msrvCheckIncludeDev: true })
    const expected = await expectedViolations('normal,build,dev')
    expect(expected).toContain('serde_test: syn@1.0.107')
    const got = section.rustVersion.map(f => `${f.member}: ${f.name}@${f.version}`).sort()
    expect(got).toEqual(expected)
    expect(section.rustVersion.every(f => f.against === 'msrv' && f.devOnly && f.msrvFrom === 'member')).toBe(
      true
    )
    // Each chain leaves the member by a dev edge, even where the resolved graph also has a normal edge that
    // only another member's features enable (serde's optional serde_derive, which serde_test_suite turns on).
    expect(section.rustVersion.map(f => f.chain[0].kind)).toEqual(section.rustVersion.map(() => 'dev'))
    expect(
      findings.find(f => f.crate === 'serde_derive' && f.message.includes("serde's"))?.message
    ).toContain('pulled in by serde -dev→ serde_derive 1.0.152 (dev only)')
    // The registry crates among them are those cargo's MSRV-aware resolver marks.
    const registry = new Set(
      section.rustVersion.filter(f => f.name !== 'serde_derive').map(f => `${f.name}@${f.version}`)
    )
    expect([...registry].sort()).toEqual(await resolverMarks())
    expect(findings.every(f => f.severity === 'block')).toBe(true)
    const syn = findings.find(f => f.crate === 'syn' && f.message.includes("serde_test's"))
    expect(syn?.message).toBe(
      "syn 1.0.107 needs Rust 1.31 (its rust-version) but serde_test's rust-version is 1.13, pulled in by " +
        'serde_test -dev→ serde_derive 1.0.152 → syn 1.0.107 (dev only). Fix: pin syn to a version that ' +
        'supports Rust 1.13: `cargo update -p syn@1.0.107 --precise <older version>`; or raise rust-version ' +
        "to 1.31 in serde_test's Cargo.toml"
    )
  })
})

describe('one version from two sources', () => {
  it('is named as two sources with [patch.crates-io] as the fix, where cargo tree -d shows serde twice', async () => {
    const { section, findings } = await analyse({ duplicateVersionsIncludeDev: true, msrvCheck: 'off' })
    const tree = await cargo(dir, ['tree', '--offline', '-d', '--target', triple])
    const roots = tree.stdout.split('\n').filter(l => /^serde v1\.0\.152\b/.test(l))
    expect(new Set(roots).size).toBe(2) // the path crate (with its directory) and the registry's copy
    const serde = section.duplicates.find(d => d.name === 'serde')!
    expect(serde.versions.map(v => [v.version, v.source === null ? `path ${v.dir}` : v.source])).toEqual([
      ['1.0.152', 'path serde'],
      ['1.0.152', 'registry+https://github.com/rust-lang/crates.io-index']
    ])
    const serdeFinding = findings.find(f => f.crate === 'serde')!
    expect(serdeFinding.severity).toBe('warn')
    const message = serdeFinding.message
    expect(message).toBe(
      'serde 1.0.152 comes from 2 sources, which cargo builds as separate crates: ' +
        '1.0.152 from the path serde (a workspace member); ' +
        '1.0.152 from crates.io via serde_test_suite -dev→ serde_json 1.0.87 → serde 1.0.152 (dev only). ' +
        'Aligning requirements cannot merge them: add `serde = { path = "serde" }` under [patch.crates-io] ' +
        "in the root Cargo.toml, so that every dependent takes the workspace's serde, or list serde in allow-duplicates"
    )
  })

  it('is not counted without include-dev: only a dev-dependency pulls the registry copy', async () => {
    const { section } = await analyse()
    expect(section.duplicates).toEqual([])
  })
})

describe('when cargo tree cannot say what a member builds', () => {
  // The runner answers cargo tree as a broken or foreign cargo would; everything else runs for real.
  const treeAnswers =
    (exitCode: number, line: string): ProcessRunner =>
    async (program, args, options) => {
      if (!args.includes('tree')) return runProcess(program, args, options)
      options.onStdoutLine?.(line)
      return { exitCode, signal: null, spawnError: null, wallSeconds: 0, cpuSeconds: null }
    }

  it.each([
    ['fails', treeAnswers(101, ''), /^cargo tree could not say what serde builds \(exit 101\)/],
    ['prints what is not a tree', treeAnswers(0, 'serde v1.0.152'), /its output could not be read/]
  ])(
    '%s: the member is judged on the whole resolved graph, so more is reported, never less',
    async (_, run, note) => {
      const { deps, notes } = await readMemberDeps(graph, false, {
        run,
        cwd: dir,
        host: triple,
        toolchain: null
      })
      expect(deps.size).toBe(0)
      expect(notes.find(n => n.includes('serde builds'))).toMatch(note)
      const section = analyzeConflicts(meta, graph, {
        ...DEFAULT_OPTIONS,
        toolchain: release,
        memberDeps: deps
      })
      // The resolved graph unifies serde_test_suite's `derive`: serde then seems to pull serde_derive in.
      expect(
        section.rustVersion
          .filter(f => f.member === 'serde')
          .map(f => f.name)
          .sort()
      ).toEqual(['proc-macro2', 'quote', 'serde_derive', 'syn', 'unicode-ident'])
    }
  )
})

describe('reading cargo tree', () => {
  const spec = (name: string) => members().find(m => m.name === name)!
  const line = (depth: number, name: string) => {
    const m = spec(name)
    return `${depth}${m.name} v${m.version} (${path.dirname(m.manifest_path)})`
  }
  const names = (chains: Map<string, { name: string }[]> | null) =>
    chains &&
    new Map([...chains].map(([id, c]) => [graph.packages.get(id)!.name, c.map(l => l.name).join(' > ')]))

  it("tells the path crate from crates.io's copy, and keeps the shortest chain to each package", async () => {
    const suite = spec('serde_test_suite')
    const run = await cargo(dir, ['tree', '--offline', ...treeArgs(graph, suite.id, true, triple).slice(1)])
    const chains = parseTree(run.stdout.split('\n'), graph, suite.id, true)!
    const serdes = [...chains.keys()].filter(id => graph.packages.get(id)!.name === 'serde')
    expect(serdes.map(id => graph.packages.get(id)!.source === null).sort()).toEqual([false, true])
    const registry = serdes.find(id => graph.packages.get(id)!.source !== null)!
    expect(chains.get(registry)!.map(l => `${l.name}:${l.kind}`)).toEqual([
      'serde_test_suite:dev',
      'serde_json:normal',
      'serde:normal'
    ])
    // proc-macro2 met two levels down, then right under the member: the shorter chain wins, either way round.
    const derive = spec('serde_derive')
    const shallow = parseTree(
      [line(0, 'serde_derive'), '1quote v1.0.21', '2proc-macro2 v1.0.47', '1proc-macro2 v1.0.47 (*)'],
      graph,
      derive.id,
      false
    )
    expect(names(shallow)!.get('proc-macro2')).toBe('serde_derive > proc-macro2')
    const deep = parseTree(
      [line(0, 'serde_derive'), '1proc-macro2 v1.0.47', '1quote v1.0.21', '2proc-macro2 v1.0.47 (*)'],
      graph,
      derive.id,
      false
    )
    expect(names(deep)!.get('proc-macro2')).toBe('serde_derive > proc-macro2')
    // The member again below itself (a dev-dependency that depends on it) is no error.
    expect(
      parseTree([line(0, 'serde'), line(1, 'serde_derive'), line(2, 'serde')], graph, spec('serde').id, true)
    ).not.toBeNull()
  })

  it.each([
    ['an empty output', []],
    ['a line without its depth', ['serde_derive v1.0.152']],
    ['a depth that skips a level', [`0serde_derive v1.0.152 (DIR)`, '2quote v1.0.21']],
    ['another root', ['0quote v1.0.21']],
    ['a second root', [`0serde_derive v1.0.152 (DIR)`, `0serde_derive v1.0.152 (DIR)`]],
    ['a package the graph does not have', [`0serde_derive v1.0.152 (DIR)`, '1quote v9.9.9']],
    ['a path that is no member', [`0serde_derive v1.0.152 (DIR)`, '1serde v1.0.152 (/elsewhere/serde)']]
  ])('%s is not a tree: null, and the member is judged on the whole graph', (_, lines) => {
    const derive = spec('serde_derive')
    const dirOf = path.dirname(derive.manifest_path)
    expect(
      parseTree(
        lines.map(l => l.replace('DIR', dirOf)),
        graph,
        derive.id,
        false
      )
    ).toBeNull()
  })
})
