import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { bundleWrapper } from '../bench/wrapper-bundle.js'
import { crateTimesEnv, readCrateTimes, totalsByCrate } from '../src/timing/crate-times.js'

const WS = path.resolve('__fixtures__/timing/ws')
let tmp = ''
let wrapper = ''

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'wrapper-'))
  wrapper = bundleWrapper(tmp)
})

function cargo(args: string[], env: Record<string, string>) {
  return spawnSync('cargo', args, {
    cwd: WS,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TARGET_DIR: path.join(tmp, 'target'), ...env }
  })
}

describe('per-crate times through RUSTC_WORKSPACE_WRAPPER, with real cargo', () => {
  it('records every rustc run of the workspace crates, and nothing for a path dependency outside the workspace', () => {
    const file = path.join(tmp, 'times.jsonl')
    const env = crateTimesEnv(file, wrapper)
    const check = cargo(['check', '--workspace', '--offline'], env)
    expect(check.stderr).not.toMatch(/jobserver/)
    expect(check.status).toBe(0)
    const build = cargo(['test', '--workspace', '--no-run', '--offline'], env)
    expect(build.status).toBe(0)
    const times = readCrateTimes(file)
    const seen = times.map(t => `${t.crate} ${t.kind}`).sort()
    // `cargo test --no-run` builds the binary's test harness, not the binary itself.
    expect(seen).toEqual([
      'timing-app build:test',
      'timing-app check:bin',
      'timing-core build:lib',
      'timing-core build:test',
      'timing-core check:lib'
    ])
    for (const t of times) {
      expect(t.seconds).toBeGreaterThan(0)
      expect(t.cpuSeconds).not.toBeNull()
    }
    expect([...totalsByCrate(times, 'cpu').keys()].sort()).toEqual(['timing-app', 'timing-core'])
    // A second build has nothing to compile, so nothing new is recorded.
    expect(cargo(['check', '--workspace', '--offline'], env).status).toBe(0)
    expect(readCrateTimes(file)).toHaveLength(times.length)
  })

  it('passes rustc probes through untouched, and keeps rustc’s exit code and output on errors', () => {
    const file = path.join(tmp, 'probe.jsonl')
    const env = { ...process.env, ...crateTimesEnv(file, wrapper) }
    const probe = spawnSync(wrapper, ['rustc', '-vV'], { encoding: 'utf8', env })
    expect(probe.status).toBe(0)
    expect(probe.stdout).toMatch(/^release: /m)
    const bad = path.join(tmp, 'bad.rs')
    writeFileSync(bad, 'fn main() { let x: u32 = "no"; }\n')
    const r = spawnSync(
      wrapper,
      ['rustc', '--crate-name', 'bad', '--edition', '2021', bad, '--out-dir', tmp],
      { encoding: 'utf8', env }
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/mismatched types/)
    expect(readCrateTimes(file).map(t => t.crate)).toEqual(['bad'])
  })
})
