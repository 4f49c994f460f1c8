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
import { featureArgs, touchedCrates } from '../src/capabilities/public-api/crates.js'
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
  const crate = (name: string, dir: string) => ({
    name,
    version: '1.0.0',
    libName: name,
    manifestPath: `/repo/${dir}/Cargo.toml`
  })
  const crates = [crate('a', 'ws/crates/a'), crate('b', 'ws/crates/b'), crate('nested', 'ws/crates/a/nested')]
  const manifests = [...crates.map(c => c.manifestPath), '/repo/ws/tools/bin/Cargo.toml']
  const touched = (...files: string[]) =>
    [...touchedCrates(crates, manifests, new Set(files), '/repo', '/repo/ws')].sort()

  it('is the innermost crate whose directory holds a changed file', () => {
    expect(touched('ws/crates/a/src/lib.rs')).toEqual(['a'])
    expect(touched('ws/crates/a/nested/src/lib.rs')).toEqual(['nested'])
    expect(touched('ws/tools/bin/src/main.rs', 'ws/README.md', 'docs/x.rs')).toEqual([])
  })

  it('is every crate when a shared input of the workspace changed, or cargo config above it', () => {
    for (const shared of ['ws/Cargo.lock', 'ws/Cargo.toml', 'ws/.cargo/config.toml', 'ws/shared/gen.rs'])
      expect(touched(shared)).toEqual(['a', 'b', 'nested'])
    for (const above of ['.cargo/config.toml', 'rust-toolchain.toml'])
      expect(touched(above)).toEqual(['a', 'b', 'nested'])
    expect(touched('other/.cargo/config.toml', 'other/Cargo.lock')).toEqual([])
  })
})
