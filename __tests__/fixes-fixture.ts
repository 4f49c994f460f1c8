// Runs the conflict analysis and the fix search on the fixes fixtures, the way the gate does.
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { realpathSync } from 'node:fs'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { type ConflictOptions } from '../src/capabilities/conflicts/index.js'
import { runFixes, type FixesResult, type FixPorts } from '../src/capabilities/fixes/run.js'
import { host, metadata, msrvOf, DEFAULT_OPTIONS } from './conflicts-fixture.js'

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
    msrv: msrvOf(dir, meta),
    ...overrides
  }
  const conflicts = analyzeConflicts(meta, null, options)
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
