// The CLI over the same run: the table a developer reads, the report file, the exit status, and flags
// that behave like other command-line tools.
import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { INPUTS } from '../src/pipeline/config.js'
import { cli } from './support/cli-runner.js'
import { BOOLEAN_INPUTS, parseCommandLine } from '../src/cli/flags.js'
import { usage } from '../src/cli/help.js'
import { editDistance } from '../src/cli/suggest.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'gate-cli-'))
const report = path.join(tmp, 'report.json')
// Stable runs add a sample to the file baseline: keep it out of the fixtures.
const baseline = (name: string) => ['--baseline-path', path.join(tmp, `${name}-baseline.json`)]
/** A copy of a fixture workspace outside this repository, without its build output. */
const copyOf = (fixture: string, name: string) => {
  const dir = path.join(tmp, name)
  cpSync(path.join('__fixtures__/workspaces', fixture), dir, {
    recursive: true,
    filter: src => path.basename(src) !== 'target'
  })
  return dir
}
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
    // The default test-args take the check's, so the example compiles once: one build, then the tests.
    expect(r.stderr).toContain('✓ cargo build')
    expect(r.stderr).toContain('✓ cargo test')
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
    // A boolean that is not one, in both spellings, named as the flag it is.
    for (const argv of [
      ['--deny-warnings=nope', 'examples/toka-workspace'],
      ['--deny-warnings=flase', 'examples/toka-workspace'],
      ['--deny-warnings', 'flase', 'examples/toka-workspace'],
      ['examples/toka-workspace', '--run-tests', 'ture']
    ]) {
      const bad = await cli(argv)
      expect(bad.code).toBe(1)
      expect(bad.stderr).toMatch(
        /^build-gate: --(deny-warnings|run-tests): '\w+' is not a boolean; use --\1 or --no-\1/
      )
    }
    // Input errors name the flag, not the action input.
    const args = await cli(['examples/toka-workspace', '--check-args', '--features "a b'])
    expect(args.stderr).toMatch(/^build-gate: --check-args: unclosed " quote/)
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
    // A word one slip from a boolean is not taken for the PATH.
    expect(() => inputs(['--deny-warnings', 'flase'])).toThrow(/'flase' is not a boolean/)
    // Every action input is a flag of the same name.
    for (const i of INPUTS)
      expect(Object.keys(inputs([`--${i.name}=${BOOLEAN_INPUTS.has(i.name) ? 'true' : 'x'}`]))).toEqual([
        i.name
      ])
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
    expect(r.stdout).toMatch(
      /^Exit status: 0 stable; 1 unstable, could not be judged, or bad input;\n +2 stable, but the roadmap sync failed/m
    )
    const text = usage(100)
    const rows = text.split('\n').filter(l => /^ {2}\S/.test(l))
    const column = (l: string) => /^ {2}\S+(?: \S+)*? {2,}(?=\S)/.exec(l)![0].length
    expect(rows.length).toBeGreaterThan(INPUTS.length)
    expect(new Set(rows.map(column)).size).toBe(1)
    for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(100)
    expect(text).not.toMatch(/`|\*\*/)
  })

  it("shows cargo's progress as it comes: its Checking lines between a phase's start and end", async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'gate-cli-progress-'))
    process.env.CARGO_TARGET_DIR = target
    try {
      const dir = '__fixtures__/workspaces/clean'
      const plain = await cli([dir, '--report-path', report, '--no-tests', '--public-api', 'off'])
      expect(plain.code).toBe(0)
      const lines = plain.stderr.split('\n')
      const start = lines.indexOf('… cargo check')
      const end = lines.findIndex(l => /^✓ cargo check \(/.test(l))
      const compiling = lines.flatMap((l, i) =>
        /^\s+Checking fx-clean-(core|app) v0\.1\.0/.test(l) ? [i] : []
      )
      expect(compiling).toHaveLength(2)
      for (const i of compiling) expect(start < i && i < end).toBe(true)
      expect(lines.some(l => /^\s+Finished /.test(l))).toBe(true)

      // On a terminal: each line above the spinner, which is cleared first.
      rmSync(target, { recursive: true, force: true })
      const tty = await cli([dir, '--report-path', report, '--no-tests', '--public-api', 'off'], {
        errTty: true
      })
      expect(tty.stderr).toContain('\r\u001b[K')
      const shown = stripVTControlCharacters(tty.stderr).split(/[\r\n]/)
      expect(shown).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\s+Checking fx-clean-core v0\.1\.0/),
          expect.stringMatching(/^✓ cargo check \(/)
        ])
      )
    } finally {
      delete process.env.CARGO_TARGET_DIR
    }
  })

  it('says a build whose Cargo.toml cargo cannot read, or whose toolchain is missing, could not be judged', async () => {
    const broken = await cli(['__fixtures__/workspaces/bad-manifest', '--report-path', report])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(/^Build could not be judged \(1 reason\)$/m)
    expect(broken.stdout).toMatch(/✗ cargo metadata: exited with code 101: error: /)
    const toolchain = await cli([
      '__fixtures__/workspaces/clean',
      '--toolchain',
      'no-such-toolchain',
      '--report-path',
      report
    ])
    expect(toolchain.code).toBe(1)
    expect(toolchain.stdout).toMatch(/^Build could not be judged \(1 reason\)$/m)
    expect(toolchain.stdout).toMatch(/no-such-toolchain/)
    // A build that was judged says unstable.
    const errors = await cli(['__fixtures__/workspaces/compile-error', '--report-path', report, '--no-tests'])
    expect(errors.stdout).toMatch(/^Build is unstable \(1 reason\)$/m)
  })

  it('reads --workstreams relative to the workspace; a stable build whose roadmap sync failed says both, exit 2', async () => {
    const ws = copyOf('clean', 'roadmap-ws')
    cpSync('__fixtures__/workstreams/toka', path.join(ws, 'plan'), { recursive: true })
    const args = [ws, '--report-path', report, '--no-tests', '--public-api', 'off', ...baseline('roadmap')]
    // The current directory is this repository, not the workspace.
    const ok = await cli([...args, '--workstreams', 'plan/*.yaml'])
    expect(ok.stderr).not.toMatch(/sync/i)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^Workstreams \(/m)
    expect(ok.stdout).toContain('document-organization')

    const failed = await cli([...args, '--workstreams', 'nowhere/*.yaml'])
    expect(failed.code).toBe(2)
    expect(failed.stdout).toMatch(/^Build is stable$/m)
    expect(failed.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Build is stable, but the roadmap sync failed (exit status 2).'
    )
    expect(failed.stderr).toMatch(
      /^build-gate: Roadmap sync: --workstreams: .*nowhere\/\*\.yaml: matches no file under /ms
    )
  })

  it('names the flag in its hints (--public-api off), where the action names the input', async () => {
    // Outside any git repository there is no base to compare the public API with: the hint says how to turn it off.
    const ws = copyOf('clean', 'hints-ws')
    const r = await cli([ws, '--report-path', report, '--no-tests', ...baseline('hints')])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/not inside a git repository.*or set --public-api off\./)
    expect(r.stdout).not.toMatch(/public-api: off/)
  })

  it('suggests by edit distance, a swap counting once', () => {
    expect(editDistance('deny-warnigns', 'deny-warnings')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
  })
})
