// The gate on real cargo and real workspaces; every count is checked against cargo's own words.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { ConfigError } from '../src/inputs.js'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { checkTallies, members, testTallies } from './support/cargo-oracle.js'

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)

async function gate(name: string, inputs: Record<string, string> = {}): Promise<GateReport> {
  const config = parseConfig(n => inputs[n] ?? '', 'cli', fixture(name))
  return (await runGate(config)).report
}

function expectCountsMatchCargo(report: GateReport, dir: string) {
  const cargo = checkTallies(dir)
  for (const c of report.crates) {
    expect({ crate: c.name, warnings: c.warnings, errors: c.errors }).toEqual({
      crate: c.name,
      warnings: cargo.warnings[c.name] ?? 0,
      errors: cargo.errors[c.name] ?? 0
    })
  }
}

function expectTestsMatchCargo(report: GateReport, dir: string) {
  for (const name of members(dir)) {
    const cargo = testTallies(dir, name)
    const c = report.crates.find(x => x.name === name)!
    expect({ crate: name, passed: c.passed, failed: c.failed, ignored: c.ignored }).toEqual({
      crate: name,
      passed: cargo.passed,
      failed: cargo.failed,
      ignored: cargo.ignored
    })
    const failing = report.tests.failures.filter(f => f.crate === name).map(f => f.name)
    expect(failing.sort()).toEqual(cargo.failing.sort())
  }
}

describe('runGate on real workspaces', () => {
  it('calls a clean workspace stable', async () => {
    const report = await gate('clean')
    expect(report.verdict).toEqual({ stable: true, reasons: [], warnings: [] })
    expect(report.crates.length).toBeGreaterThanOrEqual(2)
    expect(report.tests.passed).toBeGreaterThan(0)
    // compile-once (the default) applies: one cargo build stands for check + test build.
    expect(report.phases.map(p => p.name)).toEqual(['metadata', 'build', 'test'])
    expectTestsMatchCargo(report, fixture('clean'))
  })

  it('counts warnings per crate as cargo does, and blocks on them with deny-warnings', async () => {
    const report = await gate('warnings')
    expectCountsMatchCargo(report, fixture('warnings'))
    expect(report.diagnostics.warnings).toBeGreaterThanOrEqual(3)
    expect(report.crates.filter(c => c.warnings > 0).length).toBe(2)
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.code)).toEqual(['warnings'])
    for (const d of report.diagnostics.items) expect(d.span?.file).toMatch(/^crates\/.*\.rs$/)
  })

  it('lets warnings pass with deny-warnings false, but says so', async () => {
    const report = await gate('warnings', { 'deny-warnings': 'false' })
    expect(report.verdict.stable).toBe(true)
    expect(report.verdict.warnings.map(r => r.code)).toContain('warnings')
  })

  it('reports a compile error at its file:line with its code, and does not run tests', async () => {
    const report = await gate('compile-error')
    expectCountsMatchCargo(report, fixture('compile-error'))
    const error = report.diagnostics.items.find(d => d.severity === 'error')!
    expect(error.code).toBe('E0308')
    expect(error.span).toEqual(
      expect.objectContaining({ file: expect.stringMatching(/\.rs$/), line: expect.any(Number) })
    )
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons[0].code).toBe('compile-errors')
    expect(report.tests.ran).toBe(false)
  })

  it('counts passing, failing and ignored tests per crate, with panic messages', async () => {
    const report = await gate('tests-mixed')
    expectTestsMatchCargo(report, fixture('tests-mixed'))
    expect(report.tests.failed).toBeGreaterThanOrEqual(2)
    expect(report.tests.ignored).toBeGreaterThanOrEqual(1)
    expect(report.tests.failures.every(f => f.message && f.message.length > 0)).toBe(true)
    expect(report.verdict.reasons.map(r => r.code)).toEqual(['tests-failed'])
    const targets = new Set(report.tests.binaries.map(b => b.target))
    expect([...targets]).toEqual(expect.arrayContaining(['lib', 'doc']))
  })

  it('never counts warnings from dependencies', async () => {
    const report = await gate('dep-warnings')
    expect(report.diagnostics.dependencyWarnings).toBeGreaterThan(0)
    expect(report.diagnostics.warnings).toBe(0)
    expect(report.verdict.stable).toBe(true)
  })

  it('gates a single crate that is not a workspace', async () => {
    const report = await gate('single-crate')
    expect(report.crates.map(c => c.name)).toHaveLength(1)
    expect(report.verdict.stable).toBe(true)
    expectTestsMatchCargo(report, fixture('single-crate'))
  })

  it('refuses a directory without Cargo.toml, naming the input', async () => {
    await expect(gate('no-manifest')).rejects.toThrow(ConfigError)
    await expect(gate('no-manifest')).rejects.toThrow(/working-directory.*has no Cargo.toml/)
  })

  it('refuses a member directory that is not the workspace root', async () => {
    const dir = path.join('crates', members(fixture('clean'))[0])
    const config = parseConfig(n => (n === 'working-directory' ? dir : ''), 'cli', fixture('clean'))
    await expect(runGate(config)).rejects.toThrow(/is a member of the workspace at .*, not its root/)
  })

  it('fails closed with cargo own words when the manifest does not parse', async () => {
    const report = await gate('bad-manifest')
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons[0].message).toMatch(
      /cargo metadata: exited with code 101: error: .*Cargo.toml:3/s
    )
  })

  it('fails closed when cargo is killed by a signal', async () => {
    const config = parseConfig(() => '', 'cli', fixture('clean'))
    const report = (
      await runGate(config, {
        run: async (program, args, options) => {
          const { runProcess } = await import('../src/cargo/process.js')
          // A real process killed by a real signal, in place of cargo check (or compile-once's build).
          if (args.includes('check') || args.includes('build'))
            return runProcess('sh', ['-c', 'kill -9 $$'], options)
          return runProcess(program, args, options)
        }
      })
    ).report
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.message).join()).toMatch(/killed by signal SIGKILL/)
  })

  it('fails closed when cargo is not on PATH', async () => {
    const config = parseConfig(() => '', 'cli', fixture('clean'))
    const run = async (
      program: string,
      args: string[],
      options: Parameters<typeof import('../src/cargo/process.js').runProcess>[2]
    ) => {
      const { runProcess } = await import('../src/cargo/process.js')
      return runProcess(program === 'cargo' ? 'cargo-not-installed-here' : program, args, options)
    }
    await expect(runGate(config, { run })).rejects.toThrow(
      /could not start cargo: .*ENOENT. Is cargo installed and on PATH/
    )
  })

  it('fails closed when the toolchain input names a toolchain that is not installed', async () => {
    await expect(gate('clean', { toolchain: 'no-such-toolchain-1.0' })).rejects.toThrow(
      /toolchain 'no-such-toolchain-1.0'/
    )
  })

  // GitHub's Rust workflows often set RUST_BACKTRACE=1; rustup then adds its own stack to its two lines.
  it('says which toolchain is missing in rustup’s words, without rustup’s stack trace', async () => {
    const saved = process.env.RUST_BACKTRACE
    process.env.RUST_BACKTRACE = '1'
    try {
      const error = await gate('clean', { toolchain: 'no-such-toolchain-1.0' }).then(
        () => null,
        (e: Error) => e
      )
      expect(error?.message).toMatch(/toolchain 'no-such-toolchain-1.0'/)
      expect(error?.message).not.toMatch(/Stack backtrace|anyhow/)
    } finally {
      if (saved === undefined) delete process.env.RUST_BACKTRACE
      else process.env.RUST_BACKTRACE = saved
    }
  })
})
