// The pure parts of the public-API check: format versions, the semver rule, shard merging.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  readRustdoc,
  RustdocFormatError,
  SUPPORTED_FORMAT_VERSIONS
} from '../src/capabilities/public-api/rustdoc.js'
import { bumpAllowsBreaks, mergeSections, offSection } from '../src/capabilities/public-api/section.js'
import { baseRequest } from '../src/capabilities/public-api/git.js'
import { featureArgs } from '../src/capabilities/public-api/crates.js'
import type { BuildInputs } from '../src/capabilities/public-api/dep-info.js'
import { featureChanges, manifestFeatures } from '../src/capabilities/public-api/features.js'
import {
  changedLockedPackages,
  EVERY,
  workspaceManifestChange
} from '../src/capabilities/public-api/shared-inputs.js'
import {
  graphOf,
  touchedCrates,
  type ChangeFacts,
  type GraphPackage
} from '../src/capabilities/public-api/touched.js'
import { parseConfig } from '../src/pipeline/config.js'

describe('rustdoc JSON formats', () => {
  const captured = readFileSync('__fixtures__/public-api/rustdoc-format-99.json', 'utf8')

  it('refuses a format it does not know, naming the ones it does', () => {
    expect(() => readRustdoc(captured, 'tiny (head)')).toThrow(RustdocFormatError)
    expect(() => readRustdoc(captured, 'tiny (head)')).toThrow(
      'tiny (head): rustdoc JSON format_version 99 is not supported (supported: 56, 57).'
    )
  })

  it('reads the same document at a supported version', () => {
    const doc = readRustdoc(captured.replace('"format_version": 99', '"format_version": 57'), 'tiny')
    expect(doc.index[String(doc.root)].name).toBe('tiny')
    expect(SUPPORTED_FORMAT_VERSIONS).toContain(57)
  })

  it('says what is wrong with a file that is not rustdoc JSON', () => {
    expect(() => readRustdoc('<html>', 'x')).toThrow(/x: rustdoc's JSON could not be parsed/)
    expect(() => readRustdoc('{"a":1}', 'x')).toThrow(
      'x: the file has no format_version; is it rustdoc JSON?'
    )
  })
})

describe('version bumps that allow breaking changes (cargo semver)', () => {
  it.each([
    ['1.2.3', '2.0.0', true],
    ['1.2.3', '1.3.0', false],
    ['0.3.1', '0.4.0', true],
    ['0.3.1', '0.3.2', false],
    ['0.3.1', '1.0.0', true],
    ['0.0.3', '0.0.4', true],
    ['0.0.3', '0.0.3', false],
    [null, '1.0.0', false]
  ])('%s → %s: %s', (base, head, allows) => {
    expect(bumpAllowsBreaks(base, head)).toBe(allows)
  })
})

describe('the base revision', () => {
  it('is the input, else the pull request base, else the parent of the head', () => {
    expect(baseRequest(' v1.2.0 ', {}, {})).toEqual({ rev: 'v1.2.0', from: 'input' })
    const pr = { pull_request: { base: { sha: 'abc123' } } }
    expect(baseRequest('', { GITHUB_EVENT_NAME: 'pull_request' }, pr)).toEqual({
      rev: 'abc123',
      from: 'pull_request'
    })
    expect(baseRequest('', { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'def456' }, {})).toEqual({
      rev: 'def456^',
      from: 'parent'
    })
    expect(baseRequest('', {}, {})).toEqual({ rev: 'HEAD^', from: 'parent' })
  })
})

describe('inputs the API check takes from the gate', () => {
  it('documents with the features check-args built', () => {
    expect(featureArgs(['--workspace', '--all-features'])).toEqual(['--all-features'])
    expect(featureArgs(['-p', 'x', '--features', 'a b', '--no-default-features', '-F', 'c'])).toEqual([
      '--features',
      'a b',
      '--no-default-features',
      '--features',
      'c'
    ])
  })

  it('merges shard sections: crates side by side, one unknown shard makes the whole unknown', () => {
    const crate = (name: string) => ({
      name,
      status: 'compared' as const,
      reason: null,
      baseVersion: '1.0.0',
      headVersion: '1.0.0',
      bumpAllowsBreaks: false,
      formatVersion: 57,
      changes: []
    })
    const a = { ...offSection('deny'), status: 'checked' as const, crates: [crate('b')], seconds: 2 }
    const b = { ...offSection('deny'), status: 'checked' as const, crates: [crate('a')], seconds: 3 }
    const merged = mergeSections([a, b])
    expect(merged.crates.map(c => c.name)).toEqual(['a', 'b'])
    expect(merged.status).toBe('checked')
    const broken = mergeSections([a, { ...b, status: 'unknown', reason: 'no base' }])
    expect([broken.status, broken.reason]).toEqual(['unknown', 'no base'])
  })
})

describe('inputs', () => {
  it('refuses a public-api-base git would read as an option, naming the input', () => {
    expect(() => parseConfig(n => (n === 'public-api-base' ? '--output=x' : ''), 'cli', '.')).toThrow(
      "Input 'public-api-base': '--output=x' is not a git revision; name a commit, branch or tag."
    )
    expect(() => parseConfig(n => (n === 'public-api' ? 'block' : ''), 'cli', '.')).toThrow(
      "Input 'public-api': 'block' is not allowed; use one of deny, warn, off."
    )
    const config = parseConfig(n => ({ 'public-api-crates': 'a, b' })[n] ?? '', 'cli', '.')
    expect([config.publicApi, config.publicApiBase, config.publicApiCrates]).toEqual(['warn', '', ['a', 'b']])
  })
})

describe('which crates a change touched', () => {
  // ws/crates/{a,b,nested}: a depends on b (normal), nested on nothing; tools/bin is a binary member;
  // b has a dev-dependency on tu (test utilities), and a build script that watches ../../proto.
  const pkg = (name: string, dir: string | null, deps: string[] = [], over: Partial<GraphPackage> = {}) => ({
    id: `id-${name}`,
    name,
    version: '1.0.0',
    dir,
    deps: deps.map(d => `id-${d}`),
    declared: deps,
    inputs: null,
    ...over
  })
  const graph: GraphPackage[] = [
    pkg('a', 'ws/crates/a', ['b', 'serde']),
    pkg('b', 'ws/crates/b'),
    pkg('nested', 'ws/crates/a/nested'),
    pkg('tu', 'ws/crates/tu', [], { declared: [] }),
    pkg('bin', 'ws/tools/bin', ['a']),
    pkg('serde', null)
  ]
  const crates = new Map(['a', 'b', 'nested'].map(n => [n, `id-${n}`]))
  const facts = (files: string[], over: Partial<ChangeFacts> = {}): ChangeFacts => ({
    files: new Set(files),
    repoRoot: '/repo',
    workspace: 'ws',
    lock: null,
    manifest: null,
    ...over
  })
  const touched = (g: GraphPackage[] | null, f: ChangeFacts) => [...touchedCrates(crates, g, f)].sort()

  it('is the innermost package holding a changed file, and every crate that depends on it', () => {
    expect(touched(graph, facts(['ws/crates/a/src/lib.rs']))).toEqual(['a'])
    expect(touched(graph, facts(['ws/crates/b/src/lib.rs']))).toEqual(['a', 'b'])
    expect(touched(graph, facts(['ws/crates/a/nested/src/lib.rs']))).toEqual(['nested'])
    expect(touched(graph, facts(['ws/tools/bin/src/main.rs', 'ws/README.md', 'docs/x.rs']))).toEqual([])
    // A dev-dependency does not shape the library: it is not an edge of the graph.
    expect(touched(graph, facts(['ws/crates/tu/src/lib.rs']))).toEqual([])
  })

  it('without dep-info, a Rust file outside every package touches every crate; unknown graph: every crate', () => {
    expect(touched(graph, facts(['ws/shared/gen.rs']))).toEqual(['a', 'b', 'nested'])
    expect(touched(null, facts(['ws/README.md']))).toEqual(['a', 'b', 'nested'])
    expect(touched(graph, facts(['ws/shared/gen.rs.orig', 'ws/shared/notes.md']))).toEqual([])
  })

  it('with dep-info, only what a build read counts: a file no crate reads touches none', () => {
    const inputs = (files: string[], build: BuildInputs['build'] = null): BuildInputs => ({
      files: new Set(files.map(f => `/repo/${f}`)),
      build
    })
    const known = graph.map(p =>
      p.name === 'a'
        ? { ...p, inputs: inputs(['ws/crates/a/src/lib.rs', 'ws/shared/included.rs']) }
        : p.name === 'b'
          ? {
              ...p,
              inputs: inputs(['ws/crates/b/src/lib.rs'], new Set(['/repo/ws/proto', '/repo/ws/schema.json']))
            }
          : { ...p, inputs: inputs([`${p.dir}/src/lib.rs`]) }
    )
    expect(
      touched(known, facts(['ws/shared/gen.rs', 'ws/crates/a/tests/it.rs', 'ws/crates/a/README.md']))
    ).toEqual([])
    expect(touched(known, facts(['ws/shared/included.rs']))).toEqual(['a'])
    expect(touched(known, facts(['ws/proto/api.proto']))).toEqual(['a', 'b'])
    expect(touched(known, facts(['ws/schema.json']))).toEqual(['a', 'b'])
    expect(touched(known, facts(['ws/schema.json.bak', 'ws/protocol.md']))).toEqual([])
    expect(touched(known, facts(['ws/crates/a/nested/Cargo.toml']))).toEqual(['nested'])
    // A build script that declares no rerun-if-changed reruns on any change of its package.
    const rerunsAlways = known.map(p => (p.name === 'b' ? { ...p, inputs: inputs([], 'package') } : p))
    expect(touched(rerunsAlways, facts(['ws/crates/b/notes.txt']))).toEqual(['a', 'b'])
  })

  it('the lock file: crates whose dependencies changed their locked entry', () => {
    expect(touched(graph, facts(['ws/Cargo.lock'], { lock: new Set(['serde@1.0.0']) }))).toEqual(['a'])
    expect(touched(graph, facts(['ws/Cargo.lock'], { lock: new Set(['other@2.0.0']) }))).toEqual([])
    expect(touched(graph, facts(['ws/Cargo.lock'], { lock: EVERY }))).toEqual(['a', 'b', 'nested'])
  })

  it('the workspace manifest: a [workspace.dependencies] entry touches the crates declaring it', () => {
    const manifest = { dependencies: new Set(['serde']) }
    expect(touched(graph, facts(['ws/Cargo.toml'], { manifest }))).toEqual(['a'])
    expect(touched(graph, facts(['ws/Cargo.toml'], { manifest: { dependencies: new Set() } }))).toEqual([])
    expect(touched(graph, facts(['ws/Cargo.toml'], { manifest: EVERY }))).toEqual(['a', 'b', 'nested'])
  })

  it('a workspace at the repository root: its root package owns what no inner package holds', () => {
    const atRoot = [...graph.map(p => ({ ...p, dir: p.dir && p.dir.replace(/^ws\//, '') })), pkg('root', '')]
    const all = new Map([...crates, ['root', 'id-root']])
    const f = (files: string[]) => [...touchedCrates(all, atRoot, facts(files, { workspace: '' }))].sort()
    expect(f(['notes/gen.rs'])).toEqual(['root'])
    expect(f(['crates/b/src/lib.rs'])).toEqual(['a', 'b'])
    expect(f(['.cargo/config.toml'])).toEqual(['a', 'b', 'nested', 'root'])
  })

  it('a root package owns what no inner package holds, but not the lock file (its entries decide)', () => {
    const rooted = [...graph, pkg('root', 'ws', ['a'])]
    const all = new Map([...crates, ['root', 'id-root']])
    const f = facts(['ws/notes/gen.rs', 'ws/Cargo.lock'], { lock: new Set(['other@1.0.0']) })
    expect([...touchedCrates(all, rooted, f)]).toEqual(['root'])
    expect([...touchedCrates(all, rooted, facts(['ws/Cargo.lock'], { lock: new Set() }))]).toEqual([])
  })

  it('cargo config and the toolchain file, in the workspace or above it, touch every crate', () => {
    for (const shared of [
      'ws/.cargo/config.toml',
      '.cargo/config.toml',
      'rust-toolchain.toml',
      'ws/rust-toolchain'
    ])
      expect(touched(graph, facts([shared]))).toEqual(['a', 'b', 'nested'])
    expect(touched(graph, facts(['other/.cargo/config.toml', 'ws/crates/a/.cargo/config.toml']))).toEqual([
      'a'
    ])
    // A vendored registry in the workspace's .cargo/; cargo config above a nested workspace.
    const nested = graph.map(p => ({ ...p, dir: p.dir && `sub/${p.dir}` }))
    const inSub = (file: string) => touched(nested, facts([file], { workspace: 'sub/ws' }))
    expect(inSub('sub/ws/.cargo/vendor/serde/.cargo-checksum.json')).toEqual(['a', 'b', 'nested'])
    expect(inSub('sub/.cargo/config')).toEqual(['a', 'b', 'nested'])
    expect(inSub('sub/rust-toolchain.toml')).toEqual(['a', 'b', 'nested'])
    // Not cargo's config, not a toolchain file, or not above the workspace: nothing.
    for (const other of [
      'sub/.cargo/credentials.toml',
      '.cargo/config.toml.orig',
      'sub/ws/docs/rust-toolchain.toml.md',
      'sub/wsx/.cargo/config.toml',
      'sub/ws2/rust-toolchain',
      'sub/ws/my.cargo/config',
      'sub/rust-toolchain.toml.orig',
      'sub/.cargo/oldconfig'
    ])
      expect(inSub(other)).toEqual([])
  })
})

describe("the graph from cargo metadata's resolve", () => {
  const registry = 'registry+https://github.com/rust-lang/crates.io-index'
  const meta = {
    packages: [
      {
        id: 'a',
        name: 'a',
        version: '1.0.0',
        source: null,
        manifest_path: '/repo/ws/a/Cargo.toml',
        dependencies: [
          { name: 'b', rename: null },
          { name: 'real', rename: 'alias' }
        ]
      },
      {
        id: 'b',
        name: 'b',
        version: '1.0.0',
        source: null,
        manifest_path: '/repo/ws/b/Cargo.toml',
        dependencies: []
      },
      {
        id: 'out',
        name: 'out',
        version: '1.0.0',
        source: null,
        manifest_path: '/elsewhere/out/Cargo.toml',
        dependencies: []
      },
      {
        id: 'reg',
        name: 'reg',
        version: '2.0.0',
        source: registry,
        manifest_path: '/cargo/reg/Cargo.toml',
        dependencies: []
      }
    ],
    resolve: {
      nodes: [
        {
          id: 'a',
          deps: [
            { pkg: 'b', dep_kinds: [{ kind: null }] },
            { pkg: 'reg', dep_kinds: [{ kind: 'dev' }, { kind: 'build' }] },
            { pkg: 'out', dep_kinds: [{ kind: 'dev' }] }
          ]
        },
        { id: 'b', deps: [{ pkg: 'reg' }] }
      ]
    }
  }
  const inputs = new Map([['b', { files: new Set(['/repo/ws/b/src/lib.rs']), build: null }]])

  it('keeps path packages inside the repository, non-dev edges, declared names and renames, and dep-info', () => {
    const g = graphOf(meta, '/repo', inputs)!
    expect(g.map(p => [p.id, p.dir, p.deps, p.declared, p.inputs !== null])).toEqual([
      ['a', 'ws/a', ['b', 'reg'], ['b', 'real', 'alias'], false],
      // Before cargo 1.41 an edge had no dep_kinds: it counts.
      ['b', 'ws/b', ['reg'], [], true],
      ['out', null, [], [], false],
      ['reg', null, [], [], false]
    ])
    expect(graphOf({ ...meta, resolve: null }, '/repo', inputs)).toBeNull()
  })
})

describe('shared inputs compared between base and head', () => {
  const lock = (serde: string, extra = '') =>
    `version = 4\n\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = ["serde"]\n\n[[package]]\nname = "serde"\nversion = "${serde}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n${extra}`

  it('Cargo.lock: the entries that differ, whatever differs in them', () => {
    expect(changedLockedPackages(lock('1.0.1'), lock('1.0.2'))).toEqual(
      new Set(['serde@1.0.1', 'serde@1.0.2'])
    )
    expect(changedLockedPackages(lock('1.0.1'), lock('1.0.1', 'checksum = "ab"\n'))).toEqual(
      new Set(['serde@1.0.1'])
    )
    expect(changedLockedPackages(lock('1.0.1'), lock('1.0.1'))).toEqual(new Set())
    expect(changedLockedPackages(null, lock('1.0.1'))).toBe(EVERY)
    expect(changedLockedPackages('not toml [', lock('1.0.1'))).toBe(EVERY)
    expect(changedLockedPackages('version = 4\n', lock('1.0.1'))).toBe(EVERY)
    expect(changedLockedPackages('[[package]]\nname = "a"\n', lock('1.0.1'))).toBe(EVERY)
    // The same version from another source (a git fork) is another package.
    const fork = lock('1.0.1').replace(
      'registry+https://github.com/rust-lang/crates.io-index',
      'git+https://x/serde#abc'
    )
    expect(changedLockedPackages(lock('1.0.1'), fork)).toEqual(new Set(['serde@1.0.1']))
    // A dependency list in another order is the same resolution.
    const two = (deps: string) => `[[package]]\nname = "a"\nversion = "1.0.0"\ndependencies = [${deps}]\n`
    expect(changedLockedPackages(two('"x", "y"'), two('"y", "x"'))).toEqual(new Set())
    expect(changedLockedPackages(two('"x", "y"'), two('"x"'))).toEqual(new Set(['a@1.0.0']))
  })

  it("the workspace manifest: membership is neutral, a dependency entry names itself, the rest is everyone's", () => {
    const ws = (body: string) => `[workspace]\nmembers = ["a"]\n${body}`
    expect(workspaceManifestChange(ws(''), '[workspace]\nmembers = ["a", "b"]\nexclude = ["x"]\n')).toEqual({
      dependencies: new Set()
    })
    expect(
      workspaceManifestChange(
        ws('[workspace.dependencies]\nserde = "1"\nlog = "0.4"\n'),
        ws(
          '[workspace.dependencies]\nserde = "1.0.200"\nrenamed = { package = "real", version = "1" }\nlog = "0.4"\n'
        )
      )
    ).toEqual({ dependencies: new Set(['serde', 'renamed', 'real']) })
    expect(workspaceManifestChange(ws(''), ws('[profile.dev]\ndebug-assertions = false\n'))).toBe(EVERY)
    expect(workspaceManifestChange(null, ws(''))).toBe(EVERY)
    expect(workspaceManifestChange(ws(''), '[workspace')).toBe(EVERY)
    // Keys in another order, or an inline table for a table: the same tables.
    expect(
      workspaceManifestChange(
        ws('[workspace.package]\nedition = "2021"\nversion = "1.0.0"\n'),
        ws('package = { version = "1.0.0", edition = "2021" }\n')
      )
    ).toEqual({ dependencies: new Set() })
    expect(workspaceManifestChange(ws(''), ws('[workspace.package]\nedition = "2024"\n'))).toBe(EVERY)
    // Every table of a root package is its own change, not the workspace's; lints and metadata reach no API.
    for (const table of [
      'package',
      'lib',
      'bin',
      'test',
      'bench',
      'example',
      'dependencies',
      'dev-dependencies',
      'build-dependencies',
      'target',
      'features',
      'badges',
      'lints',
      'workspace.lints',
      'workspace.metadata',
      'workspace.default-members'
    ])
      expect(workspaceManifestChange(ws(''), ws(`[${table}]\nx = 1\n`))).toEqual({ dependencies: new Set() })
    // A root package's own tables are its own change, not the workspace's.
    expect(
      workspaceManifestChange(
        ws('[package]\nname = "r"\n'),
        ws('[package]\nname = "r"\n[dependencies]\nx = "1"\n')
      )
    ).toEqual({ dependencies: new Set() })
  })
})

describe('cargo features and their manifest lines', () => {
  const manifest = [
    '[package]',
    'name = "f"',
    '[dependencies.tabled]',
    'path = "../tabled"',
    'optional = true',
    "[target.'cfg(unix)'.dependencies]",
    'unixy = { path = "../unixy", optional = true }',
    '[dev-dependencies]',
    'quoted = "1"',
    '[features]',
    '"quoted" = []',
    'tabled = ["dep:tabled"]'
  ].join('\n')

  it('finds a [features] key (quoted or not) before an optional dependency of the same name', () => {
    const f = manifestFeatures(
      'f/Cargo.toml',
      { quoted: [], tabled: ['dep:tabled'], unixy: ['dep:unixy'], x: [] },
      manifest
    )
    expect(f).toEqual({ file: 'f/Cargo.toml', features: { quoted: 11, tabled: 12, unixy: 7, x: null } })
  })

  it('a feature the head lacks is breaking at its base line, unless its name says it is not stable', () => {
    const base = {
      file: 'f/Cargo.toml',
      features: { std: 3, gone: 4, _private: 5, 'nightly-x': 6, unstable: 7, benchmarks: 8 }
    }
    const head = { file: 'f/Cargo.toml', features: { std: null } }
    expect(featureChanges('f', base, head).map(x => [x.path, x.class, x.line])).toEqual([
      ['f/_private', 'changed', 5],
      ['f/benchmarks', 'breaking', 8],
      ['f/gone', 'breaking', 4],
      ['f/nightly-x', 'changed', 6],
      ['f/unstable', 'changed', 7]
    ])
  })
})
