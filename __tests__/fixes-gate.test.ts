// The fixes capability through the real gate: the section, its findings next to the conflict they fix,
// the outputs, and the verdict it leaves alone.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import { reportOutputs } from '../src/pipeline/outputs.js'
import { FIXES_FIXTURES } from './fixes-fixture.js'

const gate = async (inputs: Record<string, string>) => {
  const config = parseConfig(n => inputs[n] ?? '', 'cli', FIXES_FIXTURES)
  return (await runGate(config)).report
}

describe('fixes in the gate', () => {
  it('MSRV fixture: a verified fix next to the msrv finding; the verdict still names the conflict', async () => {
    const report = await gate({ 'working-directory': 'msrv' })
    expect(report.fixes?.fixes.map(f => [f.crate, f.from, f.to, f.verified])).toEqual([
      ['base64ct', '1.8.0', '1.6.0', true]
    ])
    expect(
      report.findings.filter(f => f.crate === 'base64ct').map(f => [f.source, f.code, f.severity])
    ).toEqual([
      ['conflicts', 'msrv', 'block'],
      ['fixes', 'fix-available', 'info']
    ])
    expect(report.verdict.stable).toBe(false)
    const outputs = reportOutputs(report, path.join(FIXES_FIXTURES, 'x.json'), null)
    expect(JSON.parse(outputs.fixes)).toEqual([
      expect.objectContaining({ crate: 'base64ct', kind: 'lock', verified: true })
    ])
  })

  it('fix-search false: no search, no section', async () => {
    const report = await gate({ 'working-directory': 'msrv', 'fix-search': 'false' })
    expect(report.fixes).toBeUndefined()
    expect(report.findings.filter(f => f.source === 'fixes')).toEqual([])
  })

  it('fix-search auto (the default) builds nothing for a duplicate that only warns; true does', async () => {
    const warnOnly = await gate({ 'working-directory': 'duplicates-compatible' })
    expect(warnOnly.findings.filter(f => f.code === 'duplicate-versions').map(f => f.severity)).toEqual([
      'warn'
    ])
    expect(warnOnly.fixes?.fixes ?? []).toEqual([])
    const every = await gate({ 'working-directory': 'duplicates-compatible', 'fix-search': 'true' })
    expect(every.fixes?.fixes.map(f => [f.crate, f.kind, f.verified])).toEqual([['base64', 'manifest', true]])
    const denied = await gate({ 'working-directory': 'duplicates-compatible', 'duplicate-versions': 'deny' })
    expect(denied.fixes?.fixes.map(f => [f.crate, f.kind, f.verified])).toEqual([
      ['base64', 'manifest', true]
    ])
  })
})
