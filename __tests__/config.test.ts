import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { splitArgs } from '../src/args.js'
import { ConfigError } from '../src/inputs.js'
import { INPUTS, parseConfig } from '../src/pipeline/config.js'
import { TOOL } from '../src/tool.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const c = parseConfig(reader({}), 'action', '/repo')
    expect(c.workingDirectory).toBe('/repo')
    expect(c.checkArgs).toEqual(['--workspace', '--all-features'])
    expect(c.testArgs).toEqual(['--workspace'])
    expect(c.runTests && c.denyWarnings && c.failOnUnstable).toBe(true)
    // No report-path: the report goes where cargo never looks (src/report/location.ts).
    expect(c.reportPath).toBeNull()
    expect(parseConfig(reader({ 'report-path': 'out/r.json' }), 'action', '/repo').reportPath).toBe(
      '/repo/out/r.json'
    )
    expect(c.baselinePathGiven).toBe(false)
    expect(c.tolerancePercent).toBe(10)
    expect(c.baselineStore).toBe('branch')
    expect(c.token).toBeNull()
  })

  it('defaults the baseline to a local file on the command line', () => {
    expect(parseConfig(reader({}), 'cli', '/repo').baselineStore).toBe('file')
  })

  it.each([
    ['run-tests', 'maybe', /Input 'run-tests': 'maybe' is not a boolean; use true or false/],
    [
      'duplicate-versions',
      'error',
      /Input 'duplicate-versions': 'error' is not allowed; use one of deny, warn, allow/
    ],
    ['tolerance-percent', '-3', /Input 'tolerance-percent': '-3' must be a number/],
    ['shard', '5/4', /Input 'shard': '5\/4' must look like INDEX\/TOTAL/],
    ['check-args', '--features "a b', /Input 'check-args': unclosed " quote/],
    ['check-args', '--message-format=short', /remove '--message-format=short'/],
    [
      'test-args',
      '--workspace --doc',
      /Input 'test-args': remove '--doc': cargo cannot build doc-tests ahead/
    ],
    ['test-args', '--no-run', /Input 'test-args': remove '--no-run': .*set run-tests to false/]
  ])('rejects %s=%s with an error naming the input and the fix', (name, value, message) => {
    expect(() => parseConfig(reader({ [name]: value }), 'action', '/repo')).toThrow(ConfigError)
    expect(() => parseConfig(reader({ [name]: value }), 'action', '/repo')).toThrow(message)
  })

  it("leaves the harness's own args after -- alone", () => {
    const c = parseConfig(reader({ 'test-args': '--workspace -- --doc --no-run' }), 'action')
    expect(c.testArgs).toEqual(['--workspace', '--', '--doc', '--no-run'])
  })

  it('requires shard reports in merge mode', () => {
    expect(() => parseConfig(reader({ mode: 'merge' }), 'action')).toThrow(/shard-reports/)
  })

  it('reads crate lists separated by commas or newlines', () => {
    const c = parseConfig(reader({ 'single-version-crates': 'base64, base64ct\nserde,base64' }), 'action')
    expect(c.singleVersionCrates).toEqual(['base64', 'base64ct', 'serde'])
  })
})

describe('splitArgs', () => {
  it('splits like a shell without expanding anything', () => {
    expect(splitArgs(`--features "a b" -p 'x y' $HOME;rm\\ -rf`)).toEqual([
      '--features',
      'a b',
      '-p',
      'x y',
      '$HOME;rm -rf'
    ])
    expect(splitArgs('  ')).toEqual([])
    expect(splitArgs('--x ""')).toEqual(['--x', ''])
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { default: string; description: string }>
    runs: { using: string; main: string }
  }
  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(INPUTS.map(i => i.name).sort())
    for (const i of INPUTS) {
      expect(action.inputs[i.name].default).toBe(i.default)
      expect(action.inputs[i.name].description.length).toBeGreaterThan(10)
    }
  })
  it('runs the bundled action on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
  it('reports the package version', () => {
    expect(TOOL.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
  })
})

describe('README', () => {
  it('documents every input and output of action.yml', async () => {
    const { updateReadme } = await import('../scripts/docs.js')
    const readme = readFileSync('README.md', 'utf8')
    expect(updateReadme(readme, parse(readFileSync('action.yml', 'utf8')))).toBe(readme)
  })
})
