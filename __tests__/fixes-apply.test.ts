// `build-gate --apply` on a copy of a fixture, then the gate on the result: the conflict is gone and the
// build is stable; unverified fixes are left alone.
import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { PassThrough } from 'node:stream'
import { main } from '../src/cli.js'
import { FIXES_FIXTURES } from './fixes-fixture.js'

const work = mkdtempSync(path.join(tmpdir(), 'gate-apply-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The fixture and its vendored registry, at the same relative places. */
function copy(name: string): string {
  cpSync(path.join(FIXES_FIXTURES, 'vendor'), path.join(work, name, 'vendor'), { recursive: true })
  cpSync(path.join(FIXES_FIXTURES, name), path.join(work, name, name), { recursive: true })
  return path.join(work, name, name)
}

async function cli(args: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  out.on('data', d => (stdout += d))
  err.resume()
  const code = await main(args, out as unknown as NodeJS.WriteStream, err as unknown as NodeJS.WriteStream)
  return { code, stdout }
}

type Report = {
  verdict: { stable: boolean; reasons: { code: string }[] }
  conflicts: { rustVersion: unknown[]; duplicates: unknown[] }
}
// Where the CLI writes it without --report-path: cargo's target directory.
const report = (dir: string) =>
  JSON.parse(
    readFileSync(
      path.join(
        process.env.CARGO_TARGET_DIR ?? path.join(dir, 'target'),
        'build-gate',
        'build-gate-report.json'
      ),
      'utf8'
    )
  ) as Report

describe('build-gate --apply', () => {
  it('MSRV fixture: applies base64ct 1.8.0 → 1.6.0, then the gate finds nothing and says stable', async () => {
    const dir = copy('msrv')
    const first = await cli(['--working-directory', dir, '--apply'])
    expect(first.code).toBe(1) // the run that found the conflict still reports it
    expect(report(dir).verdict.reasons.map(r => r.code)).toEqual(['msrv'])
    expect(first.stdout).toContain('--apply: wrote Cargo.lock')
    expect(first.stdout).toContain('Cargo.lock: base64ct 1.8.0 → 1.6.0')
    expect(readFileSync(path.join(dir, 'Cargo.lock'), 'utf8')).toMatch(
      /name = "base64ct"\nversion = "1\.6\.0"/
    )

    const again = await cli(['--working-directory', dir])
    expect(again.code).toBe(0)
    expect(report(dir).verdict.stable).toBe(true)
    expect(report(dir).conflicts.rustVersion).toEqual([])
  })

  it('duplicates, denied: raises toka-tools to base64 0.22, then stable with no duplicate', async () => {
    const dir = copy('duplicates-compatible')
    const args = ['--working-directory', dir, '--duplicate-versions', 'deny']
    expect((await cli([...args, '--apply'])).code).toBe(1)
    expect(readFileSync(path.join(dir, 'crates/toka-tools/Cargo.toml'), 'utf8')).toContain(
      'base64 = { version = "0.22", default-features = false } # pinned long ago'
    )
    expect((await cli(args)).code).toBe(0)
    expect(report(dir).conflicts.duplicates).toEqual([])
  })

  it('leaves an unverified fix alone and says why', async () => {
    const dir = copy('duplicates-incompatible')
    const before = readFileSync(path.join(dir, 'crates/toka-tools/Cargo.toml'), 'utf8')
    const r = await cli(['--working-directory', dir, '--apply', '--fix-search', 'true'])
    expect(r.stdout).toContain('--apply: no verified fix to apply.')
    expect(r.stdout).toContain(
      'not applied (not verified): base64 0.21.7 → 0.22.1: 2 compile errors in toka-tools'
    )
    expect(readFileSync(path.join(dir, 'crates/toka-tools/Cargo.toml'), 'utf8')).toBe(before)
  })
})
