// The public-API capability through the real gate: deny makes the build unstable, warn does not, off
// does not run; the summary, the terminal, annotations and outputs show it.
import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { parseConfig } from '../src/pipeline/config.js'
import { runGate } from '../src/pipeline/gate.js'
import { reportOutputs } from '../src/pipeline/outputs.js'
import { markdownSections, sectionAnnotations, textSections } from '../src/pipeline/render.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { terminalReport } from '../src/pipeline/terminal.js'
import { fixtureRepo } from './support/public-api-repo.js'

const dir = fixtureRepo('head-breaking')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function gate(inputs: Record<string, string>) {
  return (await runGate(parseConfig(n => inputs[n] ?? '', 'cli', dir))).report
}

describe('the public-API check in the gate', () => {
  it('deny: the breaking changes make the build unstable, each one a reason', async () => {
    const report = await gate({ 'public-api': 'deny' })
    expect(report.verdict.stable).toBe(false)
    const reasons = report.verdict.reasons.filter(r => r.code === 'api-breaking')
    expect(reasons).toHaveLength(18)
    expect(report.verdict.reasons.filter(r => r.code !== 'api-breaking')).toEqual([])
    expect(reasons.map(r => r.message)).toContainEqual(
      'shapes: `shapes::geometry::perimeter` (function): function became unsafe; breaks code like `geometry::perimeter` used outside an `unsafe` block; a breaking change needs a new version (0.4.0), the version is 0.3.1'
    )
    expect(renderSummary(report, markdownSections())).toContain('### Public API')
    expect(terminalReport(report, textSections())).toContain(
      'Public API: 18 breaking, 0 allowed by a version bump'
    )
    const annotations = sectionAnnotations(report, dir).filter(a => a.title.startsWith('Breaking API change'))
    expect(annotations).toHaveLength(18)
    expect(annotations.every(a => a.level === 'error' && a.file === 'crates/shapes/src/lib.rs')).toBe(true)
    const outputs = reportOutputs(report, '/tmp/r.json')
    expect(outputs['api-breaking']).toBe('18')
    expect(JSON.parse(outputs['api-changes'])).toHaveLength(
      report.publicApi!.crates.reduce((n, c) => n + c.changes.length, 0)
    )
  })

  it('warn (the default): the build stays stable and the breaks are warnings', async () => {
    const report = await gate({})
    expect(report.verdict.stable).toBe(true)
    expect(report.verdict.warnings.filter(w => w.code === 'api-breaking')).toHaveLength(18)
    expect(sectionAnnotations(report, dir).filter(a => a.level === 'error')).toEqual([])
  })

  it('off: not run, no section, no output', async () => {
    const report = await gate({ 'public-api': 'off' })
    expect(report.publicApi).toBeUndefined()
    // The repository's crates have no test: the one warning is the tests capability's, none is the API's.
    expect(report.verdict).toEqual({
      stable: true,
      reasons: [],
      warnings: [expect.objectContaining({ code: 'tests-none' })]
    })
    expect(reportOutputs(report, '/tmp/r.json')['api-breaking']).toBeUndefined()
  })
})
