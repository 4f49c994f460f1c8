import { describe, expect, it } from '@jest/globals'
import { metadataCommand, phaseCommand, withoutOutputFlags } from '../src/cargo/commands.js'

const libtestJson = ['-Z', 'unstable-options', '--format', 'json', '--report-time']
const base = { toolchain: null, checkArgs: ['--workspace', '--all-features'], testArgs: ['--workspace'] }

describe('cargo commands', () => {
  it('asks cargo for JSON messages in every build phase', () => {
    expect(phaseCommand(base, 'check').args).toEqual([
      'check',
      '--workspace',
      '--all-features',
      '--keep-going',
      '--message-format=json-diagnostic-rendered-ansi'
    ])
    expect(phaseCommand(base, 'test-build').args).toEqual([
      'test',
      '--workspace',
      '--no-run',
      '--message-format=json-diagnostic-rendered-ansi'
    ])
    expect(phaseCommand(base, 'test').args).toEqual([
      'test',
      '--workspace',
      '--no-fail-fast',
      '--message-format=json-diagnostic-rendered-ansi',
      '--',
      ...libtestJson
    ])
  })
  it('keeps harness arguments after -- and respects an explicit --fail-fast', () => {
    const c = { ...base, testArgs: ['--workspace', '--fail-fast', '--', '--test-threads=1'] }
    expect(phaseCommand(c, 'test').args).toEqual([
      'test',
      '--workspace',
      '--fail-fast',
      '--message-format=json-diagnostic-rendered-ansi',
      '--',
      '--test-threads=1',
      ...libtestJson
    ])
    // libtest's JSON format is the gate's; a --format of the user's would break the reading.
    const own = {
      ...base,
      testArgs: ['--workspace', '--', '--format', 'pretty', '--format=terse', '--ignored']
    }
    expect(phaseCommand(own, 'test').args.slice(-7)).toEqual(['--', '--ignored', ...libtestJson])
  })
  it('puts +toolchain first', () => {
    expect(phaseCommand({ ...base, toolchain: 'nightly' }, 'check').args[0]).toBe('+nightly')
    expect(metadataCommand({ toolchain: '1.80' }, 'x86_64-unknown-linux-gnu').args).toEqual([
      '+1.80',
      'metadata',
      '--format-version',
      '1',
      '--filter-platform',
      'x86_64-unknown-linux-gnu'
    ])
  })
  it('selects the given members instead of the whole workspace', () => {
    expect(phaseCommand(base, 'check', ['a', 'b']).args).toEqual([
      'check',
      '--all-features',
      '-p',
      'a',
      '-p',
      'b',
      '--keep-going',
      '--message-format=json-diagnostic-rendered-ansi'
    ])
  })

  it("puts a shard's members among cargo's arguments, never among the test binaries' after --", () => {
    const config = { toolchain: null, testArgs: ['--workspace', '--', '--test-threads=2'] }
    const args = phaseCommand(config, 'test', ['a']).args
    expect(args.slice(0, args.indexOf('--'))).toEqual(expect.arrayContaining(['-p', 'a']))
    expect(args.slice(args.indexOf('--'))).not.toContain('-p')
    expect(args).not.toContain('--workspace')
    const build = phaseCommand(config, 'test-build', ['a']).args
    expect(build.slice(0, build.indexOf('--'))).toEqual(expect.arrayContaining(['-p', 'a']))
  })
})

describe("flags that only change cargo's own output", () => {
  it('are dropped before `--`, and the harness args after it are kept as given', () => {
    expect(
      withoutOutputFlags([
        '--workspace',
        '-q',
        '--verbose',
        '-vv',
        '--color',
        'always',
        '--color=never',
        '--locked'
      ])
    ).toEqual(['--workspace', '--locked'])
    expect(withoutOutputFlags(['-v', '--', '-q', '--color', 'always'])).toEqual([
      '--',
      '-q',
      '--color',
      'always'
    ])
  })

  it('never reach the cargo commands the gate reads', () => {
    const config = {
      toolchain: null,
      checkArgs: ['--workspace', '--verbose'],
      testArgs: ['--workspace', '-q', '--color', 'always', '--', '--nocapture']
    }
    expect(phaseCommand(config, 'check').args).toEqual([
      'check',
      '--workspace',
      '--keep-going',
      '--message-format=json-diagnostic-rendered-ansi'
    ])
    const test = phaseCommand(config, 'test').args
    expect(test.slice(0, test.indexOf('--'))).toEqual([
      'test',
      '--workspace',
      '--no-fail-fast',
      '--message-format=json-diagnostic-rendered-ansi'
    ])
    expect(test).toContain('--nocapture')
  })
})
