// The merge re-derives the verdict from the shards' findings; it never trusts a shard's `stable`,
// reads schema 1 (findings from the sections) and 2, and says which versions it cannot read.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { FINDING_CODES } from '../src/pipeline/registry.js'
import { runGate } from '../src/pipeline/gate.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { mergeReports, readShardReports } from '../src/pipeline/shard/merge.js'

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)
const out = mkdtempSync(path.join(tmpdir(), 'gate-shard-findings-'))

async function shardFiles(name: string, total: number): Promise<string[]> {
  const files: string[] = []
  for (let i = 1; i <= total; i++) {
    const inputs: Record<string, string> = { shard: `${i}/${total}` }
    const { report } = await runGate(parseConfig(n => inputs[n] ?? '', 'cli', fixture(name)))
    const file = path.join(out, `${name}-${i}.json`)
    writeFileSync(file, JSON.stringify(report))
    files.push(file)
  }
  return files
}

function rewrite(file: string, change: (r: Record<string, unknown>) => void): string {
  const r = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  change(r)
  const to = file.replace(/\.json$/, `-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(to, JSON.stringify(r))
  return to
}

let clean: string[]
let warnings: string[]
beforeAll(async () => {
  clean = await shardFiles('clean', 2)
  warnings = await shardFiles('warnings', 2)
})

describe('merging shard findings', () => {
  it('every finding the gate and the merge emit has a code of the closed list', () => {
    const reports = [...clean, ...warnings].map(f => JSON.parse(readFileSync(f, 'utf8')) as GateReport)
    const merged = [mergeReports(readShardReports(warnings)), mergeReports(readShardReports([]))]
    const codes = [...reports, ...merged].flatMap(r => r.findings.map(f => f.code))
    expect(codes).toEqual(expect.arrayContaining(['warnings', 'shard-missing']))
    for (const code of codes) expect(Object.keys(FINDING_CODES)).toContain(code)
  })

  it('does not believe a shard that says stable beside 3 compile errors', () => {
    expect(mergeReports(readShardReports(clean)).verdict.stable).toBe(true)
    const lying = rewrite(clean[0], r => {
      ;(r.diagnostics as { errors: number }).errors = 3
      r.findings = []
      r.verdict = { stable: true, reasons: [], warnings: [] }
    })
    const merged = mergeReports(readShardReports([lying, clean[1]]))
    expect(merged.verdict.stable).toBe(false)
    expect(merged.verdict.reasons.map(r => r.code)).toEqual(['compile-errors'])
    expect(merged.verdict.reasons[0].message).toMatch(/^shard 1\/2: 3 compile errors .*did not record this/)
    expect(merged.shard?.merged?.failed).toEqual([1])
  })

  it('keeps the severity a shard decided (deny-warnings off there) instead of re-applying its own', async () => {
    const inputs: Record<string, string> = { 'deny-warnings': 'false' }
    const files: string[] = []
    for (const i of [1, 2]) {
      const all: Record<string, string> = { ...inputs, shard: `${i}/2` }
      const { report } = await runGate(parseConfig(n => all[n] ?? '', 'cli', fixture('warnings')))
      files.push(path.join(out, `lenient-${i}.json`))
      writeFileSync(files.at(-1)!, JSON.stringify(report))
    }
    const merged = mergeReports(readShardReports(files))
    expect(merged.diagnostics.warnings).toBeGreaterThan(0)
    expect(merged.verdict.stable).toBe(true)
    expect(merged.verdict.warnings.map(w => w.code)).toContain('warnings')
  })

  it('reads schema 1 reports by deriving their findings from the sections', () => {
    const old = warnings.map(f =>
      rewrite(f, r => {
        r.schemaVersion = 1
        delete r.findings
        // A schema-1 shard's own verdict is not what the merge goes by.
        r.verdict = { stable: true, reasons: [], warnings: [] }
      })
    )
    const merged = mergeReports(readShardReports(old))
    const fresh = mergeReports(readShardReports(warnings))
    expect(merged.verdict).toEqual(fresh.verdict)
    expect(merged.verdict.stable).toBe(false)
    expect(merged.schemaVersion).toBe(2)
  })

  it('says which schema versions it reads when a shard is newer, and what is wrong with a bad shape', () => {
    const future = rewrite(clean[0], r => {
      r.schemaVersion = 3
    })
    const noTests = rewrite(clean[1], r => {
      delete r.tests
    })
    const merged = mergeReports(readShardReports([future, noTests]))
    expect(merged.verdict.stable).toBe(false)
    const messages = merged.verdict.reasons.map(r => r.message)
    expect(messages[0]).toMatch(
      /could not be read: schemaVersion is 3; this build-gate reads schema versions 1 and 2/
    )
    expect(messages[1]).toMatch(/could not be read: its tests section is missing or not an object/)
    const report = JSON.parse(readFileSync(clean[0], 'utf8')) as GateReport
    expect(report.schemaVersion).toBe(2)
  })
})
