// deny-warnings: new on real cargo: a git repository whose main has three warnings in crate a, its
// run history recorded by a trusted run of main, and pull requests that add, move and remove warnings.
// Oracle: cargo's own human output of the same commit (its per-crate tallies and words).
import { beforeAll, describe, expect, it } from '@jest/globals'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { mergeReports, readShardReports } from '../src/pipeline/shard/merge.js'
import { checkTallies } from './support/cargo-oracle.js'
import { A_BASE, RatchetRepo } from './support/ratchet-repo.js'

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

describe('deny-warnings: new (a ratchet against the base)', () => {
  let repo: RatchetRepo
  let base: string

  beforeAll(async () => {
    repo = new RatchetRepo({ 'a/src/lib.rs': A_BASE })
    base = repo.git('rev-parse', 'HEAD')
    expect(checkTallies(repo.repo).warnings).toEqual({ a: 3 })
    const pushed = await repo.push()
    // Three warnings, none new against a base there is not yet: they block, and the run says why.
    expect(pushed.stdout).toMatch(/Warnings: no base \(there is no run history at file .*history\.json yet\)/)
    const history = readJson(repo.history)
    expect(history.runs).toHaveLength(1)
    expect(history.runs[0].sha).toBe(base)
    expect(Object.keys(history.runs[0].warnings)).toEqual(['a'])
    expect(history.runs[0].warnings.a.unused_variables).toHaveLength(3 * 8)
  }, 120_000)

  it('fails a pull request that adds one warning to a crate that had three, naming the new one', async () => {
    repo.change(base, { 'a/src/lib.rs': A_BASE.replace('let z = 3;', 'let z = 3;\n    let extra = 4;') })
    const oracle = checkTallies(repo.repo)
    expect(oracle.warnings).toEqual({ a: 4 })
    expect(oracle.stderr).toContain('unused variable: `extra`')
    const r = await repo.pullRequest(base)
    expect(r.code).toBe(1)
    const report = readJson(r.report)
    const blocking = report.findings.filter((f: { severity: string }) => f.severity === 'block')
    expect(blocking.map((f: { code: string; crate: string }) => [f.code, f.crate])).toEqual([
      ['warnings-new', 'a']
    ])
    expect(blocking[0].message).toBe(
      `1 more warning in a than the base (${base.slice(0, 7)}, ${day()}): unused_variables 3 → 4: unused variable: \`extra\` (a/src/lib.rs:5)`
    )
    expect(report.ratchet.base).toMatchObject({ sha: base, how: 'base-commit' })
    expect(r.stdout).toMatch(/new: unused variable: `?extra`? \(a\/src\/lib\.rs:5\)/)
  }, 120_000)

  it('passes a pull request that moves the existing warnings to other lines', async () => {
    repo.change(base, { 'a/src/lib.rs': `/// Documented now.\npub fn first() {}\n\n${A_BASE}` })
    const r = await repo.pullRequest(base)
    const report = readJson(r.report)
    expect(checkTallies(repo.repo).warnings).toEqual({ a: 3 })
    // The same warnings, on other lines than in the base.
    expect(report.diagnostics.items.map((d: { span: { line: number } }) => d.span.line)).toEqual([5, 6, 7])
    expect(r.code).toBe(0)
    expect(report.verdict.stable).toBe(true)
    expect(report.ratchet.grown).toEqual([])
    const own = report.findings.filter((f: { source: string }) => ['build', 'ratchet'].includes(f.source))
    expect(own.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([
      ['warnings', 'warn']
    ])
  }, 120_000)

  it('passes a pull request that removes a warning, and says so', async () => {
    repo.change(base, { 'a/src/lib.rs': A_BASE.replace('    let y = 2;\n', '') })
    expect(checkTallies(repo.repo).warnings).toEqual({ a: 2 })
    const r = await repo.pullRequest(base)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('1 fewer warning than the base')
    const report = readJson(r.report)
    expect(report.findings.find((f: { code: string }) => f.code === 'warnings-fewer').message).toBe(
      `1 fewer warning than the base (${base.slice(0, 7)}, ${day()})`
    )
  }, 120_000)

  it('compares with the latest record git places before a base commit that has none, and says which', async () => {
    repo.git('checkout', '-q', 'main')
    repo.write({ 'b/src/extra.rs': '' })
    const unrecorded = repo.commit('a commit of main no trusted run recorded')
    repo.change(unrecorded, { 'a/src/lib.rs': A_BASE.replace('let x = 1;', 'let x = 1;\n    let more = 0;') })
    const r = await repo.pullRequest(unrecorded)
    expect(r.code).toBe(1)
    const report = readJson(r.report)
    expect(report.ratchet.base).toMatchObject({ sha: base, how: 'before-base' })
    expect(r.stdout).toContain(
      `Warnings against the base (run of ${base.slice(0, 7)}, ${day()}: the latest recorded run before the base commit, which has no record)`
    )
    expect(report.ratchet.grown).toMatchObject([{ crate: 'a', lint: 'unused_variables', base: 3, now: 4 }])
  }, 120_000)

  it('a history it cannot read is no base: said, every warning new, and the file left as it was', async () => {
    const saved = readFileSync(repo.history, 'utf8')
    writeFileSync(repo.history, '{"format": "build-gate-his')
    try {
      repo.change(base, { 'a/src/lib.rs': A_BASE })
      const r = await repo.pullRequest(base)
      expect(r.code).toBe(1)
      const report = readJson(r.report)
      expect(report.ratchet.noBase).toMatch(
        /^the run history could not be read: Run history .*not valid JSON/
      )
      expect(report.findings.filter((f: { code: string }) => f.code === 'warnings-new')).toHaveLength(1)
      expect(readFileSync(repo.history, 'utf8')).toBe('{"format": "build-gate-his')
    } finally {
      writeFileSync(repo.history, saved)
    }
  }, 120_000)

  it('a trusted run of main with the tracker draws the burndown from the recorded runs', async () => {
    repo.git('checkout', '-q', 'main')
    repo.write({ 'a/src/lib.rs': A_BASE.replace('    let y = 2;\n', '') })
    repo.commit('one warning fewer on main')
    const r = await repo.push(['--tracker'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Burndown: warnings 3 → 2 since ${day()}`)
    expect(r.stdout).toMatch(/^ {2}a +█▆ {2}3 → 2$/m)
    expect(readJson(repo.history).runs.map((x: { warnings: object }) => x.warnings)).toEqual([
      { a: { unused_variables: expect.stringMatching(/^.{24}$/) } },
      { a: { unused_variables: expect.stringMatching(/^.{16}$/) } }
    ])
  }, 120_000)

  it('each shard holds only its own crates to the base, and the merge shows one ratchet', async () => {
    // One more warning in b; a unchanged. Each shard compares its own members with the base.
    repo.change(base, { 'b/src/lib.rs': 'pub fn b() -> u32 {\n    let unused = 1;\n    1\n}\n' })
    expect(checkTallies(repo.repo).warnings).toEqual({ a: 3, b: 1 })
    const files: string[] = []
    const shards: {
      shard: { members: string[] }
      ratchet: Record<string, unknown> & { grown: { crate: string; lint: string }[] }
      findings: { code: string }[]
    }[] = []
    for (const shard of ['1/2', '2/2']) {
      const r = await repo.pullRequest(base, ['--shard', shard])
      const file = `${r.report}.${shard.replace('/', '-')}.json`
      copyFileSync(r.report, file)
      files.push(file)
      shards.push(readJson(file))
    }
    const holding = (name: string) => shards.find(s => s.shard.members.includes(name))!
    expect(holding('a')).not.toBe(holding('b'))
    // The shard without a: its three base warnings were not looked for, so none "went away".
    expect(holding('b').ratchet).toMatchObject({ fewer: 0, baseWarnings: 0, warnings: 1 })
    expect(holding('b').ratchet.grown.map((g: { crate: string; lint: string }) => [g.crate, g.lint])).toEqual(
      [['b', 'unused_variables']]
    )
    expect(holding('a').ratchet).toMatchObject({ fewer: 0, baseWarnings: 3, warnings: 3, grown: [] })
    for (const s of shards)
      expect(s.findings.map((f: { code: string }) => f.code)).not.toContain('warnings-fewer')
    const merged = mergeReports(readShardReports(files))
    expect(merged.ratchet).toMatchObject({ fewer: 0, baseWarnings: 3, warnings: 4, base: { sha: base } })
    expect(merged.ratchet!.grown.map(g => `${g.crate} ${g.lint} ${g.base} → ${g.now}`)).toEqual([
      'b unused_variables 0 → 1'
    ])
    expect(merged.verdict.stable).toBe(false)
    expect(merged.findings.filter(f => f.code === 'warnings-new').map(f => f.crate)).toEqual(['b'])
  }, 180_000)

  it('without a base record says so and counts every warning as new', async () => {
    const saved = readFileSync(repo.history, 'utf8')
    writeFileSync(repo.history, JSON.stringify({ format: 'build-gate-history', version: 1, runs: [] }))
    try {
      repo.change(base, { 'a/src/lib.rs': `${A_BASE}\n// unchanged code\n` })
      const r = await repo.pullRequest(base)
      expect(r.code).toBe(1)
      const report = readJson(r.report)
      expect(report.ratchet.noBase).toBe('the run history has no recorded run yet')
      expect(report.findings.find((f: { code: string }) => f.code === 'warnings-new').message).toMatch(
        /^3 more warnings in a with no base to compare with: unused_variables 0 → 3/
      )
    } finally {
      writeFileSync(repo.history, saved)
    }
  }, 120_000)
})

function day(): string {
  return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
}
