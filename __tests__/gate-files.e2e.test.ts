// The gate disturbs nothing it measures. The workspace's root package has a build script without
// rerun-if-changed, so cargo fingerprints every file in the workspace root: two gate runs in a row,
// and the second compiles nothing (cargo's own `fresh` for every unit, and cargo -v after it says
// Fresh). With the files where earlier versions wrote them, the same two runs rebuild the root package.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { cli } from './support/cli-runner.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { runAction } from './support/action-runner.js'

const fixture = path.resolve('__fixtures__/workspaces/root-build-script')
const tmp = mkdtempSync(path.join(tmpdir(), 'gate-files-'))
const saved = { ...process.env }

beforeAll(() => {
  // The CLI's baseline goes to the state directory: this test's, not the machine's.
  process.env.XDG_STATE_HOME = path.join(tmp, 'state')
  delete process.env.CARGO_TARGET_DIR
  delete process.env.CARGO_BUILD_TARGET_DIR
})
afterAll(() => {
  process.env = { ...saved }
})

/** A checkout of the fixture: a git repository of two commits, `target/` ignored as `cargo new` does. */
function checkout(name: string): string {
  const dir = path.join(tmp, name)
  cpSync(fixture, dir, { recursive: true, filter: src => path.basename(src) !== 'target' })
  writeFileSync(path.join(dir, '.gitignore'), '/target\n')
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  writeFileSync(
    path.join(dir, 'crates/fx-rbs-helper/src/lib.rs'),
    `// helper\n${readFileSync(path.join(dir, 'crates/fx-rbs-helper/src/lib.rs'), 'utf8')}`
  )
  git('commit', '-q', '-am', 'head')
  return dir
}

const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as GateReport

/** Units cargo compiled (its JSON artifacts' `fresh: false`) in every cargo phase of a run. */
function compiled(report: GateReport): number {
  const phases = report.phases.filter(p => p.name !== 'metadata')
  expect(phases.length).toBeGreaterThan(0)
  return phases.reduce((n, p) => n + p.units.workspace.compiled + p.units.dependencies.compiled, 0)
}

/**
 * cargo's own verdict after the gate: the gate's build command once more with -v; every package is
 * `Fresh`, or the lines that say what cargo rebuilt and why.
 */
function cargoRebuilds(dir: string, report: GateReport): string[] {
  const build = report.phases.find(p => p.name === 'build' || p.name === 'check')!
  const args = build.command.slice(1).filter(a => !a.startsWith('--message-format') && a !== '--timings')
  const r = spawnSync('cargo', [...args, '-v'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TERM_COLOR: 'never' }
  })
  expect(r.status).toBe(0)
  const lines = r.stderr.split('\n')
  expect(
    lines.filter(l => /^\s+Fresh fx-rbs-/.test(l)).length + lines.filter(l => /^\s+Dirty /.test(l)).length
  ).toBeGreaterThan(0)
  return lines.filter(l => /^\s+(Dirty|Compiling) /.test(l))
}

/** Files the runs left in the workspace, outside target/ and .git/. */
function leftInWorkspace(dir: string): string[] {
  const tracked = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], {
    cwd: dir,
    encoding: 'utf8'
  })
  return tracked.split('\n').filter(Boolean)
}

