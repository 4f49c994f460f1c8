// The CLI over the same run: the table a developer reads, the report file, the exit status, and flags
// that behave like other command-line tools.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { PassThrough } from 'node:stream'
import { stripVTControlCharacters } from 'node:util'
import { INPUTS } from '../src/pipeline/config.js'
import { main } from '../src/cli.js'
import { parseCommandLine } from '../src/cli/flags.js'
import { usage } from '../src/cli/help.js'
import { editDistance } from '../src/cli/suggest.js'

async function cli(args: string[], options: { tty?: boolean } = {}) {
  const out = Object.assign(new PassThrough(), { isTTY: options.tty ?? false })
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', d => (stdout += d))
  err.on('data', d => (stderr += d))
  const code = await main(args, out as unknown as NodeJS.WriteStream, err as unknown as NodeJS.WriteStream)
  return { code, stdout, stderr }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'gate-cli-'))
const report = path.join(tmp, 'report.json')
// Stable runs add a sample to the file baseline: keep it out of the fixtures.
const baseline = (name: string) => ['--baseline-path', path.join(tmp, `${name}-baseline.json`)]
const inputs = (argv: string[]) => {
  const c = parseCommandLine(argv)
  if (c.kind !== 'run') throw new Error(`expected a run, got ${c.kind}`)
  return Object.fromEntries(c.inputs)
}

