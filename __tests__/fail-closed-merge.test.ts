// The shard merge fails closed (a missing, unreadable, duplicated, mismatched or failed shard makes the
// merged build unstable, naming it) and adds the shards' counts. Pure: part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { blankReport } from '../src/pipeline/report.js'
import type { Finding } from '../src/findings/finding.js'
import { mergeReports, readShardReports, type ShardFile } from '../src/pipeline/shard/merge.js'
import type { GateReport } from '../src/pipeline/registry.js'
import type { PhaseResult } from '../src/report/schema.js'

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
    [phase('metadata'), phase('check'), phase('test-build'), phase('test')]
  )
  return {
    ...body,
    crates: [
      {
        name: crate,
        version: '0.1.0',
        manifestPath: `/w/${crate}/Cargo.toml`,
        warnings: 0,
        errors: 0,
        passed: 10,
        failed: 0,
        ignored: 1,
        buildSeconds: null,
        testSeconds: null
      }
    ],
    diagnostics: { ...body.diagnostics, omitted: 1, dependencyWarnings: 5 + index },
    tests: {
      ran: true,
      passed: 10,
      failed: 0,
      ignored: 1,
      failures: [],
      binaries: [{ crate, target: 'lib', passed: 10, failed: 0, ignored: 1, finished: true, seconds: 0.1 }]
    },
    shard: { index, total, members: [crate] },
    findings: [],
    verdict: { stable: true, reasons: [], warnings: [] },
    ...over
  }
}

const ok = (r: GateReport): ShardFile => ({ file: `shard-${r.shard!.index}.json`, report: r, error: null })

