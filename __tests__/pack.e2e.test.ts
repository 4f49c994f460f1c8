// What the README's "From a laptop" documents: the packed tarball installed as a global command.
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

describe('the packed CLI', () => {
  it('installs from `npm pack` with `npm install -g` and gates a workspace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-pack-'))
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string }
    const quiet = {
      stdio: 'pipe' as const,
      timeout: 240_000,
      env: { ...process.env, npm_config_loglevel: 'error' }
    }
    execFileSync(npm, ['pack', '--pack-destination', dir], quiet)
    const tarball = path.join(dir, `${pkg.name}-${pkg.version}.tgz`)
    const prefix = path.join(dir, 'prefix')
    execFileSync(
      npm,
      ['install', '-g', '--prefix', prefix, tarball, '--no-audit', '--no-fund', '--prefer-offline'],
      quiet
    )
    const bin = path.join(prefix, 'bin', 'build-gate')
    expect(execFileSync(bin, ['--version'], quiet).toString()).toBe(`build-gate ${pkg.version}\n`)
    const run = spawnSync(
      bin,
      [
        path.resolve('__fixtures__/workspaces/clean'),
        '--no-tests',
        '--report-path',
        path.join(dir, 'report.json'),
        '--baseline-path',
        path.join(dir, 'baseline.json')
      ],
      { ...quiet, cwd: dir }
    )
    expect(run.stdout.toString()).toContain('Build is stable')
    expect(run.status).toBe(0)
  }, 300_000)

  it('runs as `npx build-gate` inside the clone, without asking the registry', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    const out = execFileSync('npx', ['--no-install', 'build-gate', '--version'], {
      stdio: 'pipe',
      timeout: 60_000,
      env: { ...process.env, npm_config_loglevel: 'error' }
    })
    expect(out.toString()).toBe(`build-gate ${pkg.version}\n`)
  })
})
