// What the CLI says in its own words: hints that name an action input name the flag instead, and a
// verdict that could not be reached says so rather than "unstable".
import { describe, expect, it } from '@jest/globals'
import { cliWords } from '../src/cli/words.js'
import { exitStatus } from '../src/cli.js'
import { failureReport } from '../src/pipeline/report.js'
import { judged, verdictLine } from '../src/pipeline/tables.js'
import type { FindingCode } from '../src/findings/codes.js'
import type { GateReport } from '../src/pipeline/registry.js'

describe('hints in the CLI', () => {
  it.each([
    ["Input 'deny-warnings': 'x' is not a boolean.", "--deny-warnings: 'x' is not a boolean."],
    [
      'Check out the repository with git, or set public-api: off.',
      'Check out the repository with git, or set --public-api off.'
    ],
    ['set `public-api: off` to skip it', 'set `--public-api off` to skip it'],
    ['or set `toolchain`.', 'or set `--toolchain`.'],
    ['name another revision in `public-api-base`.', 'name another revision in `--public-api-base`.'],
    ['Skipped (not in public-api-crates): a', 'Skipped (not in --public-api-crates): a'],
    ['3 warnings in fx (deny-warnings is on)', '3 warnings in fx (--deny-warnings is on)'],
    [
      'set history-path to a file such as build-gate/history.json',
      'set --history-path to a file such as build-gate/history.json'
    ]
  ])('%s', (action, cli) => {
    expect(cliWords(action)).toBe(cli)
  })

  it("leaves alone what is not an input: ordinary words, values, other tools' options, paths", () => {
    for (const text of [
      'the toolchain cannot build it; the tracker is off',
      'mode dry-run; compile-once applies; duplicate-versions found',
      'With actions/checkout, set `fetch-depth: 0`',
      'wrote build-gate/baseline.json and --deny-warnings already',
      'my-public-api-base-crate and public-api-base2'
    ])
      expect(cliWords(text)).toBe(text)
  })
})

describe('the verdict line', () => {
  const withReasons = (codes: FindingCode[]): GateReport => {
    const r = failureReport('/ws', 'x')
    return {
      ...r,
      verdict: { stable: false, reasons: codes.map(code => ({ code, message: code })), warnings: [] }
    }
  }

  it('could not be judged: only the gate or cargo failing to run or be read', () => {
    for (const codes of [
      ['gate-error'],
      ['input-error'],
      ['phase-failed'],
      ['phase-missing', 'phase-untrusted']
    ] satisfies FindingCode[][]) {
      expect(judged(withReasons(codes))).toBe(false)
      expect(verdictLine(withReasons(codes))).toMatch(/^Build could not be judged \(\d reasons?\)$/)
    }
    // A gate error with anything else still was not judged.
    expect(judged(withReasons(['gate-error', 'msrv']))).toBe(false)
  })

  it('unstable: any reason about the build itself', () => {
    for (const codes of [
      ['compile-errors'],
      ['phase-failed', 'tests-failed'],
      ['msrv'],
      ['warnings']
    ] satisfies FindingCode[][])
      expect(verdictLine(withReasons(codes))).toBe(
        `Build is unstable (${codes.length} reason${codes.length > 1 ? 's' : ''})`
      )
    const stable = { ...withReasons([]), verdict: { stable: true, reasons: [], warnings: [] } }
    expect(verdictLine(stable)).toBe('Build is stable')
  })

  it('exit status: 0 stable, 1 unstable (sync or not), 2 stable with a failed sync', () => {
    expect([
      exitStatus(true, false),
      exitStatus(false, false),
      exitStatus(false, true),
      exitStatus(true, true)
    ]).toEqual([0, 1, 1, 2])
  })
})
