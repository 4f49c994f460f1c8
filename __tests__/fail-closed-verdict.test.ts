// The verdict fails closed: every way a phase can go wrong, and every rule, changes stable to false
// with its code; a clean report is the only stable one. Pure (no cargo): part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseConfig } from '../src/pipeline/config.js'
import { type GateConfig } from '../src/pipeline/registry.js'
import { blankReport } from '../src/pipeline/report.js'
import type { GateReport } from '../src/pipeline/registry.js'
import type { PhaseName, PhaseResult } from '../src/report/schema.js'
import { diagnosticFindings, phaseFindings, untrustedCheck } from '../src/capabilities/build/findings.js'
import { testFindings } from '../src/capabilities/tests/findings.js'
import { reportOutputs } from '../src/pipeline/outputs.js'
import { judge } from '../src/pipeline/judge.js'
import { plural } from '../src/report/text.js'
import { phaseResult } from './support/phase-result.js'
import type { FindingCode } from '../src/findings/codes.js'

/** The verdict the judge gives the report under `config`. */
const decideVerdict = (report: Parameters<typeof judge>[0], config: Parameters<typeof judge>[1]) =>
  judge(report, config).verdict

type Body = Omit<GateReport, 'verdict'>

const config = (inputs: Record<string, string> = {}): GateConfig =>
  parseConfig(n => inputs[n] ?? '', 'cli', process.cwd())

const phase = phaseResult

const ALL: PhaseName[] = ['metadata', 'check', 'test-build', 'test']

function clean(over: Partial<Body> = {}): Body {
  const base = blankReport(
    { root: '/w', members: [], msrv: null, toolchain: null, requestedToolchain: null },
    ALL.map(n => phase(n))
  )
  return {
    ...base,
    crates: [
      {
        name: 'a',
        version: '0.1.0',
        manifestPath: '/w/a/Cargo.toml',
        warnings: 0,
        errors: 0,
        passed: 2,
        failed: 0,
        ignored: 0,
        buildSeconds: null,
        testSeconds: null
      }
    ],
    tests: { ran: true, passed: 2, failed: 0, ignored: 0, failures: [], binaries: [], untrusted: [] },
    ...over
  }
}

const codes = (body: Body, cfg = config()) => decideVerdict(body, cfg).reasons.map(r => r.code)
const warnCodes = (body: Body, cfg = config()) => decideVerdict(body, cfg).warnings.map(r => r.code)
const withPhase = (name: PhaseName, over: Partial<PhaseResult>) =>
  clean({ phases: ALL.map(n => (n === name ? phase(n, over) : phase(n))) })

