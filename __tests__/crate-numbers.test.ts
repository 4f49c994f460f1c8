// The per-crate numbers people read: a crate whose own code never compiled does not look checked
// (its build script did), a crate that failed shows the time it took, each time column's total is
// the sum of the column and the build time is the one the timing section shows, and a check cargo
// refused leaves every crate "not checked". Real cargo on fixtures; cargo's own words as the oracle.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { readRunContext } from '../src/github/context.js'
import { parseConfig } from '../src/pipeline/config.js'
import { produceReport } from '../src/pipeline/produce.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { crateTable } from '../src/pipeline/tables.js'

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)
const targetBefore = process.env.CARGO_TARGET_DIR

afterEach(() => {
  if (targetBefore === undefined) delete process.env.CARGO_TARGET_DIR
  else process.env.CARGO_TARGET_DIR = targetBefore
})

/** The gate on `dir` with a fresh target directory (every unit compiled) and a baseline it never writes. */
async function gate(dir: string, inputs: Record<string, string> = {}): Promise<GateReport> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'gate-numbers-'))
  process.env.CARGO_TARGET_DIR = path.join(tmp, 'target')
  const all = {
    'baseline-path': path.join(tmp, 'baseline.json'),
    'update-baseline': 'never',
    'public-api': 'off',
    ...inputs
  }
  const config = parseConfig(n => all[n as keyof typeof all] ?? '', 'cli', dir)
  return (await produceReport(config, { ctx: readRunContext({}) })).report
}

function cargoCheck(dir: string, args: string[]): string {
  const r = spawnSync('cargo', ['check', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      CARGO_TERM_COLOR: 'never',
      CARGO_TARGET_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'oracle-')), 't')
    }
  })
  return r.stderr
}

describe('the numbers of each crate', () => {
  it('a root package whose build script compiled but whose binary never did is not checked', async () => {
    const dir = fixture('build-script-stopped')
    const report = await gate(dir)
    const root = report.crates.find(c => c.name === 'fx-rg')!
    expect(root.notChecked).toBe('not checked: the build stopped at fx-rg-broken')
    // cargo's own words: the warning is the build script's, the binary was never compiled.
    const stderr = cargoCheck(dir, ['--workspace', '--all-features', '--keep-going'])
    expect(stderr).toMatch(/warning: `fx-rg` \(build script\) generated 1 warning/)
    expect(stderr).not.toMatch(/`fx-rg` \(bin/)
    expect(root.warnings).toBe(1)
    // Once the member it depends on compiles, cargo finds the binary's own warning: its zero meant nothing.
    const fixed = mkdtempSync(path.join(tmpdir(), 'rg-fixed-'))
    cpSync(dir, fixed, { recursive: true, filter: f => !f.includes(`${path.sep}target`) })
    writeFileSync(path.join(fixed, 'crates/fx-rg-broken/src/lib.rs'), 'pub fn answer() -> u32 {\n    42\n}\n')
    expect(cargoCheck(fixed, ['--workspace', '--all-features'])).toMatch(
      /warning: `fx-rg` \(bin "fx-rg"\) generated 1 warning/
    )
    // The table says so, and shows what was found (the build script's warning) rather than zeros.
    const t = crateTable(report)
    const row = t.rows.find(r => r[0].startsWith('fx-rg '))!
    expect(row[0]).toBe('fx-rg (not checked: the build stopped at fx-rg-broken)')
    expect(row[t.header.indexOf('warnings')]).toBe('1')
    expect(row[t.header.indexOf('errors')]).toBe('–')
  })

  it('a crate that failed to compile shows the time it took, the same in the table and the timing section', async () => {
    const report = await gate(fixture('build-script-stopped'))
    const broken = report.crates.find(c => c.name === 'fx-rg-broken')!
    const wall = report.phases.filter(p => p.name === 'build').reduce((n, p) => n + p.wallSeconds, 0)
    expect(broken.buildSeconds).toBeGreaterThan(0)
    expect(broken.buildSeconds!).toBeLessThanOrEqual(wall)
    const t = crateTable(report)
    const col = t.header.indexOf('build (s)')
    for (const c of report.timing!.crates) {
      const row = t.rows.find(r => r[0].split(' ')[0] === c.name)!
      expect(row[col]).toBe(c.seconds.toFixed(2))
    }
    // Each time column's total is the sum of the figures above it.
    for (const header of ['build (s)', 'tests (s)']) {
      const i = t.header.indexOf(header)
      const cells = t.rows.map(r => r[i]).filter(c => c !== '–')
      const sum = cells.reduce((n, c) => n + Math.round(Number(c) * 100), 0) / 100
      expect(t.total[i]).toBe(cells.length ? sum.toFixed(2) : '–')
    }
    expect(t.total[col]).not.toBe('–')
  })

  it('a feature no package has: cargo refuses, and no crate reads as checked', async () => {
    const dir = fixture('warnings')
    const report = await gate(dir, { 'check-args': '--workspace --features nope' })
    const refusal = cargoCheck(dir, ['--workspace', '--features', 'nope'])
      .split('\n')
      .find(l => l.startsWith('error:'))!
    expect(refusal).toMatch(/nope/)
    expect(report.verdict.stable).toBe(false)
    expect(report.verdict.reasons.map(r => r.message).join('\n')).toContain(refusal.replace(/^error: /, ''))
    for (const c of report.crates) expect(c.notChecked).toBe('not checked: cargo stopped before checking it')
    for (const row of crateTable(report).rows) expect(row.slice(1).every(c => c === '–')).toBe(true)
  })
})

describe('tests stopped by the check', () => {
  it('says the check stopped them, how many crates passed it, and the command that runs them', async () => {
    const dir = fixture('feature-broken')
    // Tests with their own features (the earlier default): the check's failure must not hide them.
    const report = await gate(dir, { 'test-args': '--workspace' })
    // cargo's own words: --all-features does not compile fx-feat-a, the other two members check clean.
    const stderr = cargoCheck(dir, ['--workspace', '--all-features', '--keep-going'])
    expect(stderr.match(/^error: could not compile `([^`]+)`/gm)).toEqual([
      'error: could not compile `fx-feat-a`'
    ])
    const line =
      'cargo check failed with compile errors (2 of 3 crates passed the check); to run them with their own features: `cargo test --workspace`'
    expect(report.tests.notRun).toBe(line)
    expect(renderSummary(report)).toContain(
      `tests did not run: ${line.replace('`cargo test --workspace`', '<code>cargo test --workspace</code>')}`
    )
    // The command it gives runs the tests, and they pass.
    const run = spawnSync('cargo', ['test', '--workspace'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CARGO_TARGET_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'oracle-')), 't') }
    })
    expect(run.status).toBe(0)
    expect(run.stdout.match(/^test result: ok\. 1 passed/gm)).toHaveLength(3)
  })
})
