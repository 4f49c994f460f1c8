// The only place that starts processes. argv arrays, never a shell.
// node:child_process directly rather than @actions/exec: we need the signal name of a killed cargo,
// UTF-8 decoding across chunk boundaries, and per-line streaming without buffering the output.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { LineSplitter, type CutLines } from './lines.js'

export interface ProcessOptions {
  cwd: string
  env?: Record<string, string | undefined>
  onStdoutLine?: (line: string) => void
  onStderrLine?: (line: string) => void
  /** Kill the process and everything it started (its process group) after this many seconds. */
  timeoutSeconds?: number
  /** How long output may stay open after the process exited (see OUTPUT_GRACE_SECONDS). */
  outputGraceSeconds?: number
  /** The most of one line that is kept (see MAX_LINE_CHARS). */
  maxLineChars?: number
}

/**
 * A test that starts a server and never stops it leaves a process holding cargo's stdout: cargo has
 * exited, its output is complete, but the pipe never closes. After this many seconds the gate stops
 * waiting (and stops the leftover, when it runs in the test run's own process group).
 */
export const OUTPUT_GRACE_SECONDS = 5

export interface ProcessOutcome {
  /** null when the process did not start or was killed by a signal. */
  exitCode: number | null
  signal: string | null
  /** Set when the process could not be started at all (e.g. ENOENT: not on PATH). */
  spawnError: string | null
  wallSeconds: number
  /** user + system CPU of the process and every child it waited for; null off Linux. */
  cpuSeconds: number | null
  /** The timeout ran out and the process group was killed. */
  timedOut?: boolean
  /**
   * The process exited but something it started still held its output after the grace period:
   * 'stopped' when it was killed with the process group, 'abandoned' when it was only no longer waited for.
   */
  leftRunning?: 'stopped' | 'abandoned'
  /** Lines of its output longer than the gate keeps of one line: cut, so not read whole. */
  cutLines?: CutLines
}

export async function runProcess(
  program: string,
  args: string[],
  options: ProcessOptions
): Promise<ProcessOutcome> {
  const startWall = process.hrtime.bigint()
  const startCpu = childrenCpuSeconds()
  // Its own process group, so a timeout also kills what it started (test binaries under cargo).
  const ownGroup = options.timeoutSeconds !== undefined && process.platform !== 'win32'
  const child = spawn(program, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: false,
    windowsHide: true,
    detached: ownGroup
  })
  let timedOut = false
  let leftRunning: ProcessOutcome['leftRunning']
  const timer =
    options.timeoutSeconds === undefined
      ? null
      : setTimeout(() => {
          timedOut = true
          killGroup(child.pid)
        }, options.timeoutSeconds * 1000)
  let grace: NodeJS.Timeout | undefined
  const stdout = pipeLines(child.stdout, options.onStdoutLine, options.maxLineChars)
  const stderr = pipeLines(child.stderr, options.onStderrLine, options.maxLineChars)
  const exit = await new Promise<{ code: number | null; signal: string | null; error: string | null }>(
    resolve => {
      child.once('error', err => resolve({ code: null, signal: null, error: err.message }))
      child.once('close', (code, signal) => resolve({ code, signal, error: null }))
      child.once('exit', (code, signal) => {
        // Killed on timeout: do not wait for pipes some escaped descendant may still hold.
        if (timedOut) return resolve({ code, signal, error: null })
        if (timer) clearTimeout(timer)
        grace = setTimeout(
          () => {
            leftRunning = ownGroup ? 'stopped' : 'abandoned'
            if (ownGroup) killGroup(child.pid)
            child.stdout?.destroy()
            child.stderr?.destroy()
            resolve({ code, signal, error: null })
          },
          (options.outputGraceSeconds ?? OUTPUT_GRACE_SECONDS) * 1000
        )
      })
    }
  )
  if (timer) clearTimeout(timer)
  clearTimeout(grace)
  // A grandchild that kept the pipes open would hold the streams; after a kill they are not waited for.
  if (!timedOut && !leftRunning) await Promise.all([stdout.done, stderr.done])
  const cut = [stdout.cut, stderr.cut].filter(c => c.count > 0)
  const endCpu = childrenCpuSeconds()
  return {
    exitCode: exit.code,
    signal: exit.signal,
    spawnError: exit.error,
    wallSeconds: Number(process.hrtime.bigint() - startWall) / 1e9,
    cpuSeconds: startCpu === null || endCpu === null ? null : round(endCpu - startCpu),
    ...(timedOut ? { timedOut } : {}),
    ...(leftRunning ? { leftRunning } : {}),
    ...(cut.length
      ? {
          cutLines: {
            count: cut.reduce((n, c) => n + c.count, 0),
            longestChars: Math.max(...cut.map(c => c.longestChars))
          }
        }
      : {})
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

function pipeLines(
  stream: NodeJS.ReadableStream | null,
  onLine?: (line: string) => void,
  maxLineChars?: number
): { done: Promise<void>; cut: CutLines } {
  const splitter = onLine ? new LineSplitter(onLine, maxLineChars) : null
  const cut = splitter?.cut ?? { count: 0, longestChars: 0 }
  if (!stream) return { done: Promise.resolve(), cut }
  if (splitter) stream.on('data', (chunk: Buffer) => splitter.write(chunk))
  else stream.resume()
  const done = new Promise<void>(resolve => {
    let ended = false
    const finish = () => {
      if (ended) return
      ended = true
      splitter?.end()
      resolve()
    }
    stream.once('end', finish)
    stream.once('close', finish)
  })
  return { done, cut }
}

/**
 * cutime + cstime of this process from /proc/self/stat: the CPU of every child reaped so far,
 * including their own reaped children (rustc under cargo). Exact to the clock tick (10 ms).
 * Valid because the gate runs one cargo at a time.
 */
export function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // Fields after the command name, which may contain spaces, start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cutime = Number(fields[13])
    const cstime = Number(fields[14])
    if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return null
    return (cutime + cstime) / CLOCK_TICKS
  } catch {
    return null
  }
}

// sysconf(_SC_CLK_TCK) is 100 on every Linux that GitHub runs and on practically all others.
const CLOCK_TICKS = 100

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}
