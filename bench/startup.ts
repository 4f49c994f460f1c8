// What every run pays before it does any work: node starting and the bundle loading, for the CLI and
// for the action as GitHub starts it (`node dist/index.js`, stopped here by an input error before
// cargo). Wall time of many short runs, interleaved so that drift in the load hits all three alike.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { quantile } from './ratio.js'

export interface StartupFigure {
  label: string
  /** Wall seconds of each run. */
  seconds: number[]
}

export function startupFigures(runs: number, progress: (line: string) => void): StartupFigure[] {
  const dist = path.dirname(path.resolve(process.env.BENCH_GATE_CLI ?? 'dist/cli.js'))
  const scratch = mkdtempSync(path.join(tmpdir(), 'gate-startup-'))
  const actionEnv = {
    ...process.env,
    'INPUT_WORKING-DIRECTORY': path.join(scratch, 'no-such-workspace'),
    GITHUB_OUTPUT: path.join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: path.join(scratch, 'summary.md')
  }
  const commands: { label: string; args: string[]; env?: NodeJS.ProcessEnv }[] = [
    { label: 'node alone (`node -e 0`)', args: ['-e', '0'] },
    { label: 'the CLI (`build-gate --version`)', args: [path.join(dist, 'cli.js'), '--version'] },
    {
      label: 'the action, up to its first input check',
      args: [path.join(dist, 'index.js')],
      env: actionEnv
    }
  ]
  const out = commands.map(c => ({ label: c.label, seconds: [] as number[] }))
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? commands : [...commands].reverse()
    for (const c of order) {
      const start = process.hrtime.bigint()
      const r = spawnSync(process.execPath, c.args, {
        cwd: scratch,
        env: c.env ?? process.env,
        stdio: 'ignore'
      })
      if (r.error) throw r.error
      out.find(o => o.label === c.label)!.seconds.push(Number(process.hrtime.bigint() - start) / 1e9)
    }
  }
  rmSync(scratch, { recursive: true, force: true })
  for (const f of out) progress(`[startup] ${f.label}: ${describeMs(f.seconds)}`)
  return out
}

/** e.g. `92 ms (IQR 90–95 ms, 30 runs)`. */
export function describeMs(seconds: readonly number[]): string {
  const ms = (q: number) => (quantile(seconds, q) * 1000).toFixed(0)
  return `${ms(0.5)} ms (IQR ${ms(0.25)}–${ms(0.75)} ms, ${seconds.length} runs)`
}
