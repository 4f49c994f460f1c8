// The run history file (local store) and the tracker's inputs: unreadable histories are refused and
// left untouched; bad inputs name the input and the fix.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { FileStore } from '../src/store/file-store.js'
import { appendRun, historyCodec, HistoryError, type RunRecord } from '../src/capabilities/tracker/history.js'
import { parseConfig } from '../src/pipeline/config.js'

const run = (sha: string, stable: boolean): RunRecord => ({
  at: '2026-11-20T03:00:00.000Z',
  sha,
  runUrl: null,
  stable,
  findings: stable ? [] : [{ code: 'msrv', crate: 'base64ct', severity: 'block', count: 1 }]
})

describe('run history in a local file', () => {
  it('round-trips, creating folders; an unchanged outcome is not written again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'history-'))
    const store = new FileStore('gate/history.json', dir, historyCodec)
    expect(await store.read()).toBeNull()
    await store.update(h => appendRun(h, run('a', false)))
    const file = path.join(dir, 'gate/history.json')
    const written = readFileSync(file, 'utf8')
    await store.update(h => appendRun(h, run('a', false)))
    expect(readFileSync(file, 'utf8')).toBe(written)
    await store.update(h => appendRun(h, run('b', true)))
    expect((await store.read())?.runs.map(r => [r.sha, r.stable])).toEqual([
      ['a', false],
      ['b', true]
    ])
  })

  it.each([
    ['empty', '', /the file is empty; fix or delete it/],
    ['not JSON', '{"format": "build-gate-his', /not valid JSON/],
    [
      'the baseline',
      '{"format": "build-gate-baseline", "version": 1, "entries": []}',
      /not a build-gate run history/
    ],
    [
      'a newer schema',
      '{"format": "build-gate-history", "version": 2, "runs": []}',
      /schema version 2 is not supported/
    ],
    [
      'runs not a list',
      '{"format": "build-gate-history", "version": 1, "runs": {}}',
      /"runs" must be a list/
    ],
    [
      'a bad verdict',
      '{"format": "build-gate-history", "version": 1, "runs": [{"at": "2026-01-01T00:00:00Z", "sha": null, "runUrl": null, "stable": "yes", "findings": []}]}',
      /runs\[0\]\.stable must be true or false/
    ],
    [
      'a bad finding',
      '{"format": "build-gate-history", "version": 1, "runs": [{"at": "2026-01-01T00:00:00Z", "sha": null, "runUrl": null, "stable": false, "findings": [{"code": "msrv", "crate": null, "severity": "fatal", "count": 1}]}]}',
      /runs\[0\]\.findings\[0\]/
    ]
  ])(
    'a history that is %s is refused with the file named, and an update leaves it untouched',
    async (_, text, message) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'history-'))
      mkdirSync(path.join(dir, 'b'))
      const file = path.join(dir, 'b', 'history.json')
      writeFileSync(file, text)
      const store = new FileStore('b/history.json', dir, historyCodec)
      await expect(store.read()).rejects.toThrow(message)
      await expect(store.read()).rejects.toThrow(/^Run history file .*history\.json: /)
      await expect(store.update(h => appendRun(h, run('a', true)))).rejects.toBeInstanceOf(HistoryError)
      expect(readFileSync(file, 'utf8')).toBe(text)
    }
  )
})

describe('tracker inputs', () => {
  const parse = (inputs: Record<string, string>) => parseConfig(name => inputs[name] ?? '', 'cli').tracker

  it('defaults: off, build-gate/history.json, 3 days, status:escalated, nobody mentioned', () => {
    expect(parse({})).toEqual({
      enabled: false,
      historyPath: 'build-gate/history.json',
      historyPathGiven: false,
      escalateAfterMs: 3 * 86_400_000,
      escalationLabel: 'status:escalated',
      escalateTo: []
    })
  })

  it('reads durations, off, and users or teams with or without @', () => {
    const c = parse({
      tracker: 'true',
      'escalate-after': '12h',
      'escalate-to': 'alice, @toka/build-team\n@bob'
    })
    expect(c.enabled).toBe(true)
    expect(c.escalateAfterMs).toBe(12 * 3_600_000)
    expect(c.escalateTo).toEqual(['@alice', '@toka/build-team', '@bob'])
    expect(parse({ 'escalate-after': 'off' }).escalateAfterMs).toBeNull()
  })

  it.each([
    [
      { 'escalate-after': '3 days' },
      /^Input 'escalate-after': '3 days' is not a duration; use .* 3d, 12h, 90m or 1s, or off\.$/
    ],
    [{ 'escalate-after': '0h' }, /^Input 'escalate-after': '0h' is not a duration/],
    [{ tracker: 'maybe' }, /^Input 'tracker': 'maybe' is not a boolean/],
    [{ 'escalate-to': 'alice; bob' }, /^Input 'escalate-to': 'alice;' is not a GitHub user or team/],
    [{ 'escalation-label': 'a,b' }, /^Input 'escalation-label': 'a,b' cannot be a GitHub label/],
    [
      { 'history-path': 'build-gate/baseline.json', 'baseline-path': 'build-gate/baseline.json' },
      /^Input 'history-path': 'build-gate\/baseline\.json' is the baseline-path too/
    ]
  ])('%j is refused naming the input', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message)
  })
})
