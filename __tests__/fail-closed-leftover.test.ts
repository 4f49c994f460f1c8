// A process a test left running (holding cargo's output after cargo exited) is named as a warning; the
// verdict stays cargo's, since cargo's output was complete. Pure (no cargo): part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/pipeline/config.js'
import { runPhase, type ProcessRunner } from '../src/cargo/phase.js'
import { blankReport } from '../src/pipeline/report.js'
import type { PhaseName, PhaseResult } from '../src/report/schema.js'
import { deriveFindings, judge } from '../src/pipeline/judge.js'
import { phaseResult } from './support/phase-result.js'

/** The verdict the judge gives the report under `config`. */
const decideVerdict = (report: Parameters<typeof judge>[0], config: Parameters<typeof judge>[1]) =>
  judge(report, config).verdict

const outlived =
  (leftRunning: 'stopped' | 'abandoned'): ProcessRunner =>
  async () => ({ exitCode: 0, signal: null, spawnError: null, wallSeconds: 6, cpuSeconds: 1, leftRunning })

async function testRun(leftRunning: 'stopped' | 'abandoned' = 'stopped'): Promise<PhaseResult> {
  const options = { cwd: '.', run: outlived(leftRunning), timeoutSeconds: 3600 }
  return (await runPhase('test', { program: 'cargo', args: ['test'] }, options)).result
}

function body(test: PhaseResult) {
  const names: PhaseName[] = ['metadata', 'check', 'test-build']
  const base = blankReport(
    { root: '/w', members: [], msrv: null, toolchain: null, requestedToolchain: null },
    [...names.map(name => phaseResult(name)), test]
  )
  return {
    ...base,
    tests: { ran: true, passed: 1, failed: 0, ignored: 0, failures: [], binaries: [], untrusted: [] }
  }
}

describe('a process left running by the tests', () => {
  it('says whether it was stopped, as the process runner reports it', async () => {
    expect((await testRun('stopped')).leftRunning).toBe(
      "a process it started was still running 5 s after cargo exited, holding cargo's output open; it was stopped"
    )
    // Where the phase could not get its own process group (Windows), the leftover is not stopped.
    expect((await testRun('abandoned')).leftRunning).toMatch(/; the gate stopped waiting for it$/)
    expect((await testRun()).failure).toBeNull()
  })

  it('is a warning naming the phase, and leaves a clean build stable', async () => {
    const config = parseConfig(() => '', 'cli', process.cwd())
    const report = body(await testRun())
    const found = deriveFindings(report, config).filter(f => f.code === 'process-left-running')
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warn',
        message: expect.stringMatching(/^cargo test: a process it started was still running/)
      })
    ])
    expect(decideVerdict(report, config).stable).toBe(true)
    const quiet = body({ ...(await testRun()), leftRunning: undefined })
    expect(deriveFindings(quiet, config).map(f => f.code)).not.toContain('process-left-running')
  })
})