describe('mergeReports', () => {
  it('adds counts and phases over the shards', () => {
    const merged = mergeReports([ok(shard(2, 2)), ok(shard(1, 2))])
    expect(merged.verdict).toEqual({ stable: true, reasons: [], warnings: [] })
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
    ]).toEqual([0, 2, 7])
    expect(merged.tests.binaries.map(b => [b.crate, b.passed])).toEqual([
      ['c1', 10],
      ['c2', 10]
    ])
    expect(
      merged.phases.map(p => [
        p.name,
        p.wallSeconds,
        p.cpuSeconds,
        p.units.workspace.compiled,
        p.units.dependencies.fresh
      ])
    ).toEqual([
      ['metadata', 2, 4, 2, 8],
      ['check', 2, 4, 2, 8],
      ['test-build', 2, 4, 2, 8],
      ['test', 2, 4, 2, 8]
    ])
    expect(merged.shard).toEqual({
      index: 0,
      total: 2,
      members: ['c1', 'c2'],
      merged: { shards: [1, 2], missing: [], failed: [] }
    })
  })

  it('keeps a phase failure, an unmeasured CPU and a failing exit of any shard, first or last', () => {
    const broken = { exitCode: 101, cpuSeconds: null, failure: 'broke' }
    for (const bad of [1, 2]) {
      const reports = [1, 2].map(i =>
        shard(i, 2, {
          phases: [
            phase('metadata'),
            phase('check', i === bad ? broken : {}),
            phase('test-build'),
            phase('test')
          ]
        })
      )
      const check = mergeReports(reports.map(ok)).phases.find(p => p.name === 'check')!
      expect([check.exitCode, check.cpuSeconds, check.failure]).toEqual([101, null, 'broke'])
    }
  })

  it('sorts crates, members and diagnostics (errors first), and caps dependency errors', () => {
    const diag = (severity: 'error' | 'warning', crate: string) => ({
      severity,
      crate,
      code: null,
      message: severity,
      rendered: severity,
      span: null,
      phase: 'check' as const
    })
    const depErrors = Array.from({ length: 15 }, (_, i) => ({ package: `d${i}`, message: 'x' }))
    const mk = (i: number, name: string, items: ReturnType<typeof diag>[]) => {
      const r = shard(i, 2)
      r.crates = [{ ...r.crates[0], name }]
      r.shard = { index: i, total: 2, members: [name] }
      r.diagnostics = { ...r.diagnostics, errors: 1, items, dependencyErrors: depErrors }
      r.tests = { ...r.tests, failures: [{ crate: name, target: 'lib', name: 't', message: null }] }
      return r
    }
    const merged = mergeReports([
      ok(mk(1, 'zeta', [diag('warning', 'zeta')])),
      ok(mk(2, 'alpha', [diag('error', 'alpha')]))
    ])
    expect(merged.crates.map(c => c.name)).toEqual(['alpha', 'zeta'])
    expect(merged.shard?.members).toEqual(['alpha', 'zeta'])
    expect(merged.diagnostics.items.map(d => d.severity)).toEqual(['error', 'warning'])
    expect(merged.diagnostics.errors).toBe(2)
    expect(merged.diagnostics.dependencyErrors).toHaveLength(20)
    expect(merged.tests.failures.map(f => f.crate)).toEqual(['zeta', 'alpha'])
    expect(merged.tests.binaries.map(b => [b.crate, b.passed])).toEqual([
      ['c1', 10],
      ['c2', 10]
    ])
    expect(merged.workspace.root).toBe('/w')
    expect(mergeReports([]).workspace).toEqual({
      root: '',
      members: [],
      msrv: null,
      toolchain: null,
      requestedToolchain: null
    })
  })

  it('keeps the conflicts section of the shards', () => {
    const conflicts = {
      duplicates: [],
      singleVersionViolations: [{ name: 'base64', versions: ['0.21.7', '0.22.1'] }],
      staleAllowEntries: [],
      rustVersion: [],
      cargoRefusals: []
    }
    expect(mergeReports([ok(shard(1, 1, { conflicts }))]).conflicts).toEqual(conflicts)
    expect(mergeReports([ok(shard(1, 1))])).not.toHaveProperty('conflicts')
  })

  it('is unstable when a shard failed, carrying its reasons with the shard named', () => {
    // It says stable; its tests say otherwise: the merge re-derives, it does not trust `stable`.
    const failed = shard(2, 2)
    failed.tests = {
      ...failed.tests,
      failed: 1,
      failures: [{ crate: 'c2', target: 'lib', name: 't', message: null }]
    }
    const merged = mergeReports([ok(shard(1, 2)), ok(failed)])
    expect(merged.verdict.stable).toBe(false)
    expect(merged.verdict.reasons.map(r => r.code)).toEqual(['tests-failed'])
    expect(merged.verdict.reasons[0].message).toMatch(/^shard 2\/2: 1 test failed \(c2: t\)/)
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
    expect(mergeReports([]).tests).toEqual(
      expect.objectContaining({ ran: false, passed: 0, failed: 0, ignored: 0, failures: [] })
    )
  })

  it('is unstable when a shard report could not be read, naming the file', () => {
    const merged = mergeReports([ok(shard(1, 1)), { file: 'b.json', report: null, error: 'bad' }])
    expect(merged.verdict.reasons).toEqual([
      { code: 'shard-unreadable', message: 'shard report b.json could not be read: bad' }
    ])
  })

  it('carries the untrusted test output of a shard and why its tests did not run into the merged verdict', () => {
    const odd = shard(2, 2)
    odd.tests = { ...odd.tests, untrusted: ['c2 lib: a test finished twice'] }
    odd.findings = [
      {
        code: 'phase-untrusted',
        severity: 'block',
        message: 'cargo test: c2 lib: a test finished twice',
        source: 'tests'
      }
    ]
    const skipped = shard(1, 2)
    skipped.tests = { ...skipped.tests, notRun: 'cargo check failed with compile errors' }
    const merged = mergeReports([ok(skipped), ok(odd)])
    expect(merged.tests.untrusted).toEqual(['c2 lib: a test finished twice'])
    expect(merged.tests.notRun).toBe('cargo check failed with compile errors')
    expect(merged.verdict.stable).toBe(false)
    expect(merged.verdict.reasons.map(r => r.code)).toContain('phase-untrusted')
    expect(mergeReports([ok(shard(1, 1))]).tests).not.toHaveProperty('notRun')
  })

  it('lists the members of every shard in order, and an empty workspace when no shard reported', () => {
    const two = shard(2, 2, { shard: { index: 2, total: 2, members: ['b', 'a'] } })
    const one = shard(1, 2, { shard: { index: 1, total: 2, members: ['z'] } })
    expect(mergeReports([ok(two), ok(one)]).shard?.members).toEqual(['a', 'b', 'z'])
    expect(mergeReports([ok(one), ok(two)]).workspace).toEqual(one.workspace)
    expect(mergeReports([]).workspace).toEqual({
      root: '',
      members: [],
      msrv: null,
      toolchain: null,
      requestedToolchain: null
    })
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
      expect.stringMatching(/^schemaVersion is 0; /),
      'it is not a shard report (no shard section); was the job run with the shard input?',
      expect.stringMatching(/JSON/)
    ])
    expect(read[0].report?.shard?.index).toBe(1)
    expect(readShardReports([write('null.json', 'null')])[0].error).toBe('it is not a JSON object')
  })
})