describe('the verdict', () => {
  it('calls only a clean, fully read report stable', () => {
    expect(decideVerdict(clean(), config())).toEqual({ stable: true, reasons: [], warnings: [] })
  })

  it.each(ALL)('blocks when %s failed, naming the phase and why', name => {
    const v = decideVerdict(withPhase(name, { failure: 'it broke', exitCode: 101 }), config())
    expect(v.stable).toBe(false)
    expect(v.reasons[0].code).toBe('phase-failed')
    expect(v.reasons[0].message).toMatch(/: it broke$/)
    expect(v.reasons[0].message.startsWith('cargo ')).toBe(true)
  })

  it('labels each phase in plain words', () => {
    const label = (name: PhaseName) =>
      decideVerdict(withPhase(name, { failure: 'x' }), config()).reasons[0].message
    expect(ALL.map(label)).toEqual([
      'cargo metadata: x',
      'cargo check: x',
      'cargo test (build): x',
      'cargo test: x'
    ])
  })

  it('blocks a phase that exited 0 without building the selected members', () => {
    const v = decideVerdict(withPhase('check', { untrusted: 'nothing built' }), config())
    expect(v.reasons).toEqual([{ code: 'phase-untrusted', message: 'cargo check: nothing built' }])
  })

  it.each(ALL)('blocks when %s is missing, unless another phase already failed', name => {
    const body = clean({ phases: ALL.filter(n => n !== name).map(n => phase(n)) })
    expect(codes(body)).toContain('phase-missing')
    const failedElsewhere = clean({
      phases: ALL.filter(n => n !== name).map(n => phase(n, { failure: 'x' }))
    })
    expect(codes(failedElsewhere)).not.toContain('phase-missing')
    // One failed phase is enough to explain the missing ones.
    const oneFailed = clean({
      phases: ALL.filter(n => n !== name).map((n, i) => phase(n, i === 0 ? { failure: 'x' } : {}))
    })
    expect(codes(oneFailed)).toEqual(['phase-failed'])
    expect(decideVerdict(body, config()).reasons.find(r => r.code === 'phase-missing')?.message).toMatch(
      / did not run, so the build cannot be called stable$/
    )
  })

  it('does not ask for test phases when run-tests is false, but says tests were skipped', () => {
    const body = clean({ phases: [phase('metadata'), phase('check')] })
    const cfg = config({ 'run-tests': 'false' })
    expect(codes(body, cfg)).toEqual([])
    expect(decideVerdict(body, cfg).warnings).toEqual([
      { code: 'tests-skipped', message: 'tests were not run (run-tests: false)' }
    ])
    expect(codes(body)).toEqual(['phase-missing', 'phase-missing'])
  })

  it('fails closed when check did not run, did not finish, or is absent, whatever else the report says', () => {
    const noCheck = clean({ phases: [phase('metadata')] })
    expect(codes(noCheck, config({ 'run-tests': 'false' }))).toEqual(['phase-missing'])
    const notRan = withPhase('check', { ran: false })
    expect(decideVerdict(notRan, config())).toEqual({
      stable: false,
      reasons: [
        {
          code: 'phase-failed',
          message: 'cargo check did not complete, so the build cannot be called stable'
        }
      ],
      warnings: []
    })
    // A missing check hidden behind compile errors still cannot be stable.
    const errorsOnly = clean({
      phases: [phase('metadata')],
      diagnostics: { ...clean().diagnostics, errors: 1 }
    })
    expect(codes(errorsOnly)).toEqual(['compile-errors', 'phase-failed'])
  })

  it('leaves a cargo refusal to the conflicts rule instead of calling it a phase failure', () => {
    const refused = withPhase('check', {
      failure: 'exited with code 101',
      cargoErrors: [
        readFileSync('__fixtures__/captured/cargo-refusals/rust-version-package-cargo-1.95.txt', 'utf8')
      ]
    })
    refused.conflicts = {
      duplicates: [],
      singleVersionViolations: [],
      staleAllowEntries: [],
      rustVersion: [],
      cargoRefusals: [{ crate: 'base64ct', version: '1.8.0', requires: '1.85', message: 'refused' }]
    }
    expect(codes(refused)).toEqual(['cargo-refused'])
    expect(decideVerdict(refused, config()).stable).toBe(false)
  })

  it('blocks compile errors and (with deny-warnings) warnings, naming the crates', () => {
    const b = { ...clean().crates[0], name: 'b' }
    const crates = [
      ...clean().crates.map(c => ({ ...c, errors: 2, warnings: 1 })),
      b,
      { ...b, name: 'c', errors: 1 }
    ]
    const body = clean({ crates, diagnostics: { ...clean().diagnostics, errors: 2, warnings: 1 } })
    expect(decideVerdict(body, config()).reasons).toEqual([
      { code: 'compile-errors', message: '2 compile errors in a (2), c (1)' },
      { code: 'warnings', message: '1 warning in a (deny-warnings is on)' }
    ])
    const allowed = decideVerdict(body, config({ 'deny-warnings': 'false' }))
    expect(allowed.reasons.map(r => r.code)).toEqual(['compile-errors'])
    expect(allowed.warnings).toContainEqual({ code: 'warnings', message: '1 warning in a' })
  })

  it('blocks failed tests, naming up to five and counting the rest', () => {
    const failures = Array.from({ length: 7 }, (_, i) => ({
      crate: 'a',
      target: 'lib',
      name: `t${i}`,
      message: null
    }))
    const body = clean({ tests: { ...clean().tests, failed: 7, failures } })
    expect(decideVerdict(body, config()).reasons).toEqual([
      { code: 'tests-failed', message: '7 tests failed (a: t0; a: t1; a: t2; a: t3; a: t4, and 2 more)' }
    ])
    const five = clean({ tests: { ...clean().tests, failed: 5, failures: failures.slice(0, 5) } })
    expect(decideVerdict(five, config()).reasons[0].message).toBe(
      '5 tests failed (a: t0; a: t1; a: t2; a: t3; a: t4)'
    )
    const one = clean({ tests: { ...clean().tests, failed: 1, failures: failures.slice(0, 1) } })
    expect(decideVerdict(one, config()).reasons[0].message).toBe('1 test failed (a: t0)')
    // Tests that did not run have no failures to count.
    expect(codes(clean({ tests: { ...clean().tests, ran: false, failed: 1 } }))).toEqual([])
  })

  it('blocks untrusted test output and says why tests did not run', () => {
    const body = clean({ tests: { ...clean().tests, untrusted: ['lib: odd'], notRun: 'cargo check failed' } })
    const v = decideVerdict(body, config())
    expect(v.reasons).toEqual([{ code: 'phase-untrusted', message: 'cargo test: lib: odd' }])
    expect(v.warnings).toContainEqual({
      code: 'tests-not-run',
      message: 'tests did not run: cargo check failed'
    })
    expect(warnCodes(clean())).toEqual([])
  })

  it('does not ask an empty shard for any phase, and says it is empty', () => {
    const body = clean({ phases: [phase('metadata')], shard: { index: 2, total: 3, members: [] } })
    expect(decideVerdict(body, config())).toEqual({
      stable: true,
      reasons: [],
      warnings: [{ code: 'shard-empty', message: 'shard 2/3 has no crates to gate' }]
    })
    const nonEmpty = clean({ phases: [phase('metadata')], shard: { index: 2, total: 3, members: ['a'] } })
    expect(decideVerdict(nonEmpty, config()).stable).toBe(false)
  })

  it('refuses a test-timeout that is not a positive number of minutes, naming the input', () => {
    expect(config({ 'test-timeout': '0.05' }).testTimeoutMinutes).toBe(0.05)
    expect(config().testTimeoutMinutes).toBe(60)
    for (const bad of ['0', '-1', 'soon'])
      expect(() => config({ 'test-timeout': bad })).toThrow(/^Input 'test-timeout': /)
  })

  it('pluralises counts', () => {
    expect([plural(1, 'test'), plural(0, 'test'), plural(2, 'test')]).toEqual([
      '1 test',
      '0 tests',
      '2 tests'
    ])
  })
})

