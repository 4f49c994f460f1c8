// A build script that fails, on real cargo: the gate says so in cargo's words (the panic included),
// and nothing cargo prints after the error (its --timings line) is taken for part of it.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'

const dir = path.resolve('__fixtures__/workspaces/build-script-panic')

describe('a build script that panics', () => {
  it('is a failed build, explained by cargo’s own error, which ends where cargo’s does', async () => {
    const cargo = spawnSync('cargo', ['check', '--timings'], { cwd: dir, encoding: 'utf8' })
    expect(cargo.status).toBe(101)
    expect(cargo.stderr).toMatch(/Timing report saved to/)
    const config = parseConfig(n => ({ 'public-api': 'off' })[n] ?? '', 'cli', dir)
    const { report } = await runGate(config)
    expect(report.verdict.stable).toBe(false)
    const build = report.phases.find(p => p.name === 'build' || p.name === 'check')!
    expect(build.exitCode).toBe(101)
    const [block] = build.cargoErrors
    expect(block).toMatch(/^error: failed to run custom build command for `fx-build-script-panic v0\.1\.0/)
    expect(block).toContain('the build script cannot find libfoo')
    expect(block).not.toMatch(/Timing report saved/)
    expect(report.verdict.reasons.map(r => r.message).join('\n')).toContain(
      'the build script cannot find libfoo'
    )
  }, 120_000)
})
