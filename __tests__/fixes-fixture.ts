// Runs the conflict analysis and the fix search on the fixes fixtures, the way the gate does.
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { realpathSync } from 'node:fs'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { type ConflictOptions } from '../src/capabilities/conflicts/index.js'
import { runFixes, type FixesResult, type FixPorts } from '../src/capabilities/fixes/run.js'
import { host, metadata, DEFAULT_OPTIONS } from './conflicts-fixture.js'
import { buildGraph } from '../src/cargo/graph.js'
import { runProcess } from '../src/cargo/process.js'
import { readMemberDeps } from '../src/capabilities/conflicts/member-deps.js'

export const FIXES_FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../__fixtures__/fixes'
)

export const BUILD = {
  toolchain: null,
  checkArgs: ['--workspace', '--all-features'],
  testArgs: ['--workspace'],
  runTests: true
}

/** Every conflict found is searched (as `fix-search: true` does when every conflict counts). */
export async function fixesFor(
  dir: string,
  overrides: Partial<ConflictOptions> = {},
  ports: FixPorts = {}
): Promise<FixesResult & { options: ConflictOptions }> {
  const meta = await metadata(dir)
  const { triple, release } = await host()
  const options: ConflictOptions = {
    ...DEFAULT_OPTIONS,
    toolchain: release,
    ...overrides
  }
  // As the gate does: what each suspect member builds by itself, in cargo tree's words.
  const graph = buildGraph(meta)
  const { deps } = await readMemberDeps(graph, options.msrvCheckIncludeDev, {
    run: runProcess,
    cwd: dir,
    host: triple,
    toolchain: null
  })
  const conflicts = analyzeConflicts(meta, graph, { ...options, memberDeps: deps })
  const result = await runFixes(
    {
      root: realpathSync(dir),
      host: triple,
      config: BUILD,
      conflicts,
      conflictOptions: options,
      metadata: meta
    },
    ports
  )
  return { ...result, options }
}
