// The bundled action on runs that must not end well by accident: a report path over a user's file,
// a check that fails (tests skipped, time not measured), a test run that hangs, a test that leaves a
// process running.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action-runner.js'

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)
const tmpReport = (name: string) => path.join(tmpdir(), `gate-robust-${process.pid}-${name}.json`)

beforeAll(() => {
  if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run npm run bundle first')
})

describe('the bundled action, fail-closed edges', () => {
  it.each([
    ['a Cargo.toml', 'Cargo.toml', /not a build-gate report \(not JSON\)/],
    ['the baseline history', 'baseline.json', /no build-gate tool and schemaVersion/]
  ])('refuses a report-path over %s, naming the input, and leaves the file alone', async (_, name, why) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-report-path-'))
    const file = path.join(dir, name)
    if (name === 'Cargo.toml') copyFileSync(path.join(fixture('clean'), 'Cargo.toml'), file)
    else writeFileSync(file, '{"format": "build-gate-baseline", "version": 1, "entries": []}\n')
    const before = readFileSync(file, 'utf8')
    const run = await runAction({ 'working-directory': fixture('clean'), 'report-path': file })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.stable).toBe('false')
    expect(run.stdout).toMatch(
      new RegExp(`Input 'report-path': ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `)
    )
    expect(run.stdout).toMatch(why)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('says the tests did not run and why, and leaves unmeasured figures empty', async () => {
    const run = await runAction({
      'working-directory': fixture('compile-error-chain'),
      'report-path': tmpReport('chain'),
      'baseline-store': 'file',
      'baseline-path': path.join(mkdtempSync(path.join(tmpdir(), 'gate-bl-')), 'b.json')
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('tests did not run: the build failed with compile errors')
    expect(run.summary).toContain(
      '<td>fx-chain-user (not checked: the build stopped at fx-chain-broken)</td><td>–</td>'
    )
    expect(run.summary).toMatch(/Not measured \((check|build) did not finish cleanly/)
    expect(run.summary).not.toMatch(/0\.00 s\*\* cpu/)
    expect(run.outputs['build-seconds']).toBe('')
    expect(run.outputs['test-seconds']).toBe('')
    for (const [name, value] of Object.entries(run.outputs))
      expect([name, value]).not.toEqual([name, expect.stringMatching(/NaN|Infinity/)])
  })

  it('kills a hung test run after test-timeout and still writes the report', async () => {
    const report = tmpReport('hang')
    const run = await runAction(
      { 'working-directory': fixture('tests-adversarial'), 'report-path': report, 'test-timeout': '0.05' },
      { env: { FX_HANG: '1' } }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.stable).toBe('false')
    const written = JSON.parse(readFileSync(report, 'utf8'))
    expect(written.tests.failures).toContainEqual(
      expect.objectContaining({ crate: 'fx-adv-spoof', name: 'tests::hangs_when_asked' })
    )
    expect(run.summary).toContain('tests::hangs_when_asked')
  }, 120_000)

  it('does not wait for a process a test left running: the verdict comes, the leftover is stopped and named', async () => {
    // A distinctive duration, so the leftover can be found by its command line.
    const seconds = String(600 + (process.pid % 300))
    const leftover = () =>
      spawnSync('pgrep', ['-f', `^sleep ${seconds}$`], { encoding: 'utf8' }).stdout.trim()
    try {
      const report = tmpReport('leak')
      const started = Date.now()
      const run = await runAction(
        { 'working-directory': fixture('leaky-test'), 'report-path': report, 'public-api': 'off' },
        { env: { FX_LEAK: seconds } }
      )
      expect(Date.now() - started).toBeLessThan(60_000)
      expect(run.outputs.stable).toBe('true')
      expect(run.exitCode).toBe(0)
      const written = JSON.parse(readFileSync(report, 'utf8'))
      expect(written.tests.passed).toBe(1)
      expect(written.findings).toContainEqual(
        expect.objectContaining({ code: 'process-left-running', severity: 'warn' })
      )
      expect(run.summary).toMatch(/cargo test: a process it started was still running 5 s after cargo exited/)
      expect(leftover()).toBe('')
    } finally {
      spawnSync('pkill', ['-f', `^sleep ${seconds}$`])
    }
  }, 120_000)

  // GitHub's Rust starter workflow sets CARGO_TERM_COLOR: always and runs `cargo test --verbose`.
  it('reads the tests alike when the workflow colours or rewords cargo', async () => {
    const judge = async (env: Record<string, string>, args: string) => {
      const report = tmpReport(`words-${Object.keys(env).length}-${args.length}`)
      const run = await runAction(
        {
          'working-directory': fixture('tests-mixed'),
          'report-path': report,
          'public-api': 'off',
          'check-args': `--workspace --all-features ${args}`,
          'test-args': `--workspace ${args}`
        },
        { env }
      )
      const tests = JSON.parse(readFileSync(report, 'utf8')).tests
      return {
        reasons: run.outputs.reasons,
        tests: {
          ...tests,
          binaries: undefined,
          failures: tests.failures.map((f: { crate: string; name: string }) => `${f.crate} ${f.name}`).sort()
        }
      }
    }
    const plain = await judge({}, '')
    expect(plain.tests.failed).toBe(4)
    for (const [env, args] of [
      [{ CARGO_TERM_COLOR: 'always', CARGO_TERM_VERBOSE: 'true' }, '--verbose'],
      [{ CARGO_TERM_QUIET: 'true' }, '-q --color always']
    ] as const)
      expect(await judge(env, args)).toEqual(plain)
  }, 240_000)

  // cargo passes a proc macro's stdout on as its own: the fixture's macro prints a compiler-artifact for
  // every member and a build-finished, before the real warning of a member cargo compiles afterwards.
  it('does not call a build stable when a proc macro forged cargo’s build-finished', async () => {
    const cold = () => mkdtempSync(path.join(tmpdir(), 'gate-forged-target-'))
    const cargo = spawnSync('cargo', ['check', '--workspace', '--message-format=json'], {
      cwd: fixture('forged-messages'),
      env: { ...process.env, CARGO_TARGET_DIR: cold() },
      encoding: 'utf8'
    })
    const reasons = cargo.stdout
      .split('\n')
      .filter(Boolean)
      .map(l => (JSON.parse(l) as { reason: string }).reason)
    // cargo's own words: a build-finished, then the real warning, then cargo's build-finished.
    expect(reasons.indexOf('build-finished')).toBeLessThan(reasons.indexOf('compiler-message'))
    expect(reasons.at(-1)).toBe('build-finished')
    // Without the guard, the real warning was never read, and both runs called the build stable.
    for (const runTests of ['false', 'true']) {
      const report = tmpReport(`forged-${runTests}`)
      const run = await runAction(
        {
          'working-directory': fixture('forged-messages'),
          'report-path': report,
          'public-api': 'off',
          'deny-warnings': 'true',
          'run-tests': runTests
        },
        { env: { CARGO_TARGET_DIR: cold() } }
      )
      expect(run.outputs.stable).toBe('false')
      expect(run.exitCode).toBe(1)
      const written = JSON.parse(readFileSync(report, 'utf8'))
      expect(written.findings).toContainEqual(
        expect.objectContaining({
          code: 'phase-failed',
          severity: 'block',
          message: expect.stringMatching(
            /line\(s\) in cargo's message format came after a build-finished message/
          )
        })
      )
      expect(run.summary).toMatch(/something the build ran \(a proc macro\) printed cargo-like JSON/)
    }
  }, 120_000)
})
