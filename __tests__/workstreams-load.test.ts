import { describe, it, expect } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { loadWorkstreams, parseWorkstreamFile } from '../src/capabilities/roadmap/load.js'
import { WorkstreamPlanError } from '../src/capabilities/roadmap/model.js'
import { branchNameProblem } from '../src/github/refname.js'
import { findCycle, validatePlan } from '../src/capabilities/roadmap/validate.js'

const fixtures = path.resolve('__fixtures__/workstreams')

async function problemsOf(dir: string): Promise<string> {
  try {
    await loadWorkstreams('*.yaml', path.join(fixtures, dir))
  } catch (e) {
    expect(e).toBeInstanceOf(WorkstreamPlanError)
    return (e as Error).message
  }
  throw new Error(`${dir} loaded without problems`)
}

describe('loading the real Toka workstream files', () => {
  it('reads all nine as they are, with names, branches, titles and dependencies', async () => {
    const ws = await loadWorkstreams('toka/*.yaml', fixtures)
    expect(ws.map(w => w.name)).toEqual([
      'build-system-stabilization',
      'document-organization',
      'github-cicd-issues-resolution',
      'kernel-events-enhancement',
      'llm-credentials-setup',
      'performance-observability',
      'security-extension',
      'storage-advancement',
      'testing-infrastructure'
    ])
    const gate = ws[0]
    expect(gate).toMatchObject({
      title: 'Build System Stabilization',
      branch: 'feature/build-system-stabilization',
      required: [],
      optional: []
    })
    expect(gate.objectives[0]).toBe('Resolve base64ct dependency conflict')
    const perf = ws.find(w => w.name === 'performance-observability')!
    expect(perf.required).toEqual([
      {
        name: 'build-system-stabilization',
        reason: 'Stable build system required for performance tooling integration'
      }
    ])
    expect(perf.optional.map(d => d.name)).toEqual([
      'testing-infrastructure',
      'kernel-events-enhancement',
      'storage-advancement'
    ])
    expect(ws.find(w => w.name === 'kernel-events-enhancement')!.branch).toBe(
      'feature/kernel-events-expansion'
    )
    expect(ws.find(w => w.name === 'testing-infrastructure')!.optional).toEqual([])
    expect(ws.find(w => w.name === 'testing-infrastructure')!.source.file).toBe(
      'toka/testing-infrastructure.yaml'
    )
  })

  it('reads a compact plan file', async () => {
    const ws = await loadWorkstreams('compact/plan.yaml', fixtures)
    const perf = ws.find(w => w.name === 'performance-observability')!
    expect(perf.required.map(d => d.name)).toEqual(['build-system-stabilization', 'testing-infrastructure'])
    expect(perf.objectives).toEqual(['Establish performance baselines'])
    expect(ws.find(w => w.name === 'kernel-events-enhancement')!.optional.map(d => d.name)).toEqual([
      'testing-infrastructure'
    ])
  })

  it('accepts dependencies as {}, a map, a list of one-key maps or a list of names', () => {
    const { workstreams, problems } = parseWorkstreamFile(
      'metadata: {name: x}\ndependencies:\n  required: {a: because, b: null}\n  optional: [c, {d: why}]\n',
      'x.yaml'
    )
    expect(problems).toEqual([])
    expect(workstreams[0].required).toEqual([
      { name: 'a', reason: 'because' },
      { name: 'b', reason: null }
    ])
    expect(workstreams[0].optional).toEqual([
      { name: 'c', reason: null },
      { name: 'd', reason: 'why' }
    ])
  })
})

