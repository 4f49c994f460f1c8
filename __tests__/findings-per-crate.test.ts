// A warnings or compile-errors finding names its crate, one finding per crate, counted as cargo counts
// them; the verdict still reads them as one reason (the `reasons` output keeps one line), and the run
// history folds them by crate.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { historyCodec } from '../src/capabilities/tracker/history.js'
import { recordRun } from '../src/capabilities/tracker/track.js'
import { readRunContext } from '../src/github/context.js'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import { reportOutputs } from '../src/pipeline/outputs.js'
import { FileStore } from '../src/store/file-store.js'
import { checkTallies } from './support/cargo-oracle.js'

const fixture = (name: string) => path.resolve('__fixtures__/workspaces', name)

describe('findings about a crate', () => {
  it('warnings: one finding per crate, counted as cargo counts them, read as one reason', async () => {
    const dir = fixture('warnings')
    const { report } = await runGate(parseConfig(n => (n === 'run-tests' ? 'false' : ''), 'cli', dir))
    const oracle = checkTallies(dir).warnings
    expect(Object.keys(oracle).length).toBeGreaterThan(1)
    const warnings = report.findings.filter(f => f.code === 'warnings')
    expect(warnings.map(f => f.crate).sort()).toEqual(Object.keys(oracle).sort())
    for (const f of warnings) {
      expect(f.severity).toBe('block')
      expect(f.message).toBe(
        `${oracle[f.crate!]} warning${oracle[f.crate!] === 1 ? '' : 's'} in ${f.crate} (deny-warnings is on)`
      )
    }
    // One reason for all of them, naming every crate with its count, as the single finding did.
    const reasons = report.verdict.reasons.filter(r => r.code === 'warnings')
    expect(reasons).toHaveLength(1)
    const total = Object.values(oracle).reduce((n, c) => n + c, 0)
    expect(reasons[0].message).toMatch(new RegExp(`^${total} warnings in `))
    for (const [crate, n] of Object.entries(oracle)) expect(reasons[0].message).toContain(`${crate} (${n})`)
    expect(JSON.parse(reportOutputs(report, '/tmp/r.json').reasons)).toEqual([reasons[0].message])
  })

  it('compile errors name the crate that does not compile', async () => {
    const dir = fixture('compile-error')
    const { report } = await runGate(parseConfig(() => '', 'cli', dir))
    const oracle = checkTallies(dir).errors
    const errors = report.findings.filter(f => f.code === 'compile-errors')
    expect(errors.map(f => [f.crate, f.message])).toEqual(
      Object.entries(oracle).map(([crate, n]) => [
        crate,
        `${n} compile error${n === 1 ? '' : 's'} in ${crate}`
      ])
    )
  })

  it('the run history keeps them folded by crate', async () => {
    const dir = fixture('warnings')
    const { report } = await runGate(parseConfig(n => (n === 'run-tests' ? 'false' : ''), 'cli', dir))
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'history-')), 'history.json')
    const config = parseConfig(n => ({ tracker: 'true', 'baseline-store': 'file' })[n] ?? '', 'cli', dir)
    await recordRun({
      report,
      tracker: config.tracker,
      // A trusted run on the default branch records itself.
      ctx: { ...readRunContext({}), trusted: true, pullRequest: null },
      store: new FileStore(file, dir, historyCodec),
      dryRun: false,
      now: new Date('2026-11-20T03:00:00Z')
    })
    const recorded = historyCodec.parse(readFileSync(file, 'utf8'), file).runs[0].findings
    const crates = report.findings.filter(f => f.code === 'warnings').map(f => f.crate)
    expect(recorded.filter(f => f.code === 'warnings')).toEqual(
      crates.map(crate => ({ code: 'warnings', crate, severity: 'block', count: 1 }))
    )
  })
})
