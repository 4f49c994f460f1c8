// Where the report goes without report-path: RUNNER_TEMP in Actions, cargo's target directory on the
// command line; never into a package directory, never creating a missing workspace.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { displayPath, packageHolding, reportPathFor } from '../src/report/location.js'

const ws = mkdtempSync(path.join(tmpdir(), 'gate-location-'))
const config = (reportPath: string | null = null) => ({ workingDirectory: ws, reportPath })

describe('the report without report-path', () => {
  it('goes to RUNNER_TEMP in Actions, whatever the target directory', () => {
    expect(reportPathFor('action', config(), '/t/target', { RUNNER_TEMP: '/runner/_temp' })).toBe(
      '/runner/_temp/build-gate/build-gate-report.json'
    )
  })

  it("goes to cargo's target directory on the command line, and in Actions without RUNNER_TEMP", () => {
    expect(reportPathFor('cli', config(), '/t/target', { RUNNER_TEMP: '/runner/_temp' })).toBe(
      '/t/target/build-gate/build-gate-report.json'
    )
    expect(reportPathFor('action', config(), '/t/target', {})).toBe(
      '/t/target/build-gate/build-gate-report.json'
    )
  })

  it("when cargo could not say: CARGO_TARGET_DIR, else the workspace's target/", () => {
    expect(reportPathFor('cli', config(), null, { CARGO_TARGET_DIR: 'out' })).toBe(
      path.join(ws, 'out/build-gate/build-gate-report.json')
    )
    expect(reportPathFor('cli', config(), null, {})).toBe(
      path.join(ws, 'target/build-gate/build-gate-report.json')
    )
  })

  it('never inside a working directory that does not exist', () => {
    const missing = { workingDirectory: path.join(ws, 'nope'), reportPath: null }
    const file = reportPathFor('cli', missing, null, {})
    expect(file.startsWith(missing.workingDirectory)).toBe(false)
    expect(file).toBe(path.join(tmpdir(), 'build-gate/build-gate-report.json'))
  })

  it('report-path, when given, is kept', () => {
    expect(reportPathFor('action', config('/x/r.json'), '/t', { RUNNER_TEMP: '/rt' })).toBe('/x/r.json')
  })
})

describe('a report-path that cargo would fingerprint', () => {
  const members = [
    { name: 'root', manifest_path: '/ws/Cargo.toml' },
    { name: 'inner', manifest_path: '/ws/crates/inner/Cargo.toml' }
  ]
  it('names the deepest package whose directory holds it, not one under the target directory', () => {
    expect(packageHolding('/ws/build-gate-report.json', members, '/ws/target')).toBe('root')
    expect(packageHolding('/ws/crates/inner/r.json', members, '/ws/target')).toBe('inner')
    expect(packageHolding('/ws/target/build-gate/r.json', members, '/ws/target')).toBeNull()
    expect(packageHolding('/elsewhere/r.json', members, '/ws/target')).toBeNull()
    expect(packageHolding('/ws-other/r.json', members, null)).toBeNull()
  })
})

describe('the report path for people', () => {
  it('relative to the repository, $RUNNER_TEMP/…, or absolute', () => {
    expect(displayPath('/repo/ws/r.json', '/repo', {})).toBe('ws/r.json')
    expect(displayPath('/rt/build-gate/r.json', '/repo', { RUNNER_TEMP: '/rt' })).toBe(
      '$RUNNER_TEMP/build-gate/r.json'
    )
    expect(displayPath('/elsewhere/r.json', '/repo', { RUNNER_TEMP: '/rt' })).toBe('/elsewhere/r.json')
  })
})
