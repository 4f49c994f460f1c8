// Runs git and cargo for the API check: argv arrays, never a shell, every run bounded in time.
import { execFile } from 'node:child_process'

export interface ExecResult {
  code: number | null
  stdout: string
  stderr: string
  /** Set when the program could not start (not installed) or was stopped (timed out). */
  error: string | null
}

export interface ExecOptions {
  cwd: string
  env?: Record<string, string | undefined>
  timeoutMs: number
}

export type Exec = (program: string, args: string[], options: ExecOptions) => Promise<ExecResult>

export const exec: Exec = (program, args, options) =>
  new Promise(resolve => {
    execFile(
      program,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true
      },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: unknown }) | null
        let error: string | null = null
        if (e?.code === 'ENOENT') error = `${program} is not installed or not on PATH`
        else if (e?.killed)
          error = `${program} ${args[0] ?? ''} did not finish within ${Math.round(options.timeoutMs / 1000)} s`
        else if (e && typeof e.code !== 'number') error = e.message
        resolve({ code: typeof e?.code === 'number' ? e.code : e ? null : 0, stdout, stderr, error })
      }
    )
  })
