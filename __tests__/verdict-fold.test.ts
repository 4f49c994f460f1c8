// The verdict is a fold over findings: unstable iff a `block` finding exists, or a needed phase did
// not run or cannot be trusted (itself a blocking finding).
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import type { ProcessRunner } from '../src/cargo/phase.js'
import { runProcess } from '../src/cargo/process.js'
import { parseConfig } from '../src/pipeline/config.js'
import { blankReport } from '../src/pipeline/report.js'
import { FINDING_CODES } from '../src/pipeline/registry.js'
import type { Finding, FindingSeverity } from '../src/findings/finding.js'
import { foldVerdict } from '../src/findings/fold.js'
import { runGate } from '../src/pipeline/gate.js'
import type { PhaseResult } from '../src/report/schema.js'
import { deriveFindings, judge } from '../src/pipeline/judge.js'
import type { FindingCode } from '../src/findings/codes.js'

/** The verdict the judge gives the report under `config`. */
const decideVerdict = (report: Parameters<typeof judge>[0], config: Parameters<typeof judge>[1]) =>
  judge(report, config).verdict

const SEVERITIES: FindingSeverity[] = ['block', 'warn', 'info', 'allowed']
const config = parseConfig(() => '', 'cli', '/ws')

function phase(name: PhaseResult['name'], failure: string | null = null): PhaseResult {
  return {
    name,
    command: ['cargo', name],
    ran: true,
    exitCode: failure ? 101 : 0,
    signal: null,
    wallSeconds: 1,
    cpuSeconds: 1,
    units: { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } },
    cargoErrors: [],
    unreadableLines: 0,
    failure
  }
}

const ws = { root: '/ws', members: [], msrv: null, toolchain: null, requestedToolchain: null }

describe('the fold', () => {
  const cases = (Object.keys(FINDING_CODES) as FindingCode[]).flatMap(code =>
    SEVERITIES.map(s => [code, s] as const)
  )
  it.each(cases)('%s at %s: blocks only as block, warns only as warn', (code, severity) => {
    const f: Finding = { code, severity, message: `${code} (${severity})`, source: 'test' }
    const other: Finding = { code: 'stale-allow', severity: 'warn', message: 'context', source: 'test' }
    const v = foldVerdict([other, f])
    expect(v.stable).toBe(severity !== 'block')
    expect(v.reasons).toEqual(severity === 'block' ? [{ code, message: f.message }] : [])
    expect(v.warnings.map(w => w.message)).toEqual(severity === 'warn' ? ['context', f.message] : ['context'])
  })

  it('is stable with no finding at all', () => {
    expect(foldVerdict([])).toEqual({ stable: true, reasons: [], warnings: [] })
  })

  it('every code has a one-line meaning', () => {
    for (const [code, meaning] of Object.entries(FINDING_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(meaning.length).toBeGreaterThan(10)
      expect(meaning).not.toContain('\n')
    }
  })
})

describe('phases that did not run or cannot be trusted', () => {
  it('blocks when the check and tests never ran, naming each missing phase', () => {
    const report = blankReport(ws, [phase('metadata')])
    const v = decideVerdict(report, config)
    expect(v.stable).toBe(false)
    expect(v.reasons.map(r => [r.code, r.message])).toEqual([
      ['phase-missing', 'cargo check did not run, so the build cannot be called stable'],
      ['phase-missing', 'cargo test (build) did not run, so the build cannot be called stable'],
      ['phase-missing', 'cargo test did not run, so the build cannot be called stable']
    ])
  })

  it('blocks when no phase ran at all, even with run-tests off', () => {
    const v = decideVerdict(
      blankReport(ws, []),
      parseConfig(n => (n === 'run-tests' ? 'false' : ''), 'cli')
    )
    expect(v.stable).toBe(false)
    expect(v.reasons.map(r => r.code)).toContain('phase-missing')
  })

  it('blocks on a check whose output cannot be trusted, whatever else the report says', () => {
    const report = blankReport(ws, [
      phase('metadata'),
      phase(
        'check',
        'cargo exited without its final build-finished message, so its output cannot be trusted'
      ),
      phase('test-build'),
      phase('test')
    ])
    const findings = deriveFindings(report, config)
    expect(findings.filter(f => f.severity === 'block').map(f => f.code)).toEqual(['phase-failed'])
    expect(foldVerdict(findings).stable).toBe(false)
  })

  it('is stable only when every needed phase ran and was read', () => {
    const all = ['metadata', 'check', 'test-build', 'test'] as const
    expect(
      decideVerdict(
        blankReport(
          ws,
          all.map(n => phase(n))
        ),
        config
      ).stable
    ).toBe(true)
    for (const drop of all) {
      const report = blankReport(
        ws,
        all.filter(n => n !== drop).map(n => phase(n))
      )
      expect({ drop, stable: decideVerdict(report, config).stable }).toEqual({ drop, stable: false })
    }
  })
})

describe('a truncated cargo stream', () => {
  it.each([
    ['off', 'check', 'cargo check'],
    ['auto', 'build', 'cargo build (compile once: check and test build)']
  ] as const)(
    'is never stable when cargo exits 0 without build-finished (real cargo, last line cut; compile-once %s)',
    async (compileOnce, phase, label) => {
      const dir = path.resolve('__fixtures__/workspaces/clean')
      let cut = 0
      // Real cargo; its stream loses the final build-finished message, as a pipe cut short would.
      const run: ProcessRunner = (program, args, options) =>
        runProcess(program, args, {
          ...options,
          onStdoutLine: line => {
            if (args.includes(phase) && line.startsWith('{"reason":"build-finished"')) cut++
            else options.onStdoutLine?.(line)
          }
        })
      const { report } = await runGate(
        parseConfig(n => (n === 'compile-once' ? compileOnce : ''), 'cli', dir),
        { run }
      )
      expect(cut).toBe(1)
      const check = report.phases.find(p => p.name === phase)!
      expect(check.exitCode).toBe(0)
      expect(report.verdict.stable).toBe(false)
      expect(report.verdict.reasons).toEqual([
        {
          code: 'phase-failed',
          message: `${label}: cargo exited without its final build-finished message, so its output cannot be trusted`
        }
      ])
      expect(report.findings.filter(f => f.severity === 'block')).toHaveLength(1)
    }
  )
})