describe('the phases a run needs', () => {
  const ONCE: PhaseName[] = ['metadata', 'build', 'test']
  const TWO: PhaseName[] = ['metadata', 'check', 'test-build', 'test']
  const ran = (names: PhaseName[], over: Partial<Body> = {}) =>
    clean({ phases: names.map(n => phase(n)), ...over })
  const missing = (body: Body, cfg = config()) =>
    decideVerdict(body, cfg)
      .reasons.filter(r => r.code === 'phase-missing')
      .map(r => r.message.replace(' did not run, so the build cannot be called stable', ''))
  const onceSection = { compileOnce: { mode: 'compile-once' as const, reason: null } }
  const twoSection = { compileOnce: { mode: 'two-phase' as const, reason: 'a build script' } }

  it('with compile-once, one build stands for check and test build', () => {
    expect(decideVerdict(ran(ONCE, onceSection), config()).stable).toBe(true)
    expect(missing(ran(['metadata', 'build'], onceSection))).toEqual(['cargo test'])
    expect(missing(ran(['metadata', 'test'], onceSection))).toEqual([
      'cargo build (compile once: check and test build)'
    ])
    // The build is not a check: a compile-once report without it is not trusted.
    expect(missing(ran(TWO, onceSection))).toEqual(['cargo build (compile once: check and test build)'])
  })

  it('when compile-once chose two phases, both are needed and a build alone is not enough', () => {
    expect(decideVerdict(ran(TWO, twoSection), config()).stable).toBe(true)
    expect(missing(ran(ONCE, twoSection))).toEqual(['cargo check', 'cargo test (build)'])
  })

  it('a merged report (no compile-once section) needs what its phases show: the build, or both ways', () => {
    expect(decideVerdict(ran(ONCE), config()).stable).toBe(true)
    expect(decideVerdict(ran(TWO), config()).stable).toBe(true)
    // Shards that differed: one built once, another checked; each way must be complete.
    expect(missing(ran(['metadata', 'check', 'build', 'test']))).toEqual(['cargo test (build)'])
    expect(missing(ran(['metadata', 'check', 'test-build', 'test', 'build']))).toEqual([])
    expect(missing(ran(['metadata', 'build']))).toEqual(['cargo test'])
  })

  it('without tests, only metadata and check are needed, whatever compile-once says', () => {
    const noTests = config({ 'run-tests': 'false' })
    expect(missing(ran(['metadata', 'check'], onceSection), noTests)).toEqual([])
    expect(missing(ran(['metadata'], onceSection), noTests)).toEqual(['cargo check'])
  })

  it('does not call phases missing that compile errors or another failed or untrusted phase explain', () => {
    const errors = ran(['metadata', 'check'], { diagnostics: { ...clean().diagnostics, errors: 1 } })
    expect(codes(errors)).toEqual(['compile-errors'])
    const untrusted = clean({ phases: [phase('metadata'), phase('check', { untrusted: 'nothing built' })] })
    expect(codes(untrusted)).toEqual(['phase-untrusted'])
    expect(missing(ran(['metadata', 'check']))).toEqual(['cargo test (build)', 'cargo test'])
  })

  it('only a blocking phase or refusal finding explains a check that did not complete', () => {
    const noCheck = ran(['metadata'])
    const finding = (code: FindingCode, severity: 'block' | 'warn') => ({
      code,
      severity,
      message: 'm',
      source: 's'
    })
    for (const code of ['phase-failed', 'phase-untrusted', 'phase-missing', 'cargo-refused'] as const)
      expect(untrustedCheck(noCheck, [finding(code, 'block')])).toBeNull()
    for (const f of [
      finding('phase-failed', 'warn'),
      finding('compile-errors', 'block'),
      finding('msrv', 'block')
    ])
      expect(untrustedCheck(noCheck, [f])?.code).toBe('phase-failed')
    // A check (or compile-once build) that ran and did not fail needs no explanation.
    expect(untrustedCheck(ran(['metadata', 'build']), [])).toBeNull()
    expect(untrustedCheck(clean({ phases: [phase('check', { ran: false })] }), [])?.code).toBe('phase-failed')
    expect(untrustedCheck(clean({ phases: [phase('check', { failure: 'x' })] }), [])?.code).toBe(
      'phase-failed'
    )
  })
})