describe('plan problems name the file and the key', () => {
  it('a glob matching nothing', async () => {
    await expect(loadWorkstreams('agents/v0.3.0/workstreams/*.yaml', fixtures)).rejects.toThrow(
      /agents\/v0\.3\.0\/workstreams\/\*\.yaml.*matches no file/
    )
  })

  it('a missing name', async () => {
    expect(await problemsOf('invalid/missing-name')).toContain(
      'security-extension.yaml (metadata.name): is missing'
    )
  })

  it('duplicate names', async () => {
    expect(await problemsOf('invalid/duplicate')).toContain(
      "storage-advancement.yaml (metadata.name): duplicate workstream 'storage-advancement' (also in storage-advancement-copy.yaml)"
    )
  })

  it('a dependency on an unknown workstream', async () => {
    expect(await problemsOf('invalid/unknown-dependency')).toContain(
      "plan.yaml (workstreams[1].depends_on[1]): 'storage-advancement' depends on unknown workstream 'kernel-events'"
    )
  })

  it('a cycle, printed as a path', async () => {
    expect(await problemsOf('invalid/cycle')).toContain('required dependencies form a cycle: a → b → c → a')
  })

  it('branch names git would refuse, every one at once', async () => {
    const message = await problemsOf('invalid/bad-branch')
    expect(message).toContain("(workstreams[0].branch): branch 'feature/storage..advancement' contains '..'")
    expect(message).toContain("(workstreams[1].branch): branch 'feature/security extension' contains a space")
    expect(message).toContain(
      "(workstreams[2].branch): branch 'feature/testing.lock' has a component ending with '.lock'"
    )
    expect(message).toContain('3 problems')
  })

  it('not YAML at all', () => {
    expect(parseWorkstreamFile('metadata: [unclosed', 'broken.yaml').problems[0]).toMatchObject({
      file: 'broken.yaml',
      message: expect.stringContaining('not valid YAML')
    })
  })

  it('a self-dependency is a cycle', () => {
    const { workstreams } = parseWorkstreamFile('workstreams: [{name: a, depends_on: [a]}]', 'p.yaml')
    expect(findCycle(workstreams)).toEqual(['a', 'a'])
  })
})

describe('branch names agree with git check-ref-format --branch', () => {
  const names = [
    'feature/kernel-events-expansion',
    'feature/a b',
    'feature/..x',
    'feature/.hidden',
    'feature/x.lock',
    'feature//x',
    '/feature',
    'feature/',
    'feature.',
    'a~1',
    'a^b',
    'a:b',
    'a?b',
    'a*b',
    'a[b',
    'a\\b',
    'a@{b',
    '@',
    '-x',
    'HEAD',
    'a\tb',
    'v0.3.0/phase-2',
    'a@b',
    'ünïcode'
  ]
  it.each(names)('%s', name => {
    let gitAccepts = true
    try {
      execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'pipe' })
    } catch {
      gitAccepts = false
    }
    expect(branchNameProblem(name) === null).toBe(gitAccepts)
  })
})

describe('what GitHub could not hold, and the gate workstream', () => {
  const plan = (names: string[]) =>
    `workstreams:\n${names.map(n => `  - name: "${n}"\n    title: T\n`).join('')}`
  const problems = (source: string, options: { labelPrefix?: string; gateWorkstream?: string }) => {
    const parsed = parseWorkstreamFile(source, 'plan.yaml')
    return [...parsed.problems, ...validatePlan(parsed.workstreams, options)].map(p => p.message)
  }

  it('a comma in a name, or a label over 50 characters, names the workstream and the fix', () => {
    expect(problems(plan(['a,b', 'x'.repeat(42), 'ok']), { labelPrefix: 'workstream:' })).toEqual([
      "its label 'workstream:a,b' contains a comma, which splits GitHub's labels= filter; shorten or rename the workstream (or workstream-label-prefix 'workstream:')",
      `its label 'workstream:${'x'.repeat(42)}' is 53 characters; GitHub allows 50; shorten or rename the workstream (or workstream-label-prefix 'workstream:')`
    ])
  })

  it('a gate-workstream that is not in the plan lists the ones that are', () => {
    expect(problems(plan(['build', 'docs']), { gateWorkstream: 'biuld' })).toEqual([
      "'biuld' is not a workstream of the plan (build, docs); set gate-workstream to the workstream this build gate stands for"
    ])
    expect(problems(plan(['build', 'docs']), { gateWorkstream: 'build' })).toEqual([])
  })

  it('a YAML alias bomb is refused with a clear message, quickly', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (const [i, n] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const prev = String.fromCharCode('a'.charCodeAt(0) + i)
      rows.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    rows.push('workstreams: [*i]')
    const started = Date.now()
    expect(parseWorkstreamFile(rows.join('\n'), 'bomb.yaml').problems).toEqual([
      {
        file: 'bomb.yaml',
        key: '',
        message:
          'expands YAML aliases (*name) more than 100 times, like a "billion laughs" file; write the plan without nested aliases'
      }
    ])
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