describe('the merge re-judges from the shards findings', () => {
  const warn = (message: string, severity: Finding['severity'] = 'warn'): Finding => ({
    code: 'duplicate-versions',
    severity,
    message,
    source: 'conflicts'
  })
  const withWarning = (i: number, findings: Finding[]) => {
    const r = shard(i, 2, { findings })
    r.crates = [{ ...r.crates[0], warnings: 1 }]
    r.diagnostics = { ...r.diagnostics, warnings: 1 }
    return r
  }

  it('keeps the severity a shard recorded instead of re-applying the merge job policy', () => {
    const recorded: Finding = {
      code: 'warnings',
      severity: 'warn',
      message: '1 warning in c1',
      source: 'build'
    }
    const merged = mergeReports([ok(withWarning(1, [recorded])), ok(shard(2, 2))])
    expect(merged.verdict.stable).toBe(true)
    expect(merged.verdict.warnings.map(w => w.message)).toEqual(['1 warning in c1'])
    expect(merged.shard!.merged!.failed).toEqual([])
  })

  it('adds only the blocking findings a shard did not record, saying so', () => {
    const lenient = parseConfig(n => (n === 'deny-warnings' ? 'false' : ''), 'action')
    const quiet = mergeReports([ok(withWarning(1, [])), ok(shard(2, 2))], null, lenient)
    expect(quiet.findings.filter(f => f.message.includes('did not record'))).toEqual([])
    expect(quiet.verdict.stable).toBe(true)
    const strict = mergeReports([ok(withWarning(1, [])), ok(shard(2, 2))])
    expect(strict.verdict.stable).toBe(false)
    expect(strict.verdict.reasons.map(r => r.message)).toEqual([
      expect.stringMatching(/^shard 1\/2: 1 warning in c1.*\(the shard's report did not record this\)$/)
    ])
    expect(strict.shard!.merged!.failed).toEqual([1])
  })

  it('judges a schema-1 report from its sections', () => {
    const old = { ...withWarning(1, []), schemaVersion: 1 } as unknown as GateReport
    delete (old as { findings?: unknown }).findings
    const merged = mergeReports([ok(old), ok(shard(2, 2))])
    expect(merged.verdict.reasons.map(r => r.message)).toEqual([
      expect.stringMatching(/^shard 1\/2: 1 warning in c1/)
    ])
    expect(merged.verdict.reasons[0].message).not.toContain('did not record')
    // Schema 1 is judged from its sections even if it carries a findings list of its own.
    const odd = { ...withWarning(1, []), schemaVersion: 1 } as unknown as GateReport
    const fromSections = mergeReports([ok(odd), ok(shard(2, 2))])
    expect(fromSections.verdict.reasons.map(r => r.message)).toEqual([
      expect.stringMatching(/^shard 1\/2: 1 warning in c1/)
    ])
    expect(fromSections.verdict.reasons[0].message).not.toContain('did not record')
  })

  it('lists what does not block once, whatever the number of shards, and keeps what differs', () => {
    const same = warn('base64 resolves to 2 versions')
    const merged = mergeReports([
      ok(shard(1, 2, { findings: [same, warn('syn resolves to 2 versions')] })),
      ok(shard(2, 2, { findings: [same, warn('base64 resolves to 2 versions', 'info')] }))
    ])
    expect(merged.findings.map(f => [f.severity, f.message])).toEqual([
      ['warn', 'base64 resolves to 2 versions'],
      ['warn', 'syn resolves to 2 versions'],
      ['info', 'base64 resolves to 2 versions']
    ])
    expect(merged.verdict.stable).toBe(true)
    expect(merged.shard!.merged!.failed).toEqual([])
  })
})
