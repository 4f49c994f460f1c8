// Renderings of one report: the job summary (with @actions/core's real builder) and the terminal.
import { describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { failureReport } from '../src/pipeline/report.js'
import { diagnosticAnnotations } from '../src/capabilities/build/render.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { terminalReport } from '../src/pipeline/terminal.js'
import type { GateReport } from '../src/pipeline/registry.js'

function report(): GateReport {
  const r = failureReport('/repo/ws', 'x')
  return {
    ...r,
    crates: [
      {
        name: 'toka-core',
        version: '0.1.0',
        manifestPath: '',
        warnings: 1,
        errors: 0,
        passed: 2,
        failed: 1,
        ignored: 0,
        buildSeconds: null,
        testSeconds: 0.5
      }
    ],
    diagnostics: {
      ...r.diagnostics,
      warnings: 1201,
      omitted: 1200,
      items: [
        {
          severity: 'warning',
          crate: 'toka-core',
          code: 'unused_variables',
          message: 'unused variable: `x`',
          rendered: '',
          span: { file: 'crates/toka-core/src/lib.rs', line: 3, column: 9, endLine: 3, endColumn: 10 },
          phase: 'check'
        }
      ]
    },
    tests: {
      ...r.tests,
      ran: true,
      passed: 2,
      failed: 1,
      failures: [{ crate: 'toka-core', target: 'lib', name: 'parses <tags>', message: 'left & right' }]
    },
    verdict: {
      stable: false,
      reasons: [{ code: 'tests-failed', message: '1 test failed (toka-core: parses <tags>)' }],
      warnings: []
    }
  }
}

describe('renderings', () => {
  it('the job summary escapes what tests print and says what was counted but not kept', () => {
    const html = core.summary.emptyBuffer().addRaw(renderSummary(report()), true).stringify()
    core.summary.emptyBuffer()
    expect(html).toContain('Build is unstable (1 reason)')
    expect(html).toContain('parses &lt;tags&gt;')
    expect(html).toContain('left &amp; right')
    expect(html).toContain('1200 more diagnostic(s) were counted but not kept')
    expect(html).not.toContain('<tags>')
  })

  it('the terminal shows the crate table, the failing test and the verdict', () => {
    const text = terminalReport(report())
    expect(text).toMatch(/^toka-core\s+1\s+0\s+2\s+1\s+0\s+0\.50\s+–$/m)
    expect(text).toContain('toka-core [lib] parses <tags>: left & right')
    expect(text).toContain('✗ 1 test failed')
    expect(text).toContain('1200 more diagnostic(s)')
  })

  it('annotations are relative to the repository root, with columns on one-line spans', () => {
    const [a] = diagnosticAnnotations(report(), '/repo')
    expect(a).toEqual(
      expect.objectContaining({
        file: 'ws/crates/toka-core/src/lib.rs',
        startLine: 3,
        startColumn: 9,
        level: 'warning'
      })
    )
  })
})
