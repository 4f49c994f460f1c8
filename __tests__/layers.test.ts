// The layers of src/ hold (the core → the capabilities → the pipeline → the entry points; a capability
// builds on another through its public face only; no import circle), as dependency-cruiser reads the
// imports (.dependency-cruiser.cjs, run by `npm run lint`): the tree as it is passes, and a copy with a
// deliberately bad import fails, naming the rule, the file and what it imports.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const DEPCRUISE = path.resolve('node_modules/.bin/depcruise')
const CONFIG = path.resolve('.dependency-cruiser.cjs')

interface Cruise {
  status: number | null
  modules: number
  violations: { rule: string; from: string; to: string }[]
}

function cruise(cwd: string, outputType = 'json'): Cruise {
  const r = spawnSync(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', outputType], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  if (outputType !== 'json') return { status: r.status, modules: 0, violations: [] }
  const out = JSON.parse(r.stdout) as {
    summary: {
      totalCruised: number
      violations: { rule: { name: string }; from: string; to: string }[]
    }
  }
  return {
    status: r.status,
    modules: out.summary.totalCruised,
    violations: out.summary.violations.map(v => ({ rule: v.rule.name, from: v.from, to: v.to }))
  }
}

/** A copy of src/ (and what resolving its imports needs) to break on purpose. */
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'layers-'))
  cpSync('src', path.join(dir, 'src'), { recursive: true })
  cpSync('tsconfig.json', path.join(dir, 'tsconfig.json'))
  return dir
}

describe('the layers of src/', () => {
  it('hold in the tree as it is', () => {
    const r = cruise('.')
    expect(r.modules).toBeGreaterThan(150)
    expect(r.violations).toEqual([])
  })

  it('a core file that imports a capability, a capability that reaches into another, and a circle are refused', () => {
    const dir = copy()
    const add = (file: string, line: string) => appendFileSync(path.join(dir, 'src', file), `\n${line}\n`)
    add('cargo/graph.ts', "import '../capabilities/build/index.js'")
    add('capabilities/tests/run.ts', "import '../build/coverage.js'")
    add('pipeline/report.ts', "import '../main.js'")
    // inputs.ts imports errors.ts: the other way round closes a circle.
    add('errors.ts', "import './inputs.js'")
    const { violations } = cruise(dir)
    expect(violations).toEqual(
      expect.arrayContaining([
        { rule: 'core-imports-up', from: 'src/cargo/graph.ts', to: 'src/capabilities/build/index.ts' },
        {
          rule: 'capability-internals',
          from: 'src/capabilities/tests/run.ts',
          to: 'src/capabilities/build/coverage.ts'
        },
        { rule: 'pipeline-imports-entry', from: 'src/pipeline/report.ts', to: 'src/main.ts' },
        { rule: 'no-circular', from: 'src/errors.ts', to: 'src/inputs.ts' }
      ])
    )
    // What `npm run lint` sees: a failing exit status.
    expect(cruise(dir, 'err').status).not.toBe(0)
  })

  it('a capability that imports the pipeline is refused', () => {
    const dir = copy()
    appendFileSync(
      path.join(dir, 'src/capabilities/timing/render.ts'),
      "\nimport '../../pipeline/registry.js'\n"
    )
    expect(cruise(dir).violations).toContainEqual({
      rule: 'capability-imports-up',
      from: 'src/capabilities/timing/render.ts',
      to: 'src/pipeline/registry.ts'
    })
  })
})
