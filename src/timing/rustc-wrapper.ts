// RUSTC_WORKSPACE_WRAPPER: cargo runs `<this> <rustc> <args…>` for workspace members only.
// Runs rustc unchanged (argv, no shell), times it and appends one JSON line to $BUILD_GATE_TIMINGS_FILE.
// Probes (`-vV`, `--print …` with crate name `___`) pass straight through and are not recorded.
import { spawnSync } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { constants } from 'node:os'
import { childrenCpuSeconds } from '../cargo/process.js'
import { TIMINGS_FILE_ENV, type CrateTime } from './crate-times.js'
import { jobserverFds, unitKind } from './wrapper-args.js'

function main(): void {
  const [rustc, ...args] = process.argv.slice(2)
  if (!rustc) {
    process.stderr.write('build-gate rustc wrapper: no rustc given; cargo sets it as the first argument.\n')
    process.exit(2)
  }
  const i = args.indexOf('--crate-name')
  const crateName = i === -1 ? null : args[i + 1]
  const file = process.env[TIMINGS_FILE_ENV]
  const record = !!file && !!crateName && crateName !== '___'

  const fds = jobserverFds(process.env)
  // No holes: node skips them, which would shift the fds to the wrong numbers.
  const stdio: (number | 'inherit' | 'ignore')[] = ['inherit', 'inherit', 'inherit']
  for (const fd of fds) {
    while (stdio.length < fd) stdio.push('ignore')
    stdio[fd] = fd
  }
  const startWall = process.hrtime.bigint()
  const startCpu = childrenCpuSeconds()
  const r = spawnSync(rustc, args, { stdio: stdio as never, shell: false })
  const wall = Number(process.hrtime.bigint() - startWall) / 1e9
  const endCpu = childrenCpuSeconds()
  if (r.error) {
    process.stderr.write(`build-gate rustc wrapper: could not run ${rustc}: ${r.error.message}\n`)
    process.exit(127)
  }
  if (record) {
    const line: CrateTime = {
      crate: process.env.CARGO_PKG_NAME || (crateName as string),
      kind: unitKind(args),
      seconds: Math.round(wall * 1000) / 1000,
      cpuSeconds: startCpu === null || endCpu === null ? null : Math.round((endCpu - startCpu) * 1000) / 1000
    }
    appendFileSync(file as string, `${JSON.stringify(line)}\n`)
  }
  if (r.signal) {
    // Die of the same signal so cargo reports it as rustc would have.
    process.kill(process.pid, r.signal)
    process.exit(128 + (constants.signals[r.signal] ?? 1))
  }
  process.exit(r.status ?? 1)
}

main()