describe('what the tests tell the user', () => {
  it('says tests were skipped only where there were crates to test', () => {
    const noTests = config({ 'run-tests': 'false' })
    const shard = (members: string[]) =>
      clean({ phases: [phase('metadata'), phase('check')], shard: { index: 1, total: 2, members } })
    expect(warnCodes(shard(['a']), noTests)).toEqual(['tests-skipped'])
    expect(warnCodes(shard([]), noTests)).toEqual(['shard-empty'])
    expect(warnCodes(shard(['a']))).not.toContain('tests-skipped')
  })

  it('gives the counts and the test time as outputs', () => {
    const body = clean({
      tests: { ...clean().tests, passed: 7, failed: 2, ignored: 3 },
      phases: ALL.map(n => phase(n, { wallSeconds: n === 'test' ? 4.5 : n === 'test-build' ? 2.25 : 1 }))
    })
    const out = reportOutputs({ ...body, verdict: decideVerdict(body, config()) }, '/r.json')
    expect([out['tests-passed'], out['tests-failed'], out['tests-ignored'], out['test-seconds']]).toEqual([
      '7',
      '2',
      '3',
      '6.75'
    ])
  })
})

describe('a clean build', () => {
  it('has no build or test finding at all, so the report lists nothing that is not there', () => {
    const body = clean()
    expect(phaseFindings(body, config())).toEqual([])
    expect(diagnosticFindings(body, config())).toEqual([])
    expect(testFindings(body, config())).toEqual([])
  })
})

describe('a test run that ran no test', () => {
  const none = { ran: true, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [], untrusted: [] }

  it('is a warning, and the build stays stable', () => {
    const body = clean({ tests: none })
    expect(testFindings(body, config())).toEqual([
      {
        code: 'tests-none',
        severity: 'warn',
        message: 'cargo test ran no test: the selected members have none (check test-args)',
        source: 'tests'
      }
    ])
    expect(decideVerdict(body, config()).stable).toBe(true)
  })

  it('is not said when one test passed, failed or was ignored, when tests did not run, or when the run is untrusted', () => {
    for (const one of [{ passed: 1 }, { failed: 1 }, { ignored: 1 }, { ran: false }, { untrusted: ['x'] }])
      expect(testFindings(clean({ tests: { ...none, ...one } }), config()).map(f => f.code)).not.toContain(
        'tests-none'
      )
  })
})
