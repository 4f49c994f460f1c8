// The shard merge fails closed (a missing, unreadable, duplicated, mismatched or failed shard makes the
// merged build unstable, naming it) and adds the shards' counts. Pure: part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { blankReport } from '../src/failure.js'
import { mergeReports, readShardReports, type ShardFile } from '../src/shard/merge.js'
import type { GateReport, PhaseResult } from '../src/report/schema.js'

function phase(name: PhaseResult['name'], over: Partial<PhaseResult> = {}): PhaseResult {
  return {
    name,
    command: ['cargo', name],
    ran: true,
    exitCode: 0,
    signal: null,
    wallSeconds: 1,
    cpuSeconds: 2,
    units: { workspace: { compiled: 1, fresh: 2 }, dependencies: { compiled: 3, fresh: 4 } },
    cargoErrors: [],
    unreadableLines: 0,
    failure: null,
    ...over
  }
}

function shard(index: number, total: number, over: Partial<GateReport> = {}): GateReport {
  const crate = `c${index}`
  const body = blankReport(
    { root: '/w', members: [], msrv: null, toolchain: null, requestedToolchain: null },
    [phase('check'), phase('test')]
  )
  return {
    ...body,
    crates: [
      {
        name: crate,
        version: '0.1.0',
        manifestPath: `/w/${crate}/Cargo.toml`,
        warnings: index,
        errors: 0,
        passed: 10,
        failed: 0,
        ignored: 1,
        buildSeconds: null,
        testSeconds: null
      }
    ],
    diagnostics: { ...body.diagnostics, warnings: index, omitted: 1, dependencyWarnings: 5 + index },
    tests: {
      ran: true,
      passed: 10,
      failed: 0,
      ignored: 1,
      failures: [],
      binaries: [{ crate, target: 'lib', passed: 10, failed: 0, ignored: 1, finished: true, seconds: 0.1 }]
    },
    shard: { index, total, members: [crate] },
    verdict: { stable: true, reasons: [], warnings: [{ code: 'w', message: 'same warning' }] },
    ...over
  }
}

const ok = (r: GateReport): ShardFile => ({ file: `shard-${r.shard!.index}.json`, report: r, error: null })

describe('mergeReports', () => {
  it('adds counts and phases over the shards, keeping one copy of shared warnings', () => {
    const merged = mergeReports([ok(shard(2, 2)), ok(shard(1, 2))])
    expect(merged.verdict).toEqual({
      stable: true,
      reasons: [],
      warnings: [{ code: 'w', message: 'same warning' }]
    })
    expect(merged.crates.map(c => c.name)).toEqual(['c1', 'c2'])
    expect([merged.tests.passed, merged.tests.ignored, merged.tests.failed, merged.tests.ran]).toEqual([
      20,
      2,
      0,
      true
    ])
    expect([
      merged.diagnostics.warnings,
      merged.diagnostics.omitted,
      merged.diagnostics.dependencyWarnings
    ]).toEqual([3, 2, 7])
    expect(merged.tests.binaries).toHaveLength(2)
    expect(
      merged.phases.map(p => [
        p.name,
        p.wallSeconds,
        p.cpuSeconds,
        p.units.workspace.compiled,
        p.units.dependencies.fresh
      ])
    ).toEqual([
      ['check', 2, 4, 2, 8],
      ['test', 2, 4, 2, 8]
    ])
    expect(merged.shard).toEqual({
      index: 0,
      total: 2,
      members: ['c1', 'c2'],
      merged: { shards: [1, 2], missing: [], failed: [] }
    })
  })

  it('keeps a phase failure, an unmeasured CPU and a failing exit of any shard', () => {
    const a = shard(1, 2)
    const b = shard(2, 2, {
      phases: [phase('check', { exitCode: 101, cpuSeconds: null, failure: 'broke' }), phase('test')]
    })
    const check = mergeReports([ok(a), ok(b)]).phases.find(p => p.name === 'check')!
    expect([check.exitCode, check.cpuSeconds, check.failure]).toEqual([101, null, 'broke'])
    const reversed = mergeReports([ok(b), ok(a)]).phases.find(p => p.name === 'check')!
    expect([reversed.exitCode, reversed.cpuSeconds, reversed.failure]).toEqual([101, null, 'broke'])
  })

  it('is unstable when a shard failed, carrying its reasons with the shard named', () => {
    const failed = shard(2, 2, {
      verdict: { stable: false, reasons: [{ code: 'tests-failed', message: '1 test failed' }], warnings: [] }
    })
    const merged = mergeReports([ok(shard(1, 2)), ok(failed)])
    expect(merged.verdict.stable).toBe(false)
    expect(merged.verdict.reasons).toEqual([{ code: 'tests-failed', message: 'shard 2/2: 1 test failed' }])
    expect(merged.shard?.merged?.failed).toEqual([2])
  })

  it('is unstable when a shard is missing, duplicated, disagrees on the total, or none reported', () => {
    const codes = (files: ShardFile[], total: number | null = null) =>
      mergeReports(files, total).verdict.reasons.map(r => [r.code, r.message])
    expect(codes([ok(shard(1, 3)), ok(shard(3, 3))])).toEqual([
      ['shard-missing', 'shard 2/3 did not report; its crates were not gated']
    ])
    expect(codes([ok(shard(1, 2)), ok(shard(1, 2)), ok(shard(2, 2))])).toEqual([
      ['shard-duplicate', 'shard 1/2 was reported twice']
    ])
    expect(codes([ok(shard(1, 2)), ok(shard(2, 3))])).toEqual([
      ['shard-mismatch', 'shard reports disagree on the number of shards (2, 3)'],
      ['shard-missing', 'shard 3/3 did not report; its crates were not gated']
    ])
    expect(codes([ok(shard(1, 1))], 2)).toEqual([
      ['shard-missing', 'shard 2/2 did not report; its crates were not gated']
    ])
    expect(codes([])).toEqual([['shard-missing', 'no shard reports were found']])
    expect(mergeReports([]).tests.ran).toBe(false)
  })

  it('is unstable when a shard report could not be read, naming the file', () => {
    const merged = mergeReports([ok(shard(1, 1)), { file: 'b.json', report: null, error: 'bad' }])
    expect(merged.verdict.reasons).toEqual([
      { code: 'shard-unreadable', message: 'shard report b.json could not be read: bad' }
    ])
  })

  it('says tests did not run when one shard did not run them', () => {
    const skipped = shard(2, 2, { tests: { ...shard(2, 2).tests, ran: false } })
    expect(mergeReports([ok(shard(1, 2)), ok(skipped)]).tests.ran).toBe(false)
  })
})

describe('readShardReports', () => {
  it('refuses files that are not shard reports of this schema, saying why', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shard-read-'))
    const write = (name: string, v: unknown) => {
      const f = path.join(dir, name)
      writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v))
      return f
    }
    const files = [
      write('good.json', shard(1, 1)),
      write('old.json', { ...shard(1, 1), schemaVersion: 0 }),
      write('whole.json', { ...shard(1, 1), shard: undefined }),
      write('cut.json', '{"schemaVersion": 1,')
    ]
    const read = readShardReports(files)
    expect(read.map(r => r.error)).toEqual([
      null,
      'schemaVersion is 0, expected 1',
      'it is not a shard report (no shard section); was the job run with the shard input?',
      expect.stringMatching(/JSON/)
    ])
    expect(read[0].report?.shard?.index).toBe(1)
  })
})
