// Stable means the workspace was checked: every selected member built in check and in the test build.
// A member cargo never reached says so instead of showing zeros. Real cargo on fixtures.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import { runProcess } from '../src/cargo/process.js'
import type { ProcessRunner } from '../src/cargo/phase.js'
import { terminalReport } from '../src/pipeline/terminal.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { checkTallies } from './support/cargo-oracle.js'

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)

async function gate(
  name: string,
  inputs: Record<string, string> = {},
  run?: ProcessRunner
): Promise<GateReport> {
  const config = parseConfig(n => inputs[n] ?? '', 'cli', fixture(name))
  return (await runGate(config, run ? { run } : {})).report
}

describe('every member is judged, or says why not', () => {
  it('checks every member in one run (--keep-going), and marks the one cargo could not reach', async () => {
    const report = await gate('compile-error-chain')
    const cargo = checkTallies(fixture('compile-error-chain'), [
      '--workspace',
      '--all-features',
      '--keep-going'
    ])
    const byName = Object.fromEntries(report.crates.map(c => [c.name, c]))
    expect(byName['fx-chain-broken'].errors).toBe(cargo.errors['fx-chain-broken'])
    expect(byName['fx-chain-free'].warnings).toBe(cargo.warnings['fx-chain-free'])
    expect(byName['fx-chain-free'].notChecked).toBeUndefined()
    expect(byName['fx-chain-user'].notChecked).toBe('not checked: the build stopped at fx-chain-broken')
    expect(cargo.stderr).not.toMatch(/fx-chain-user/)
    const table = terminalReport(report)
    expect(table).toMatch(/fx-chain-user \(not checked: the build stopped at fx-chain-broken\)/)
    // Compile once (the default here) builds check and test build in one cargo build.
    // fx-chain-free is the one crate that built clean.
    expect(report.tests.notRun).toBe('the build failed with compile errors (1 of 3 crates built clean)')
    expect(report.verdict.warnings.map(w => w.message)).toContain(
      'tests did not run: the build failed with compile errors (1 of 3 crates built clean)'
    )
    const twoPhase = await gate('compile-error-chain', { 'compile-once': 'off' })
    expect(twoPhase.tests.notRun).toBe(
      'cargo check failed with compile errors (1 of 3 crates passed the check)'
    )
  })

  it.each([
    ['off', /^cargo check: cargo reported nothing built for fx-warn-a, fx-warn-b/],
    // The default test-args take the check's (the other manifest too): one build replaces both.
    [
      'auto',
      /^cargo build \(compile once: check and test build\): cargo reported nothing built for fx-warn-a, fx-warn-b/
    ]
  ])('never calls stable a check pointed at another manifest (compile-once %s)', async (mode, words) => {
    const other = path.join(fixture('clean'), 'Cargo.toml')
    const report = await gate('warnings', {
      'check-args': `--workspace --manifest-path ${other}`,
      'deny-warnings': 'false',
      'compile-once': mode
    })
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.code)).toContain('phase-untrusted')
    expect(report.verdict.reasons.find(r => r.code === 'phase-untrusted')!.message).toMatch(words)
    expect(report.tests.ran).toBe(false)
  })

  it('never calls stable a cargo that prints only build-finished', async () => {
    const fake: ProcessRunner = (program, args, options) =>
      // The phase that checks the workspace: cargo check, or compile-once's cargo build.
      args.includes('check') || args.includes('build')
        ? runProcess('sh', ['-c', 'echo \'{"reason":"build-finished","success":true}\''], options)
        : runProcess(program, args, options)
    for (const mode of ['auto', 'off']) {
      const report = await gate('clean', { 'compile-once': mode }, fake)
      expect(report.verdict.stable).toBe(false)
      expect(report.verdict.reasons.map(r => r.code)).toEqual(['phase-untrusted'])
    }
  })
})