describe('the gate writes nothing cargo fingerprints', () => {
  it('CLI: the second of two runs compiles nothing, and cargo finds everything fresh after it', async () => {
    const dir = checkout('cli')
    const first = await cli([dir])
    expect(first.code).toBe(0)
    const reportLine = /^Report: (.+)$/m.exec(first.stdout)![1]
    const reportFile = path.resolve(reportLine)
    // In cargo's target directory (cargo metadata's target_directory), with the --timings copies.
    expect(reportFile).toBe(path.join(dir, 'target', 'build-gate', 'build-gate-report.json'))
    expect(readdirSync(path.dirname(reportFile))).toEqual(
      expect.arrayContaining(['build-gate-report.json', 'build-gate-report.cargo-timing-build.html'])
    )
    expect(compiled(readReport(reportFile))).toBeGreaterThan(0)
    // The baseline sample went to the state directory, not the workspace.
    const state = path.join(tmp, 'state', 'build-gate')
    const [folder] = readdirSync(state)
    expect(folder).toMatch(/^cli-[0-9a-f]{12}$/)
    expect(readdirSync(path.join(state, folder))).toEqual(['baseline.json'])

    const second = await cli([dir])
    expect(second.code).toBe(0)
    expect(compiled(readReport(reportFile))).toBe(0)
    expect(cargoRebuilds(dir, readReport(reportFile))).toEqual([])
    expect(leftInWorkspace(dir)).toEqual([])
    expect(second.stderr).not.toMatch(/inside the directory of package/)
  })

  it('CLI with the files where earlier versions wrote them: the second run rebuilds the root package', async () => {
    const dir = checkout('cli-legacy')
    // cargo check alone is enough to show it (the tests and the public API would only add time).
    const legacy = [
      ...['--no-tests', '--public-api', 'off'],
      ...['--report-path', 'build-gate-report.json', '--baseline-path', 'build-gate/baseline.json']
    ]
    const first = await cli([dir, ...legacy])
    expect(first.code).toBe(0)
    // The gate says so, naming the package.
    expect(first.stderr).toMatch(
      /--report-path .*build-gate-report\.json is inside the directory of package fx-rbs-root/
    )
    const second = await cli([dir, ...legacy])
    const report = readReport(path.join(dir, 'build-gate-report.json'))
    expect(compiled(report)).toBeGreaterThan(0)
    expect(report.phases.find(p => p.name === 'check')!.units.workspace.compiled).toBeGreaterThan(0)
    expect(second.code).toBe(0)
    expect(cargoRebuilds(dir, report)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Dirty fx-rbs-root .*precalculated components changed/)])
    )
    expect(leftInWorkspace(dir)).toEqual(
      expect.arrayContaining(['build-gate-report.json', 'build-gate/baseline.json'])
    )
  })

  it('action: the second of two runs compiles nothing; the report is in RUNNER_TEMP, named by the output', async () => {
    const dir = checkout('action')
    const run = () => runAction({ 'working-directory': dir }, { cwd: dir })
    const first = await run()
    expect(first.exitCode).toBe(0)
    const firstReport = first.outputs['report-path']
    expect(path.relative(dir, firstReport)).toMatch(/^\.\./)
    expect(firstReport).toMatch(/\/build-gate\/build-gate-report\.json$/)
    expect(compiled(readReport(firstReport))).toBeGreaterThan(0)
    // cargo's own status lines, as they come, inside the phase's log group.
    const group = /^::group::cargo build\n([\s\S]*?)^::endgroup::$/m.exec(first.stdout)![1]
    expect(group).toMatch(/^\s+Compiling fx-rbs-helper v0\.1\.0/m)
    expect(group).toMatch(/^\s+Compiling fx-rbs-root v0\.1\.0/m)
    // A workflow that uploads build-gate-report.json finds nothing: the log and the summary say where it went.
    expect(first.stdout).toContain(`The JSON report is at ${firstReport}`)
    expect(first.stdout).toMatch(/no longer written to build-gate-report\.json in the workspace/)
    expect(first.summary).toContain('`$RUNNER_TEMP/build-gate/build-gate-report.json`')
    expect(first.summary).toMatch(/no longer written to `build-gate-report\.json` in the workspace/)

    const second = await run()
    expect(second.exitCode).toBe(0)
    const report = readReport(second.outputs['report-path'])
    expect(compiled(report)).toBe(0)
    expect(cargoRebuilds(dir, report)).toEqual([])
    expect(leftInWorkspace(dir)).toEqual([])
    expect(existsSync(path.join(dir, 'build-gate-report.json'))).toBe(false)
  })
})
