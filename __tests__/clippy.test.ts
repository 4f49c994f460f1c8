// clippy: true on real cargo: clippy's lints go the diagnostics' way (named, counted, held by the
// ratchet against the base); with compile-once clippy's driver wraps rustc in the one build and the
// test run rebuilds nothing; a toolchain without clippy gives the clear error.
// Oracle: `cargo clippy`'s own human output of the same commit.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { RatchetRepo } from './support/ratchet-repo.js'

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

const A_BASE = `pub fn one(x: u32) -> u32 {
    return x + 1;
}

pub fn two(x: u32) -> u32 {
    return x + 2;
}

pub fn three(x: u32) -> u32 {
    return x + 3;
}

#[cfg(test)]
mod tests {
    #[test]
    fn adds() {
        assert_eq!(super::one(1), 2);
    }
}
`

/** clippy's own count per crate and lint, from its human output. */
function clippyTallies(cwd: string, lintArgs: string[] = []) {
  const r = spawnSync('cargo', ['clippy', '--workspace', '--', ...lintArgs], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TERM_COLOR: 'never' }
  })
  // Per crate and lint: each warning's `--> crate/src/…` and the lint its help link names.
  const lints: Record<string, number> = {}
  for (const m of r.stderr.matchAll(/^\s*--> (\w+)\/src\/[^\n]*\n(?:[^\n]*\n)*?\s+= help: [^\n]*#(\w+)$/gm))
    lints[`${m[1]}:${m[2]}`] = (lints[`${m[1]}:${m[2]}`] ?? 0) + 1
  const generated = [...r.stderr.matchAll(/^warning: `(\w+)` \(lib\) generated (\d+) warnings?/gm)]
  return { lints, generated: Object.fromEntries(generated.map(m => [m[1], Number(m[2])])), stderr: r.stderr }
}

describe('clippy: true', () => {
  let repo: RatchetRepo
  let base: string

  beforeAll(async () => {
    repo = new RatchetRepo({ 'a/src/lib.rs': A_BASE })
    base = repo.git('rev-parse', 'HEAD')
    expect(clippyTallies(repo.repo)).toMatchObject({ lints: { 'a:needless_return': 3 }, generated: { a: 3 } })
    const pushed = await repo.push(['--clippy'])
    expect(readJson(pushed.report).phases.find((p: { name: string }) => p.name === 'check').command).toEqual(
      expect.arrayContaining(['cargo', 'clippy', '--keep-going'])
    )
    expect(readJson(repo.history).runs[0].warnings).toEqual({
      a: { 'clippy::needless_return': expect.any(String) }
    })
  }, 180_000)

  it('fails a pull request that adds a clippy lint to a crate that had three, naming it', async () => {
    repo.change(base, { 'a/src/lib.rs': `${A_BASE}\npub fn four(x: u32) -> u32 {\n    return x + 4;\n}\n` })
    expect(clippyTallies(repo.repo).lints).toEqual({ 'a:needless_return': 4 })
    const r = await repo.pullRequest(base, ['--clippy'])
    expect(r.code).toBe(1)
    const report = readJson(r.report)
    expect(report.ratchet.grown).toEqual([
      {
        crate: 'a',
        lint: 'clippy::needless_return',
        base: 3,
        now: 4,
        added: [{ message: 'unneeded `return` statement', file: 'a/src/lib.rs', line: 22 }],
        unnamed: 0
      }
    ])
    expect(clippyTallies(repo.repo).stderr).toMatch(/unneeded `return` statement\n\s+--> a\/src\/lib\.rs:22:/)
  }, 120_000)

  it('passes one that moves them, and one that removes one, saying so', async () => {
    repo.change(base, { 'a/src/lib.rs': `pub const FIRST: u32 = 0;\n\n${A_BASE}` })
    const moved = await repo.pullRequest(base, ['--clippy'])
    expect(moved.code).toBe(0)
    expect(
      readJson(moved.report).diagnostics.items.map((d: { span: { line: number } }) => d.span.line)
    ).toEqual([4, 8, 12])
    repo.change(base, { 'a/src/lib.rs': A_BASE.replace('return x + 2;', 'x + 2') })
    expect(clippyTallies(repo.repo).lints).toEqual({ 'a:needless_return': 2 })
    const removed = await repo.pullRequest(base, ['--clippy'])
    expect(removed.code).toBe(0)
    expect(removed.stdout).toContain('1 fewer warning than the base')
  }, 120_000)

  it('passes clippy-args after --, as cargo clippy does', async () => {
    repo.change(base, { 'a/src/lib.rs': A_BASE })
    const oracle = clippyTallies(repo.repo, ['-W', 'clippy::pedantic'])
    expect(oracle.lints).toEqual({
      'a:must_use_candidate': 3,
      'a:needless_return': 3,
      'b:must_use_candidate': 1
    })
    const r = await repo.pullRequest(base, ['--clippy', '--clippy-args', '-W clippy::pedantic'])
    const report = readJson(r.report)
    const codes = report.diagnostics.items
      .map((d: { crate: string; code: string }) => `${d.crate}:${d.code}`)
      .sort()
    expect(codes).toEqual([
      ...Array(3).fill('a:clippy::must_use_candidate'),
      ...Array(3).fill('a:clippy::needless_return'),
      'b:clippy::must_use_candidate'
    ])
    // New lints against the base: the ratchet names them.
    expect(r.code).toBe(1)
    expect(
      report.ratchet.grown.map((g: { crate: string; lint: string; now: number }) => [g.crate, g.lint, g.now])
    ).toEqual([
      ['a', 'clippy::must_use_candidate', 3],
      ['b', 'clippy::must_use_candidate', 1]
    ])
  }, 120_000)

  it('with compile-once, lints in the one build and the test run rebuilds nothing', async () => {
    repo.change(base, { 'a/src/lib.rs': A_BASE })
    const r = await repo.pullRequest(base, ['--clippy', '--run-tests', 'true'])
    const report = readJson(r.report)
    expect(report.compileOnce).toEqual({ mode: 'compile-once', reason: null })
    const phase = (name: string) => report.phases.find((p: { name: string }) => p.name === name)
    expect(phase('build').command).toContain('build')
    expect(report.diagnostics.items.map((d: { code: string }) => d.code)).toEqual(
      Array(3).fill('clippy::needless_return')
    )
    // cargo found every workspace unit of the test run fresh: the wrapper kept the fingerprints.
    expect(phase('test').units.workspace).toEqual({ compiled: 0, fresh: expect.any(Number) })
    expect(phase('test').units.workspace.fresh).toBeGreaterThan(0)
    expect(report.tests.passed).toBe(1)
    expect(r.code).toBe(0)
  }, 180_000)

  it('on a toolchain without clippy, stops with the error naming rustup component add clippy', async () => {
    // A toolchain of stable's cargo and rustc, without the clippy component.
    const sysroot = spawnSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).stdout.trim()
    const toolchain = path.join(mkdtempSync(path.join(tmpdir(), 'gate-toolchain-')), 'no-clippy')
    mkdirSync(path.join(toolchain, 'bin'), { recursive: true })
    for (const b of ['cargo', 'rustc', 'rustdoc'])
      symlinkSync(path.join(sysroot, 'bin', b), path.join(toolchain, 'bin', b))
    symlinkSync(path.join(sysroot, 'lib'), path.join(toolchain, 'lib'))
    const own = spawnSync('cargo', ['clippy', '--version'], {
      encoding: 'utf8',
      env: { ...process.env, RUSTUP_TOOLCHAIN: toolchain }
    })
    expect(own.status).not.toBe(0)
    const saved = process.env.RUSTUP_TOOLCHAIN
    process.env.RUSTUP_TOOLCHAIN = toolchain
    try {
      const r = await repo.pullRequest(base, ['--clippy'])
      expect(r.code).toBe(1)
      const report = readJson(r.report)
      expect(report.verdict.stable).toBe(false)
      expect(report.verdict.reasons[0].message).toMatch(
        /^clippy: true, but clippy is not installed for the active toolchain \(`cargo clippy --version`: error: 'cargo-clippy' is not installed .*\)\. Install it with `rustup component add clippy`, or set clippy: false\.$/
      )
      expect(report.phases.map((p: { name: string }) => p.name)).not.toContain('check')
    } finally {
      if (saved === undefined) delete process.env.RUSTUP_TOOLCHAIN
      else process.env.RUSTUP_TOOLCHAIN = saved
    }
  }, 120_000)
})
