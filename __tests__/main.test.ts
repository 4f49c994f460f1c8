// run() with the toolkit stood in (actions/typescript-action style), on real cargo.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)
const outputs = () => Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, v]))

describe('run()', () => {
  beforeEach(() => {
    for (const k of Object.keys(core.inputs)) delete core.inputs[k]
    core.inputs['report-path'] = path.join(tmpdir(), `gate-main-${process.pid}.json`)
    core.summary.written = ''
  })

  it('masks the token and reports a stable build without failing', async () => {
    Object.assign(core.inputs, { 'working-directory': fixture('clean'), 'github-token': 'ghs_secret123' })
    await run()
    expect(core.setSecret).toHaveBeenCalledWith('ghs_secret123')
    expect(outputs().stable).toBe('true')
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.summary.written).toContain('Build is stable')
    expect(core.startGroup).toHaveBeenCalledWith('cargo build')
  })

  it('fails the step with every reason when unstable', async () => {
    Object.assign(core.inputs, { 'working-directory': fixture('tests-mixed') })
    await run()
    expect(outputs().stable).toBe('false')
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/^Build gate: \d+ tests failed/))
  })

  it('turns bad input into a failed step naming the input, and an unstable report', async () => {
    Object.assign(core.inputs, { 'working-directory': fixture('clean'), 'msrv-check': 'strict' })
    await run()
    expect(outputs().stable).toBe('false')
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringContaining("Input 'msrv-check': 'strict' is not allowed")
    )
  })
})
