// The whole gate on the workspace of real crates shaped like serde's (see conflicts-real-workspace):
// green as a new user runs it, and with the duplicate check made strict, the conflict blocks and the
// fix search, picking its targets from the conflicts' findings, proposes the verified [patch.crates-io].
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import { reportOutputs } from '../src/pipeline/outputs.js'
import { FIXTURES } from './conflicts-fixture.js'

const gate = async (inputs: Record<string, string>) => {
  const config = parseConfig(
    n => ({ 'working-directory': 'serde-workspace', ...inputs })[n] ?? '',
    'cli',
    FIXTURES
  )
  return (await runGate(config)).report
}

describe('the gate on a five-member workspace of real crates', () => {
  it('with the defaults: no conflict blocks and nothing is searched; only rustc warnings stand', async () => {
    const report = await gate({})
    // serde 1.0.152 under today's rustc warns (deny-warnings is on by default): that is the build's verdict.
    expect(report.verdict.reasons.map(r => r.code)).toEqual(['warnings'])
    expect(report.conflicts?.rustVersion).toEqual([])
    expect(report.findings.filter(f => f.source === 'conflicts')).toEqual([])
    expect(report.fixes).toBeUndefined()
    const outputs = reportOutputs(report, '/r.json', null)
    expect([outputs['msrv-violations'], outputs['duplicate-crates']]).toEqual(['0', '0'])
  }, 600_000)

  it('duplicate-versions deny with include-dev: serde from two sources blocks; fix-search auto verifies the patch', async () => {
    const report = await gate({
      'duplicate-versions': 'deny',
      'duplicate-versions-include-dev': 'true',
      'run-tests': 'false'
    })
    // The dependency findings about serde (rustc's warnings in serde are the build's, by crate too).
    const serde = report.findings
      .filter(f => f.crate === 'serde' && f.source !== 'build')
      .map(f => [f.source, f.code, f.severity])
    expect(serde).toEqual([
      ['conflicts', 'duplicate-versions', 'block'],
      ['fixes', 'fix-available', 'info']
    ])
    expect(report.verdict.stable).toBe(false)
    expect(report.fixes?.fixes.map(f => [f.crate, f.kind, f.manifest, f.verified])).toEqual([
      ['serde', 'patch', 'Cargo.toml', true]
    ])
  }, 900_000)
})
