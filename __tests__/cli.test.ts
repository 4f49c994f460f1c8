// The CLI over the same run: the table a developer reads, the report file and the exit status.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { PassThrough } from 'node:stream'
import { main } from '../src/cli.js'

async function cli(args: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', d => (stdout += d))
  err.on('data', d => (stderr += d))
  const code = await main(args, out as unknown as NodeJS.WriteStream, err as unknown as NodeJS.WriteStream)
  return { code, stdout, stderr }
}

const report = path.join(tmpdir(), `gate-cli-${process.pid}.json`)

describe('build-gate CLI', () => {
  it('prints the per-crate table and exits 0 on the example workspace', async () => {
    const r = await cli(['--working-directory', 'examples/toka-workspace', '--report-path', report])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^crate\s+warnings\s+errors\s+passed\s+failed\s+ignored\s+time \(s\)$/m)
    expect(r.stdout).toMatch(/^toka-core\s+0\s+0\s+\d+\s+0\s+0/m)
    expect(r.stdout).toContain('Build is stable')
    expect(r.stderr).toContain('✓ cargo check')
    expect(JSON.parse(readFileSync(report, 'utf8')).verdict.stable).toBe(true)
  })

  it('exits 1 and lists failing tests on an unstable workspace; --no-tests skips them', async () => {
    const dir = '__fixtures__/workspaces/tests-mixed'
    const failing = await cli(['--working-directory', dir, '--report-path', report])
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('Failing tests:')
    expect(failing.stdout).toMatch(/✗ \d+ tests failed/)
    const skipped = await cli([`--working-directory=${dir}`, '--no-tests', '--report-path', report])
    expect(skipped.code).toBe(0)
    expect(skipped.stdout).toContain('tests were not run')
  })

  it('rejects unknown options and bad values with exit 1 and a message', async () => {
    expect((await cli(['--wokring-directory', '.'])).stderr).toMatch(/unknown option '--wokring-directory'/)
    const bad = await cli(['--deny-warnings', 'nope', '--working-directory', 'examples/toka-workspace'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Input 'deny-warnings'/)
  })

  it('documents every option in --help', async () => {
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
  })
})
