// dist/index.js run as GitHub runs it, on workspaces it has not been tuned on.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action-runner.js'

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)
const tmpReport = (name: string) => path.join(tmpdir(), `gate-e2e-${process.pid}-${name}.json`)

beforeAll(() => {
  if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run npm run bundle first')
})

describe('the bundled action', () => {
  it('passes a clean workspace and sets every output', async () => {
    const run = await runAction({
      'working-directory': fixture('clean'),
      'report-path': tmpReport('clean-report')
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toEqual(
      expect.objectContaining({ stable: 'true', errors: '0', warnings: '0', 'tests-failed': '0' })
    )
    expect(Number(run.outputs['tests-passed'])).toBeGreaterThan(0)
    expect(Number(run.outputs['check-seconds'])).toBeGreaterThan(0)
    const report = JSON.parse(readFileSync(run.outputs['report-path'], 'utf8'))
    expect(report.schemaVersion).toBe(2)
    expect(report.verdict.stable).toBe(true)
    expect(run.summary).toContain('Build is stable')
    // compile-once (the default) applies to this workspace: one cargo build for check + test build.
    expect(run.stdout).toContain('::group::cargo build')
  })

  it('fails the step on warnings, annotating each at its file and line relative to the repository', async () => {
    const run = await runAction({ 'working-directory': fixture('warnings'), 'report-path': tmpReport('w') })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.stable).toBe('false')
    const warnings = run.annotations.filter(a => a.level === 'warning')
    expect(warnings.length).toBe(Number(run.outputs.warnings))
    for (const a of warnings) {
      expect(a.file).toMatch(/^__fixtures__\/workspaces\/warnings\/crates\/.+\.rs$/)
      expect(existsSync(a.file!)).toBe(true)
      const source = readFileSync(a.file!, 'utf8').split('\n')
      expect(source.length).toBeGreaterThanOrEqual(a.line!)
    }
    expect(run.stdout).toMatch(/::error::Build gate: .*warning/)
    expect(run.summary).toMatch(/<table>.*fx-/s)
  })

  it('puts errors first and names failing tests in the summary', async () => {
    const run = await runAction({
      'working-directory': fixture('tests-mixed'),
      'report-path': tmpReport('t')
    })
    expect(run.exitCode).toBe(1)
    expect(Number(run.outputs['tests-failed'])).toBeGreaterThan(0)
    expect(run.summary).toContain('Failing tests')
    const report = JSON.parse(readFileSync(run.outputs['report-path'], 'utf8'))
    for (const f of report.tests.failures)
      expect(run.summary).toContain(f.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
  })

  it('reports an unstable build without failing the step when fail-on-unstable is false', async () => {
    const run = await runAction({
      'working-directory': fixture('compile-error'),
      'fail-on-unstable': 'false',
      'report-path': tmpReport('c')
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.stable).toBe('false')
    expect(run.annotations[0].level).toBe('error')
  })

  it.each([
    [{ 'working-directory': fixture('no-manifest') }, /working-directory.*has no Cargo.toml/],
    [
      { 'working-directory': fixture('clean'), 'deny-warnings': 'sometimes' },
      /Input 'deny-warnings': 'sometimes' is not a boolean/
    ],
    [{ 'working-directory': path.join(tmpdir(), `gate-missing-${process.pid}`, 'dir') }, /does not exist/]
  ])('fails closed on bad input %#', async (inputs, message) => {
    const run = await runAction(inputs)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.stable).toBe('false')
    expect(run.stdout).toMatch(message)
  })

  it('fails closed when cargo is not on PATH', async () => {
    const run = await runAction(
      { 'working-directory': fixture('clean') },
      { env: { PATH: path.dirname(process.execPath) } }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.stable).toBe('false')
    expect(run.stdout).toMatch(/install Rust|Is cargo installed/)
  })

  it('names the input in its hints (public-api: off), and says a broken Cargo.toml could not be judged', async () => {
    // Outside any git repository there is no base to compare the public API with.
    const ws = path.join(mkdtempSync(path.join(tmpdir(), 'gate-e2e-hints-')), 'ws')
    cpSync(fixture('clean'), ws, { recursive: true, filter: src => path.basename(src) !== 'target' })
    const run = await runAction({ 'working-directory': ws, 'run-tests': 'false' }, { cwd: ws })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toMatch(/not inside a git repository.*or set public-api: off\./)
    expect(run.summary).not.toContain('--public-api')
    const broken = await runAction({ 'working-directory': fixture('bad-manifest') })
    expect(broken.exitCode).toBe(1)
    expect(broken.summary.split('\n')[0]).toBe('<h2>❌ Build could not be judged (1 reason)</h2>')
  })

  it('explains an edition-2024 dependency the workspace MSRV cannot build, at the Cargo.toml line', async () => {
    const dir = path.resolve('__fixtures__/conflicts/msrv')
    const run = await runAction({
      'working-directory': dir,
      'run-tests': 'false',
      'report-path': tmpReport('msrv')
    })
    expect(run.exitCode).toBe(1)
    expect(Number(run.outputs['msrv-violations'])).toBeGreaterThan(0)
    const note = run.annotations.find(a => a.message.includes('base64ct 1.8.0'))!
    expect(note.level).toBe('error')
    expect(note.file).toMatch(/^__fixtures__\/conflicts\/msrv\/.*Cargo\.toml$/)
    const line = readFileSync(note.file!, 'utf8').split('\n')[note.line! - 1]
    expect(line).toMatch(/password-hash/)
    expect(run.summary).toContain('Dependency conflicts')
    expect(run.outputs.reasons).toMatch(/1\.85.*1\.80/)
  })

  it('turns a duplicate into a failure only for single-version crates', async () => {
    const dir = path.resolve('__fixtures__/conflicts/duplicates')
    const inputs = { 'working-directory': dir, 'run-tests': 'false', 'report-path': tmpReport('dup') }
    const warned = await runAction(inputs)
    expect(warned.exitCode).toBe(0)
    expect(warned.outputs['duplicate-crates']).toBe('1')
    const denied = await runAction({ ...inputs, 'single-version-crates': 'base64, base64ct' })
    expect(denied.exitCode).toBe(1)
    expect(denied.outputs['single-version-violations']).toBe('1')
  })
})
