// A process that exits while something it started still holds its output (a test's forgotten server):
// every line it wrote is read, the wait ends, and in its own process group the leftover is stopped.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { runProcess } from '../src/cargo/process.js'

const seconds = String(700 + (process.pid % 200))
const leftover = () => spawnSync('pgrep', ['-f', `^sleep ${seconds}$`], { encoding: 'utf8' }).stdout.trim()
// 5000 lines, then a child that inherits stdout and outlives the shell.
const script = `i=0; while [ $i -lt 5000 ]; do echo "line $i"; i=$((i+1)); done; sleep ${seconds} & exit 3`

afterEach(() => void spawnSync('pkill', ['-f', `^sleep ${seconds}$`]))

describe('a process whose output outlives it', () => {
  it.each([
    ['in its own process group (the test run): the leftover is stopped', 60, 'stopped', ''],
    ['in the gate’s group: the wait ends and the leftover is left alone', undefined, 'abandoned', 'running']
  ])('%s', async (_, timeoutSeconds, how, expected) => {
    const lines: string[] = []
    const outcome = await runProcess('sh', ['-c', script], {
      cwd: process.cwd(),
      onStdoutLine: l => lines.push(l),
      outputGraceSeconds: 0.5,
      ...(timeoutSeconds === undefined ? {} : { timeoutSeconds })
    })
    expect(outcome.exitCode).toBe(3)
    expect(outcome.leftRunning).toBe(how)
    expect(outcome.timedOut).toBeUndefined()
    expect(lines).toHaveLength(5000)
    expect(lines.at(-1)).toBe('line 4999')
    expect(leftover() === '' ? '' : 'running').toBe(expected)
  })

  it('is not flagged when the output closes with the process', async () => {
    const outcome = await runProcess('sh', ['-c', 'echo done'], {
      cwd: process.cwd(),
      outputGraceSeconds: 0.5
    })
    expect(outcome.exitCode).toBe(0)
    expect(outcome.leftRunning).toBeUndefined()
  })
})