describe('build-gate CLI', () => {
  it('prints the per-crate table and exits 0 on the example workspace given as PATH', async () => {
    const r = await cli(['examples/toka-workspace', '--report-path', report, ...baseline('toka')])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^crate\s+warnings\s+errors\s+passed\s+failed\s+ignored\s+tests \(s\)\s+build \(s\)$/m
    )
    expect(r.stdout).toMatch(/^toka-core\s+0\s+0\s+\d+\s+0\s+0/m)
    expect(r.stdout).toContain('Build is stable')
    expect(r.stderr).toContain('✓ cargo check')
    expect(r.stdout).not.toContain('**')
    expect(JSON.parse(readFileSync(report, 'utf8')).verdict.stable).toBe(true)
  })

  it('exits 1 and lists failing tests on an unstable workspace; --no-tests skips them', async () => {
    const dir = '__fixtures__/workspaces/tests-mixed'
    const failing = await cli(['--working-directory', dir, '--report-path', report, ...baseline('mixed')])
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('Failing tests:')
    expect(failing.stdout).toMatch(/✗ \d+ tests failed/)
    expect(failing.stderr).toMatch(/^✗ cargo test \(/m)
    // Where each test panicked, as libtest said it.
    expect(failing.stdout).toMatch(
      /double_fails_assert_eq: .* \(at crates\/fx-mix-lib\/src\/lib\.rs:35:9\)$/m
    )
    const skipped = await cli([
      `--working-directory=${dir}`,
      '--no-tests',
      '--report-path',
      report,
      ...baseline('mixed')
    ])
    expect(skipped.code).toBe(0)
    expect(skipped.stdout).toContain('tests were not run')
  })

  it("prints rustc's diagnostics as cargo does, coloured only on a terminal without NO_COLOR", async () => {
    const dir = '__fixtures__/workspaces/compile-error'
    const plain = await cli([dir, '--report-path', report, '--no-tests'])
    const kept = JSON.parse(readFileSync(report, 'utf8')).diagnostics.items as { rendered: string }[]
    expect(kept.length).toBeGreaterThan(0)
    for (const d of kept) expect(plain.stdout).toContain(d.rendered.trimEnd())
    expect(plain.stdout).not.toContain('\u001b[')
    expect(plain.stderr).toMatch(/^✗ cargo check \(/m)
    // A failed phase is not a success, and the reason does not repeat its only crate's count.
    expect(plain.stdout).toMatch(/✗ 1 compile error in fx-err-broken$/m)

    const tty = await cli([dir, '--report-path', report, '--no-tests'], { tty: true })
    expect(tty.stdout).toContain('\u001b[')
    expect(stripVTControlCharacters(tty.stdout)).toContain(kept[0].rendered.trimEnd())
    process.env.NO_COLOR = '1'
    try {
      expect((await cli([dir, '--report-path', report, '--no-tests'], { tty: true })).stdout).not.toContain(
        '\u001b['
      )
    } finally {
      delete process.env.NO_COLOR
    }
  })

  it('records stable local runs in the file baseline (update-baseline auto) and compares with them', async () => {
    const dir = '__fixtures__/workspaces/clean'
    const file = path.join(tmp, 'local-baseline.json')
    const args = [dir, '--report-path', report, '--baseline-path', file, '--no-tests']
    // Warm the build first: samples are compared with samples of the same cache state.
    expect((await cli([...args, '--update-baseline', 'never'])).code).toBe(0)
    expect((await cli(args)).code).toBe(0)
    const first = JSON.parse(readFileSync(file, 'utf8'))
    const samples = (b: { entries: Record<string, { samples: unknown[] }> }) =>
      Object.values(b.entries).reduce((n, e) => n + e.samples.length, 0)
    expect(samples(first)).toBe(1)
    const second = await cli(args)
    expect(second.stdout).toMatch(/vs baseline [\d.]+ s \([^)]*, 1 sample\)/)
    expect(samples(JSON.parse(readFileSync(file, 'utf8')))).toBe(2)
    expect((await cli([...args, '--update-baseline', 'never'])).code).toBe(0)
    expect(samples(JSON.parse(readFileSync(file, 'utf8')))).toBe(2)
  })

  it('rejects unknown options with a suggestion, and bad values, with exit 1', async () => {
    const typo = await cli(['--deny-warning'])
    expect(typo.code).toBe(1)
    expect(typo.stderr).toMatch(/unknown option '--deny-warning'; did you mean '--deny-warnings'\?/)
    expect((await cli(['--wokring-directory', '.'])).stderr).toMatch(/did you mean '--working-directory'/)
    expect((await cli(['--frobnicate'])).stderr).not.toMatch(/did you mean/)
    const bad = await cli(['--deny-warnings=nope', 'examples/toka-workspace'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Input 'deny-warnings'/)
    expect((await cli(['a', 'b'])).stderr).toMatch(/one workspace PATH at a time/)
    expect((await cli(['a', '--working-directory', 'b'])).stderr).toMatch(/give one of them/)
    expect((await cli(['--check-args'])).stderr).toMatch(/--check-args needs a value/)
  })

  it('reads bare, negated and valued booleans, and PATH, the same as the action inputs', () => {
    expect(inputs(['--deny-warnings'])).toEqual({ 'deny-warnings': 'true' })
    expect(inputs(['--no-deny-warnings'])).toEqual({ 'deny-warnings': 'false' })
    expect(inputs(['--deny-warnings', 'false'])).toEqual({ 'deny-warnings': 'false' })
    expect(inputs(['--deny-warnings=false'])).toEqual({ 'deny-warnings': 'false' })
    // A word that is not a boolean after a bare switch is the PATH.
    expect(inputs(['--deny-warnings', 'ws'])).toEqual({ 'deny-warnings': 'true', 'working-directory': 'ws' })
    expect(inputs(['ws', '--no-tests'])).toEqual({ 'working-directory': 'ws', 'run-tests': 'false' })
    expect(inputs(['--check-args', '--workspace --lib'])).toEqual({ 'check-args': '--workspace --lib' })
    expect(inputs(['--', '--odd-dir'])).toEqual({ 'working-directory': '--odd-dir' })
    expect(() => inputs(['--no-tests', '--run-tests', 'true'])).toThrow(/contradicts/)
    // Every action input is a flag of the same name.
    for (const i of INPUTS) expect(Object.keys(inputs([`--${i.name}=x`]))).toEqual([i.name])
  })

  it('prints its version and a help whose columns line up', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
    for (const flag of ['--version', '-V'])
      expect((await cli([flag])).stdout).toBe(`build-gate ${pkg.version}\n`)
    const r = await cli(['--help'])
    expect(r.code).toBe(0)
    for (const flag of [
      '--working-directory',
      '--check-args',
      '--no-tests',
      '--single-version-crates',
      '--shard'
    ])
      expect(r.stdout).toContain(flag)
    expect(r.stdout).toMatch(/update-baseline auto.*every stable run adds its sample/s)
    const text = usage(100)
    const rows = text.split('\n').filter(l => /^ {2}\S/.test(l))
    const column = (l: string) => /^ {2}\S+(?: \S+)*? {2,}(?=\S)/.exec(l)![0].length
    expect(rows.length).toBeGreaterThan(INPUTS.length)
    expect(new Set(rows.map(column)).size).toBe(1)
    for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(100)
    expect(text).not.toMatch(/`|\*\*/)
  })

  it('suggests by edit distance, a swap counting once', () => {
    expect(editDistance('deny-warnigns', 'deny-warnings')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
  })
})
