import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { FileStore } from '../src/store/file-store.js'
import { addSample, BaselineError, baselineCodec } from '../src/capabilities/timing/baseline.js'
import { localDocument } from '../src/store/state-dir.js'

const KEY = { rustc: '1.95.0', os: 'Linux' }
const sample = (seconds: number) => ({ seconds, at: '2024-01-01T00:00:00Z', sha: 'abc', crates: { core: 1 } })

describe('file baseline store', () => {
  it('has no baseline until the first write, then round-trips, creating missing folders', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baseline-'))
    const store = new FileStore('nested/deeper/baseline.json', dir, baselineCodec)
    expect(await store.read()).toBeNull()
    await store.update(b => addSample(b, KEY, 'warm', sample(10), 3))
    for (const s of [11, 12, 13]) await store.update(b => addSample(b, KEY, 'warm', sample(s), 3))
    const b = await store.read()
    // bounded history: the oldest sample fell off
    expect(b?.entries[0].samples.map(s => s.seconds)).toEqual([11, 12, 13])
    // the write went through a temporary file that is gone afterwards
    expect(readdirSync(path.join(dir, 'nested/deeper'))).toEqual(['baseline.json'])
  })

  it.each([
    ['empty', '', /file .*baseline\.json: the file is empty; fix or delete it/],
    ['corrupt', '{"format": "build-gate-baseline", "ver', /file .*baseline\.json: not valid JSON/],
    ['someone else’s JSON', '{"hello": 1}', /file .*baseline\.json: not a build-gate baseline/],
    [
      'a newer schema',
      '{"format": "build-gate-baseline", "version": 9, "entries": []}',
      /schema version 9 is not supported/
    ],
    [
      'bad samples',
      '{"format": "build-gate-baseline", "version": 1, "entries": [{"key": {}, "cacheState": "x", "samples": [{"seconds": "fast"}]}]}',
      /entries\[0\]\.samples/
    ],
    ...[
      ['negative seconds', '-3'],
      ['infinite seconds', '1e999'],
      ['NaN seconds', 'NaN']
    ].map(([label, v]): [string, string, RegExp] => [
      label,
      `{"format": "build-gate-baseline", "version": 1, "entries": [{"key": {}, "cacheState": "x", "samples": [{"seconds": ${v}}]}]}`,
      v === 'NaN' ? /not valid JSON/ : /entries\[0\]\.samples must be a list of \{"seconds": number ≥ 0/
    ]),
    [
      'negative crate seconds',
      '{"format": "build-gate-baseline", "version": 1, "entries": [{"key": {}, "cacheState": "x", "samples": [{"seconds": 1, "crates": {"a": -1}}]}]}',
      /entries\[0\]\.samples\[0\]\.crates must map crate names to seconds/
    ]
  ])(
    'an unreadable baseline (%s) is an error naming the file, and an update leaves it untouched',
    async (_, text, message) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'baseline-'))
      mkdirSync(path.join(dir, 'b'))
      const file = path.join(dir, 'b', 'baseline.json')
      writeFileSync(file, text)
      const store = new FileStore('b/baseline.json', dir, baselineCodec)
      await expect(store.read()).rejects.toThrow(message)
      await expect(store.update(b => addSample(b, KEY, 'warm', sample(1), 5))).rejects.toBeInstanceOf(
        BaselineError
      )
      expect(readFileSync(file, 'utf8')).toBe(text)
    }
  )
})

describe('where a local baseline lives', () => {
  const env = (state: string) => ({ XDG_STATE_HOME: state })

  it('without baseline-path: in the state directory, one folder per workspace, outside the workspace', () => {
    const state = mkdtempSync(path.join(tmpdir(), 'state-'))
    const a = mkdtempSync(path.join(tmpdir(), 'ws-'))
    const b = mkdtempSync(path.join(tmpdir(), 'ws-'))
    const docA = localDocument(a, 'build-gate/baseline.json', false, env(state))
    expect(path.dirname(path.dirname(docA.file))).toBe(path.join(state, 'build-gate'))
    expect(path.basename(docA.file)).toBe('baseline.json')
    expect(path.relative(a, docA.file)).toMatch(/^\.\./)
    expect(docA.legacy).toBeNull()
    // Another workspace, another folder; the same workspace, the same folder.
    expect(localDocument(b, 'build-gate/baseline.json', false, env(state)).file).not.toBe(docA.file)
    expect(localDocument(`${a}/.`, 'build-gate/baseline.json', false, env(state)).file).toBe(docA.file)
  })

  it('with baseline-path: relative to the working directory, as before', () => {
    const doc = localDocument('/ws', 'gate/b.json', true, env('/state'))
    expect(doc).toEqual({ file: '/ws/gate/b.json', legacy: null })
  })

  it("carries over an earlier version's file: read while the new one is missing, never written", async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'state-'))
    const ws = mkdtempSync(path.join(tmpdir(), 'ws-'))
    const old = new FileStore('build-gate/baseline.json', ws, baselineCodec)
    await old.update(b => addSample(b, KEY, 'warm', sample(7), 5))
    const legacyText = readFileSync(path.join(ws, 'build-gate/baseline.json'), 'utf8')
    const doc = localDocument(ws, 'build-gate/baseline.json', false, env(state))
    expect(doc.legacy).toBe(path.join(ws, 'build-gate/baseline.json'))
    const store = new FileStore(doc.file, ws, baselineCodec, doc.legacy)
    expect((await store.read())?.entries[0].samples.map(s => s.seconds)).toEqual([7])
    await store.update(b => addSample(b, KEY, 'warm', sample(8), 5))
    expect((await store.read())?.entries[0].samples.map(s => s.seconds)).toEqual([7, 8])
    expect(readFileSync(doc.file, 'utf8')).toContain('"seconds": 8')
    expect(readFileSync(path.join(ws, 'build-gate/baseline.json'), 'utf8')).toBe(legacyText)
  })
})
