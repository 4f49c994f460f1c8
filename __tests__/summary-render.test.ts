// The job summary as GitHub shows it. GitHub renders no markdown inside raw HTML (lists, tables,
// `<summary>`), so what the gate writes there must already be HTML; a CommonMark renderer (marked,
// which passes raw HTML through as GitHub does) is the oracle of what a reader sees.
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { inlineHtml, markdownText } from '../src/report/markdown.js'
import { failureReport } from '../src/pipeline/report.js'
import type { GateReport } from '../src/pipeline/registry.js'
import { renderSummary } from '../src/pipeline/summary.js'
import { timingMarkdown, timingText } from '../src/capabilities/timing/render.js'
import type { TimingSection } from '../src/capabilities/timing/index.js'
import type { Diagnostic } from '../src/report/schema.js'

const html = (md: string) => marked.parse(md, { async: false })

/** The text a reader sees outside code: what is left once <code> and <pre> elements are taken out. */
const prose = (h: string) => h.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '')

const warning = (i: number): Diagnostic => ({
  severity: 'warning',
  crate: 'a',
  code: 'unused_variables',
  message: `unused variable: \`x${i}\``,
  rendered: `warning: unused variable: \`x${i}\``,
  span: { file: 'src/lib.rs', line: i + 1, column: 9, endLine: i + 1, endColumn: 10 },
  phase: 'check'
})

function report(over: Partial<GateReport> = {}): GateReport {
  const r = failureReport('/repo', 'x')
  return {
    ...r,
    verdict: {
      stable: false,
      reasons: [{ code: 'warnings', message: '1 warning in `a` (deny-warnings is on)' }],
      warnings: [
        {
          code: 'tests-not-run',
          message:
            'tests did not run: cargo check failed with compile errors (2 of 3 crates passed the check); to run them with their own features: `cargo test --workspace`'
        }
      ]
    },
    ...over
  }
}

describe('compiler words in markdown prose (a review comment)', () => {
  /** What a reader sees: the rendered HTML without its tags, entities read back. */
  const seen = (md: string) =>
    marked
      .parseInline(md, { async: false })
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')

  it('shows a type written without backticks, keeps code spans as code, and lets no tag through', () => {
    for (const [s, shown] of [
      ['expected Vec<T>, found `Vec<u8>`', 'expected Vec<T>, found Vec<u8>'],
      ['<script>alert(1)</script> & <b>x</b>', '<script>alert(1)</script> & <b>x</b>'],
      ['consider `impl Into<String>` &amp; more', 'consider impl Into<String> &amp; more'],
      ['a ``x`<y>`` b and an unclosed `tick <z>', 'a x`<y> b and an unclosed `tick <z>']
    ]) {
      expect(seen(markdownText(s))).toBe(shown)
      expect(marked.parseInline(markdownText(s), { async: false })).not.toMatch(/<(script|b)>/)
    }
    // The code spans render as marked renders them from the compiler's own words.
    expect(marked.parseInline(markdownText('x `Vec<T>` y'), { async: false })).toBe(
      marked.parseInline('x `Vec<T>` y', { async: false })
    )
  })
})

describe('code in raw HTML', () => {
  it('renders code spans as marked renders them in markdown', () => {
    for (const s of [
      'run `cargo test --workspace` now',
      'a ``x`y`` b',
      'error: `<T>` & **bold**, an unclosed `tick',
      '` `` `',
      'two `a` and `b`'
    ])
      expect(inlineHtml(s)).toBe(marked.parseInline(s, { async: false }))
  })

  it('the verdict, the failing tests table and every <summary> show code, never a literal backtick', () => {
    const r = report({
      diagnostics: { ...report().diagnostics, warnings: 1, items: [warning(0)] },
      tests: {
        ...report().tests,
        ran: true,
        failed: 1,
        failures: [
          {
            crate: 'a',
            target: 'lib',
            name: 'tests::t',
            message: 'assertion `left == right` failed\n  left: 6\n right: 7',
            output: 'assertion `left == right` failed'
          }
        ]
      }
    })
    const page = html(renderSummary(r))
    expect(page).toContain('<li>1 warning in <code>a</code> (deny-warnings is on)</li>')
    expect(page).toContain('to run them with their own features: <code>cargo test --workspace</code>')
    expect(page).toContain('<summary>warning[unused_variables]: unused variable: <code>x0</code>')
    expect(page).toContain('<summary>a: tests::t — assertion <code>left == right</code> failed</summary>')
    expect(page).toContain('<td>assertion <code>left == right</code> failed')
    expect(prose(page)).not.toContain('`')
  })
})

describe('the summary reads well', () => {
  it('no "Warnings" heading right above a table with a warnings column', () => {
    const row = {
      name: 'a',
      version: '1',
      manifestPath: '',
      warnings: 1,
      errors: 0,
      passed: 0,
      failed: 0,
      ignored: 0,
      buildSeconds: null,
      testSeconds: null
    }
    const r = report({ crates: [row] })
    const page = html(renderSummary(r))
    expect(page).toContain('<th>warnings</th>')
    expect(page).not.toMatch(/<strong>Warnings<\/strong>/)
    expect(page).toContain('<strong>Not blocking</strong>')
  })

  it('more than 10 diagnostics: the first few open the section, the rest fold into one block', () => {
    const items = Array.from({ length: 14 }, (_, i) => warning(i))
    const md = renderSummary(report({ diagnostics: { ...report().diagnostics, warnings: 14, items } }))
    const page = html(md)
    const section = page.slice(page.indexOf('Compiler diagnostics'))
    const fold = section.indexOf('<summary>7 more diagnostics</summary>')
    expect(fold).toBeGreaterThan(-1)
    // x0..x2 before the fold, x3..x9 inside it, the last 4 only counted.
    expect(section.indexOf('<code>x2</code>')).toBeLessThan(fold)
    expect(section.indexOf('<code>x3</code>')).toBeGreaterThan(fold)
    expect(section).not.toContain('<code>x10</code>')
    expect(section).toContain('4 more in the report.')
    // Every <details> closes: nothing after the section is swallowed.
    expect(md.split('<details').length).toBe(md.split('</details>').length)
    // Ten or fewer: each shown on its own, nothing folded.
    const ten = renderSummary(report({ diagnostics: { ...report().diagnostics, items: items.slice(0, 10) } }))
    expect(ten).not.toContain('more diagnostic')
  })
})

describe('build time', () => {
  const section = (baseline: number | null): TimingSection => ({
    metric: 'cpu',
    key: { build: 'compile-once' },
    cacheState: 'warm',
    seconds: 3,
    baselineSeconds: baseline,
    deltaPercent: baseline === null ? null : 0,
    regression: baseline === null ? 'no-baseline' : 'false',
    explanation: 'x',
    samples: baseline === null ? 0 : 5,
    confirmed: null,
    phases: [],
    crates: [{ name: 'a', seconds: 2, baselineSeconds: baseline === null ? null : 1.5, deltaPercent: null }],
    baselineUpdated: false,
    baselineNote: 'n'
  })

  it('"Crates that moved most" only when there is a baseline to have moved from', () => {
    expect(timingMarkdown(section(null))).not.toContain('moved most')
    expect(timingText(section(null))).not.toMatch(/^\s+a: 2\.00 s/m)
    expect(timingMarkdown(section(3))).toContain('Crates that moved most')
    expect(timingText(section(3))).toMatch(/^\s+a: 2\.00 s \(baseline 1\.50/m)
  })
})
