// The pure renderers of the compiler's words: fences that rustc's text cannot close, annotations
// spread over crates, panic locations from libtest's text, and a summary cut inside GitHub's limit.
import { describe, expect, it } from '@jest/globals'
import { spreadOverCrates } from '../src/capabilities/build/render.js'
import { fitToLimit } from '../src/report/fit.js'
import { panicLocation } from '../src/capabilities/tests/panic-location.js'
import { baselineHint } from '../src/capabilities/timing/render.js'
import { blobLinks, fenced, repositoryPath } from '../src/report/markdown.js'
import type { Diagnostic } from '../src/report/schema.js'
import type { GateReport } from '../src/pipeline/registry.js'

const diag = (crate: string, i: number): Diagnostic => ({
  severity: 'warning',
  crate,
  code: null,
  message: `w${i}`,
  rendered: `warning: w${i}`,
  span: null,
  phase: 'check'
})

describe('renderers of rustc diagnostics', () => {
  it('fences rustc text with more backticks than it holds', () => {
    const text = 'help: use\n```rust\nlet x = 1;\n```'
    const [open, body, close] = fenced(text)
    expect(open).toBe('````text')
    expect(close).toBe('````')
    expect(body).toBe(text)
    expect(fenced('plain')[0]).toBe('```text')
  })

  it('takes annotations round-robin over crates so one noisy crate does not hide the others', () => {
    const items = [
      ...Array.from({ length: 30 }, (_, i) => diag('loud', i)),
      diag('quiet', 0),
      diag('other', 0),
      diag('other', 1)
    ]
    const picked = spreadOverCrates(items, 10)
    expect(picked.length).toBe(10)
    expect(picked.filter(d => d.crate === 'quiet').length).toBe(1)
    expect(picked.filter(d => d.crate === 'other').length).toBe(2)
    expect(spreadOverCrates(items.slice(30), 10).length).toBe(3)
  })

  it('reads the panic location of both libtest formats and of a doc-test', () => {
    const failure = { target: 'lib', name: 't', message: null }
    expect(
      panicLocation({
        ...failure,
        output: "\nthread 't' (123) panicked at crates/a/src/lib.rs:42:5:\nassertion failed"
      })
    ).toEqual({ file: 'crates/a/src/lib.rs', line: 42, column: 5 })
    expect(
      panicLocation({ ...failure, output: "thread 't' panicked at 'boom: a, b', src/x.rs:7:9" })
    ).toEqual({ file: 'src/x.rs', line: 7, column: 9 })
    expect(panicLocation({ ...failure, output: 'no location here' })).toBeNull()
    expect(
      panicLocation({ target: 'doc', name: 'crates/a/src/lib.rs - halve (line 14)', message: null })
    ).toEqual({ file: 'crates/a/src/lib.rs', line: 14, column: null })
  })

  it('links only files inside the repository, relative to it', () => {
    expect(repositoryPath('/repo/ws', 'crates/a/src/lib.rs', '/repo')).toBe('ws/crates/a/src/lib.rs')
    expect(repositoryPath('/repo/ws', '/home/me/.cargo/x.rs', '/repo')).toBeNull()
    expect(blobLinks({ GITHUB_REPOSITORY: 'o/r' }, '/repo').base).toBeNull()
    expect(
      blobLinks(
        { GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc', GITHUB_SERVER_URL: 'https://ghe.example/' },
        '/r'
      ).base
    ).toBe('https://ghe.example/o/r/blob/abc')
  })

  it('cuts an oversized text at a line, closing the open fence and details blocks', () => {
    const text = [
      '# verdict',
      '<details><summary>x</summary>',
      '',
      '```text',
      ...new Array(5000).fill('y'.repeat(100))
    ].join('\n')
    const cut = fitToLimit(text, 20000, () => 'NOTE')
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(20000)
    expect(cut.startsWith('# verdict\n')).toBe(true)
    expect(cut.trimEnd().split('\n').slice(-4)).toEqual(['```', '</details>', '', 'NOTE'])
    expect(fitToLimit('short', 20000, () => 'NOTE')).toBe('short')
  })

  it('tells a pull request without a baseline exactly what to add', () => {
    const report = { timing: { regression: 'no-baseline' } } as GateReport
    const run = { eventName: 'pull_request', defaultBranch: 'trunk', baselineBranch: 'build-gate-baseline' }
    const hint = baselineHint(report, run)!
    expect(hint).toContain('  push:\n    branches: [trunk]')
    expect(hint).toContain('contents: write')
    expect(baselineHint(report, { ...run, eventName: 'push' })).toBeNull()
    expect(baselineHint({ timing: { regression: 'false' } } as GateReport, run)).toBeNull()
  })
})
