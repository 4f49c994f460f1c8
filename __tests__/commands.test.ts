import { describe, expect, it } from '@jest/globals'
import { metadataCommand, phaseCommand } from '../src/cargo/commands.js'

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
})
