// `npm run bench:api-steps`: where the public-API check's time goes. The bench workspace of
// `bench:api` (a head that changes the API of two crates), built by the gate, then the check alone,
// run after every source is touched (a fresh checkout) and with the base not cached (a first push):
// each git and cargo process it starts, with its start and end (ms from the check's start) and, for
// cargo, how many units it compiled or documented.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { checkPublicApi, realPorts } from '../src/capabilities/public-api/check.js'
import { exec } from '../src/capabilities/public-api/exec.js'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import { apiPullRequestRepo, forgetBaseSurfaces, touchSources } from './api-repo.js'

const { values } = parseArgs({
  options: {
    crates: { type: 'string', default: '16' },
    size: { type: 'string', default: '30' },
    reps: { type: 'string', default: '3' }
  }
})
const crates = Number(values.crates)
const work = mkdtempSync(path.join(tmpdir(), 'gate-bench-api-steps-'))
const dir = path.join(work, 'ws')
apiPullRequestRepo(dir, crates, Number(values.size))

const gate = () =>
  spawnSync(
    'node',
    [
      path.resolve('dist/cli.js'),
      '--working-directory',
      dir,
      '--report-path',
      path.join(work, 'r.json'),
      '--public-api',
      'off'
    ],
    { stdio: 'ignore' }
  )
const release = /^release: (.+)$/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))![1]
const members = workspaceMembers(
  parseMetadata(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--offline'], { cwd: dir, encoding: 'utf8' })
  )
)

console.log(`public-API check, step by step — ${crates} crates, rustc ${release}`)
// The first round fills the documents' target directory; it is printed too.
for (let rep = 0; rep <= Number(values.reps); rep++) {
  touchSources(dir)
  gate()
  forgetBaseSurfaces(dir)
  const t0 = Date.now()
  const steps: string[] = []
  const section = await checkPublicApi(
    {
      policy: 'warn',
      base: '',
      crates: [],
      workspaceRoot: dir,
      targetDir: path.join(dir, 'target'),
      toolchain: null,
      rustcRelease: release,
      checkArgs: ['--workspace', '--all-features'],
      members,
      only: null,
      env: {}
    },
    {
      ...realPorts,
      exec: async (program, args, options) => {
        const start = Date.now() - t0
        const r = await exec(program, args, options)
        const units =
          program === 'cargo' ? (r.stderr.match(/^\s*(Checking|Compiling|Documenting) /gm) ?? []).length : 0
        const shown = args
          .filter(a => !a.startsWith('/'))
          .slice(0, 4)
          .join(' ')
        steps.push(
          `  ${String(start).padStart(5)} → ${String(Date.now() - t0).padStart(5)} ms  ${program} ${shown}${units ? `  (${units} units)` : ''}`
        )
        return r
      }
    }
  )
  console.log(
    `\n${rep === 0 ? 'warm-up' : `round ${rep}`}: ${section.seconds.toFixed(2)} s, ${section.status}`
  )
  console.log(steps.join('\n'))
}
rmSync(work, { recursive: true, force: true })
