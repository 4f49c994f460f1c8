// The rustdoc run's command line: which cargo flags a toolchain is given, from its own release, and
// what happens when cargo refuses one.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { exec, type Exec } from '../src/capabilities/public-api/exec.js'
import {
  checksumFreshness,
  docCommand,
  documentCrates,
  holdingDir,
  readDocument
} from '../src/capabilities/public-api/rustdoc-run.js'

const crate = { name: 'api', version: '1.0.0', libName: 'api' }

describe('cargo doc by content where the toolchain knows how', () => {
  it.each([
    ['1.95.0', true],
    ['1.83.0', true],
    ['1.96.0-nightly', true],
    ['1.82.0', false],
    ['1.75.0', false],
    [null, false],
    ['', false],
    ['not a version', false]
  ])('rustc release %p → by content %p', (release, expected) => {
    expect(checksumFreshness(release)).toBe(expected)
  })

  it('the flag comes before the subcommand, after the toolchain; absent when not asked', () => {
    const base = { toolchain: '1.90', features: ['--all-features'], crates: [crate] }
    expect(docCommand({ ...base, byContent: true }).slice(0, 3)).toEqual([
      '+1.90',
      '-Zchecksum-freshness',
      'doc'
    ])
    expect(docCommand({ ...base, byContent: false })).not.toContain('-Zchecksum-freshness')
    expect(docCommand({ ...base, byContent: false }).slice(0, 2)).toEqual(['+1.90', 'doc'])
  })
})

describe('a cargo that refuses the flag', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

  function crate(source: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-api-doc-'))
    dirs.push(dir)
    mkdirSync(path.join(dir, 'src'))
    writeFileSync(
      path.join(dir, 'Cargo.toml'),
      '[package]\nname = "api"\nversion = "1.0.0"\nedition = "2021"\n'
    )
    writeFileSync(path.join(dir, 'src/lib.rs'), source)
    return dir
  }

  /** Real cargo, except that a run with the flag fails as a cargo that no longer knows it does. */
  function refusing(calls: string[][]): Exec {
    return async (program, args, options) => {
      calls.push(args)
      if (args.includes('-Zchecksum-freshness'))
        return {
          code: 101,
          stdout: '',
          stderr: 'error: unknown `-Z` flag specified: checksum-freshness\n',
          error: null
        }
      return exec(program, args, options)
    }
  }

  const crate_ = { name: 'api', version: '1.0.0', libName: 'api' }
  const request = (dir: string) => ({
    cwd: dir,
    targetDir: path.join(dir, 'target'),
    toolchain: null,
    features: [],
    byContent: true,
    crates: [crate_],
    side: 'head'
  })

  it('is asked again without it, and the document is written', async () => {
    const dir = crate('pub fn api() {}\n')
    const calls: string[][] = []
    const held = holdingDir(path.join(dir, 'target'))
    const written = await documentCrates(refusing(calls), request(dir), held)
    expect(calls.map(a => a.includes('-Zchecksum-freshness'))).toEqual([true, false])
    const doc = readDocument(written.get('api')!)
    expect('doc' in doc).toBe(true)
  }, 120_000)

  it('a failure of another cause is not retried, and says cargo’s words', async () => {
    const dir = crate('pub fn api( {}\n')
    const calls: string[][] = []
    const written = await documentCrates(
      async (program, args, options) => {
        calls.push(args)
        return exec(program, args, options)
      },
      request(dir),
      holdingDir(path.join(dir, 'target'))
    )
    expect(calls).toHaveLength(1)
    expect(written.get('api')).toEqual({
      error: expect.stringMatching(/^rustdoc wrote no JSON for api \(head\): error/)
    })
  }, 120_000)
})
