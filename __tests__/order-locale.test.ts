// The report lists crates in the same order on every machine: a runner with a Danish locale sorts
// "aa" after "z" under localeCompare, which would reorder a team's report between laptop and CI.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'

const script = `
import { buildGraph } from './src/cargo/graph.ts'
const pkg = name => ({ id: name, name, version: '1.0.0', dependencies: [], targets: [], manifest_path: '/w/' + name + '/Cargo.toml', source: null })
const names = ['zed', 'aab', 'abc']
const meta = { packages: names.map(pkg), workspace_members: names, workspace_root: '/w', resolve: { nodes: names.map(id => ({ id, deps: [] })) } }
console.log(JSON.stringify(buildGraph(meta, new Map()).members))
`

function membersUnder(locale: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, LC_ALL: locale, LANG: locale, NODE_OPTIONS: '' },
    encoding: 'utf8'
  })
  return JSON.parse(out) as string[]
}

describe('crate order', () => {
  it('is the same under an English and a Danish locale', () => {
    expect(membersUnder('da_DK.UTF-8')).toEqual(['aab', 'abc', 'zed'])
    expect(membersUnder('en_US.UTF-8')).toEqual(['aab', 'abc', 'zed'])
  })
})
