// Members that opt out of `cargo test` (`test = false`, `doctest = false`), and one of integration
// tests only, on real cargo: cargo test builds nothing for the first, cargo check nothing for the last,
// which is not a build that skipped them; a test selection with nothing to build runs (cargo cannot
// write a --timings report of it); a run of no test says so.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'

const dir = path.resolve('__fixtures__/workspaces/test-opt-out')

async function gate(inputs: Record<string, string>): Promise<GateReport> {
  const config = parseConfig(n => inputs[n] ?? '', 'cli', dir)
  return (await runGate(config)).report
}

/** The members cargo's own check or test build produces an artifact for (the independent oracle). */
function builtByCargo(command: 'check' | 'test', args: string[]): string[] {
  const extra = command === 'test' ? ['--no-run'] : []
  const r = spawnSync('cargo', [command, ...args, ...extra, '--message-format=json'], {
    cwd: dir,
    encoding: 'utf8'
  })
  const names = r.stdout
    .split('\n')
    .filter(l => l.startsWith('{"reason":"compiler-artifact"'))
    .map(l => (JSON.parse(l) as { package_id: string }).package_id.replace(/^.*\/|#.*$/g, ''))
  return [...new Set(names)].sort()
}

const codes = (r: GateReport) => r.findings.map(f => f.code)

describe('members that opt out of cargo test', () => {
  it('are not built by cargo test or cargo check, and a two-phase run is stable', async () => {
    expect(builtByCargo('test', ['--workspace'])).toEqual(['fx-opt-it', 'fx-opt-tested'])
    expect(builtByCargo('check', ['--workspace', '--all-features'])).toEqual([
      'fx-opt-cli',
      'fx-opt-lib',
      'fx-opt-tested',
      'fx-opt-tool'
    ])
    expect(builtByCargo('test', ['--workspace', '--features', 'fx-opt-cli/cli'])).toContain('fx-opt-cli')
    const report = await gate({ 'compile-once': 'off', 'public-api': 'off' })
    expect(report.verdict.stable).toBe(true)
    expect(report.tests.passed).toBe(2)
    expect(report.phases.map(p => [p.name, p.untrusted ?? null])).toEqual([
      ['metadata', null],
      ['check', null],
      ['test-build', null],
      ['test', null]
    ])
    expect(codes(report)).not.toContain('tests-none')
  }, 120_000)

  it('are stable with compile once too', async () => {
    // test-args not given: the tests take check-args' features, so one build stands for both.
    const report = await gate({ 'public-api': 'off' })
    expect(report.compileOnce?.mode).toBe('compile-once')
    expect(report.verdict.stable).toBe(true)
    expect(report.tests.passed).toBe(2)
  }, 120_000)

  it('selected alone: the test build runs, nothing is tested, and the run says so', async () => {
    expect(builtByCargo('test', ['-p', 'fx-opt-lib'])).toEqual([])
    // cargo itself refuses --timings here: "failed to render timing report … no timing data found".
    const timed = spawnSync('cargo', ['test', '-p', 'fx-opt-lib', '--no-run', '--timings'], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(timed.stderr).toMatch(/no timing data found/)
    const report = await gate({ 'test-args': '-p fx-opt-lib', 'public-api': 'off' })
    expect(report.phases.map(p => [p.name, p.exitCode, p.failure])).toEqual([
      ['metadata', 0, null],
      ['check', 0, null],
      ['test-build', 0, null],
      ['test', 0, null]
    ])
    expect(report.phases.find(p => p.name === 'test-build')!.command).not.toContain('--timings')
    expect(report.verdict.stable).toBe(true)
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'tests-none', severity: 'warn' }))
  }, 120_000)

  it('a check that selects only a member of integration tests checked nothing, and is not trusted', async () => {
    expect(builtByCargo('check', ['-p', 'fx-opt-it'])).toEqual([])
    const report = await gate({ 'check-args': '-p fx-opt-it', 'run-tests': 'false', 'public-api': 'off' })
    expect(report.verdict.stable).toBe(false)
    expect(report.phases.find(p => p.name === 'check')!.untrusted).toMatch(
      /^cargo reported nothing built for fx-opt-it/
    )
  }, 120_000)
})
