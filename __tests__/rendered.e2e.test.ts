// What a developer who opens a red check sees, from the bundled action: rustc's words in the log
// (one group per crate), the first diagnostics in the summary with links to the line at the commit,
// annotations GitHub will show (10 per level) and the failing tests' panic locations.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import type { GateReport } from '../src/pipeline/registry.js'
import { runAction } from './support/action-runner.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'gate-rendered-'))
const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)
const SHA = 'c0ffee'.padEnd(40, '0')
const github = {
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_SHA: SHA,
  GITHUB_RUN_ID: '42'
}
const BLOB = `https://github.example/octo-org/octo-repo/blob/${SHA}/`

beforeAll(() => {
  if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run npm run bundle first')
})

const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as GateReport
const sourceLine = (file: string, line: number) => readFileSync(file, 'utf8').split('\n')[line - 1]
const count = (text: string, part: string) => text.split(part).length - 1

describe("the compiler's words where people look", () => {
  it('logs, summarises and annotates 12 errors and 24 warnings over four crates', async () => {
    const run = await runAction(
      {
        'working-directory': fixture('noisy'),
        'report-path': path.join(tmp, 'noisy.json'),
        'run-tests': 'false'
      },
      { env: github }
    )
    expect(run.exitCode).toBe(1)
    const report = readReport(run.outputs['report-path'])
    expect(report.diagnostics.errors).toBe(12)
    expect(report.diagnostics.warnings).toBe(24)
    const log = stripVTControlCharacters(run.stdout)

    // The log: one group per crate, the crate with errors first, each diagnostic's text exactly once.
    const groups = [...log.matchAll(/^::group::(fx-noisy-[^:]+): (.*)$/gm)].map(m => [m[1], m[2]])
    expect(groups[0]).toEqual(['fx-noisy-broken', '12 errors'])
    expect(groups.slice(1).sort()).toEqual(
      ['fx-noisy-a', 'fx-noisy-b', 'fx-noisy-c'].map(c => [c, '8 warnings'])
    )
    for (const d of report.diagnostics.items) {
      expect(count(log, d.rendered.trimEnd())).toBe(1)
      const group = log.lastIndexOf('::group::', log.indexOf(d.rendered.trimEnd()))
      expect(log.slice(group, group + 40)).toContain(d.crate)
    }
    // rustc's text cannot issue workflow commands: it is printed with commands stopped.
    expect(count(log, '::stop-commands::')).toBe(4)
    // The log keeps cargo's colours (the Actions log shows them); the report file does not.
    expect(run.stdout).toContain('\u001b[')
    expect(readFileSync(run.outputs['report-path'], 'utf8')).not.toContain('\\u001b')

    // Annotations: what GitHub shows (10 per level), warnings spread over the three crates.
    const errors = run.annotations.filter(a => a.level === 'error' && a.file)
    const warnings = run.annotations.filter(a => a.level === 'warning' && a.file)
    expect(errors.length).toBe(10)
    expect(warnings.length).toBe(10)
    const perCrate = (list: typeof warnings) => {
      const n = new Map<string, number>()
      for (const a of list) n.set(a.file!.split('/')[4], (n.get(a.file!.split('/')[4]) ?? 0) + 1)
      return [...n.values()]
    }
    expect(perCrate(warnings).sort()).toEqual([3, 3, 4])
    for (const a of [...errors, ...warnings]) {
      expect(existsSync(a.file!)).toBe(true)
      expect(sourceLine(a.file!, a.line!)).toMatch(
        a.level === 'error' ? /: String = \d+;/ : /let unused_\d = \d;/
      )
    }

    // The summary: the first 10 (errors first) in collapsible blocks, each linking to its line.
    const blocks = [
      ...run.summary.matchAll(
        /<details( open)?><summary>(.*?)<\/summary>\n\n\[(.*?)\]\((.*?)\)\n\n(`{3,})text\n([\s\S]*?)\n\5\n/g
      )
    ]
    expect(blocks.length).toBe(10)
    // More than 10: the first 3 open, the other 7 folded into one block.
    expect(run.summary).toContain('<details><summary>7 more diagnostics</summary>')
    for (const [i, [, open, title, text, url, , body]] of blocks.entries()) {
      expect(open).toBe(i < 3 ? ' open' : undefined)
      expect(title).toMatch(/^error\[E0308\]: mismatched types \(fx-noisy-broken, /)
      expect(url.startsWith(BLOB)).toBe(true)
      const [file, line] = url.slice(BLOB.length).split('#L')
      expect(text).toBe(`\`${file}#L${line}\``)
      expect(sourceLine(file, Number(line))).toMatch(/: String = \d+;/)
      expect(report.diagnostics.items.map(d => d.rendered.trimEnd())).toContain(body)
      expect(body).toContain(`${path.relative(fixture('noisy'), file)}:${line}:`)
    }
    expect(run.summary).toContain('26 more in the report.')
    expect(run.summary).toContain('`build-gate-report` artifact')
    expect(run.summary).toContain('https://github.example/octo-org/octo-repo/actions/runs/42#artifacts')
  })

  it('annotates each failing test at the line where it panicked', async () => {
    const run = await runAction(
      { 'working-directory': fixture('tests-mixed'), 'report-path': path.join(tmp, 'mixed.json') },
      { env: github }
    )
    expect(run.exitCode).toBe(1)
    const report = readReport(run.outputs['report-path'])
    expect(report.tests.failures.length).toBeGreaterThanOrEqual(4)
    for (const f of report.tests.failures) {
      const a = run.annotations.find(x => x.level === 'error' && x.message === f.message && x.file)
      expect(a).toBeDefined()
      const line = sourceLine(a!.file!, a!.line!)
      // libtest's `panicked at` points at the assertion or panic! that failed; a doc-test at its block.
      if (f.target === 'doc') expect(line).toMatch(/^\/\/\/ ```$/)
      else expect(line).toMatch(/assert|panic!/)
    }
    expect(run.summary).toContain('Failing tests')
    // The summary links each failure to the line it panicked at, at the commit.
    const links = [...run.summary.matchAll(/\[`([^`]+)#L(\d+)`\]\((\S+)\)/g)]
    expect(links.length).toBe(report.tests.failures.length)
    for (const [, file, line, url] of links) {
      expect(url).toBe(`${BLOB}${file}#L${line}`)
      expect(sourceLine(file, Number(line))).toMatch(/assert|panic!|^\/\/\/ ```$/)
    }
  })

  it('cuts a summary over 1 MiB, keeping the verdict on top and saying where the rest is', async () => {
    const shard = path.join(tmp, 'shard-1.json')
    await runAction(
      {
        'working-directory': fixture('noisy'),
        'report-path': shard,
        'run-tests': 'false',
        shard: '1/1',
        'fail-on-unstable': 'false'
      },
      { env: github }
    )
    // Thousands of crates and diagnostics: a workspace far larger than the fixture.
    const big = readReport(shard)
    const [crate] = big.crates
    big.crates = Array.from({ length: 20000 }, (_, i) => ({ ...crate, name: `generated-crate-${i}` }))
    const [d] = big.diagnostics.items
    big.diagnostics.items = Array.from({ length: 1000 }, (_, i) => ({ ...d, message: `${d.message} #${i}` }))
    writeFileSync(path.join(tmp, 'big-shard.json'), JSON.stringify(big))
    const run = await runAction(
      {
        mode: 'merge',
        'shard-reports': path.join(tmp, 'big-*.json'),
        'report-path': path.join(tmp, 'merged.json')
      },
      { env: github }
    )
    expect(run.exitCode).toBe(1)
    const bytes = Buffer.byteLength(run.summary)
    expect(bytes).toBeLessThanOrEqual(1024 * 1024)
    // Most of the 1 MiB is used: the part after the verdict leaves room only for the sync's sections.
    expect(bytes).toBeGreaterThan(850 * 1024)
    expect(run.summary.split('\n')[0]).toMatch(/^<h2>❌ Build is unstable/)
    expect(run.summary).toMatch(/cut at GitHub's 1 MiB limit: \d+ KiB of \d+ KiB shown/)
    expect(count(run.summary, '<details')).toBe(count(run.summary, '</details>'))
    expect(count(run.summary, '\n```') % 2).toBe(0)
  })
})
