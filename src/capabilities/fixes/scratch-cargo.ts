// cargo in the scratch copy: argv, the run's shared target directory, bounded by the runner.
import type { ProcessRunner } from '../../cargo/phase.js'
import type { SearchInputs } from './proposal.js'

/**
 * Runs cargo in the scratch copy. A cargo that is killed or cannot start stops the search in its own
 * words; so does a failure, unless `mayFail` (a resolve that is allowed to find no solution).
 */
export async function cargoIn(
  inputs: SearchInputs,
  run: ProcessRunner,
  args: string[],
  mayFail = false
): Promise<number> {
  const full = inputs.config.toolchain ? [`+${inputs.config.toolchain}`, ...args] : args
  const stderr: string[] = []
  const r = await run('cargo', full, {
    cwd: inputs.root,
    env: { CARGO_TARGET_DIR: inputs.targetDir, CARGO_TERM_COLOR: 'never' },
    onStderrLine: line => stderr.push(line)
  })
  if (r.exitCode === 0) return 0
  if (mayFail && r.exitCode !== null && !r.spawnError) return r.exitCode
  const how = r.spawnError ?? (r.signal ? `was killed (${r.signal})` : `exited with code ${r.exitCode}`)
  throw new Error(
    `\`cargo ${full.join(' ')}\` ${how}: ${stderr.slice(-5).join('\n').trim() || '(no output)'}`
  )
}
