// cargo's JSON messages (captured), and the shapes the reader must not take for a diagnostic: a message
// of the wrong shape is an unreadable line (the phase is untrusted), never a silently dropped error.
// Pure: part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import { CargoMessageReader, diagnosticKey, type ArtifactInfo } from '../src/cargo/messages.js'
import type { Diagnostic } from '../src/report/schema.js'

const captured = (name: string) =>
  readFileSync(`__fixtures__/captured/${name}`, 'utf8').split('\n').filter(Boolean)
const membersOf = (name: string) =>
  new Map(
    workspaceMembers(parseMetadata(readFileSync(`__fixtures__/captured/${name}.metadata.json`, 'utf8'))).map(
      p => [p.id, p.name]
    )
  )

function readAll(name: string, input: string[]) {
  const diagnostics: Diagnostic[] = []
  const depWarnings: string[] = []
  const depErrors: [string, string][] = []
  const artifacts: ArtifactInfo[] = []
  const reader = new CargoMessageReader(membersOf(name), 'test-build', {
    diagnostic: d => diagnostics.push(d),
    dependencyWarning: id => depWarnings.push(id),
    dependencyError: (id, m) => depErrors.push([id, m]),
    artifact: a => artifacts.push(a)
  })
  const consumed = input.map(l => reader.push(l))
  return { diagnostics, depWarnings, depErrors, artifacts, consumed, state: reader.state }
}

const WARNINGS = captured('warnings.check.jsonl')
const ERRORS = captured('compile-error.check.jsonl')
type Json = Record<string, unknown>
// The first warning cargo printed, with its `message` changed.
const WARNING = JSON.parse(WARNINGS[0]) as Json & { message: Json }
const withMessage = (change: (m: Json) => Json, base = WARNING) =>
  JSON.stringify({ ...base, message: change(structuredClone(base.message)) })
const one = (line: string, name = 'warnings') => readAll(name, [line])

describe('compiler messages', () => {
  it('reads a workspace warning whole: crate, code, message, plain text, primary span, phase, fix', () => {
    const [d] = one(WARNINGS[0]).diagnostics
    const span = { file: 'crates/fx-warn-a/src/lib.rs', line: 2, column: 9, endLine: 2, endColumn: 15 }
    expect(d).toEqual({
      severity: 'warning',
      crate: 'fx-warn-a',
      code: 'unused_variables',
      message: 'unused variable: `factor`',
      rendered: WARNING.message.rendered,
      span,
      phase: 'test-build',
      suggestions: [
        {
          message: 'if this is intentional, prefix it with an underscore',
          edits: [{ ...span, replacement: '_factor' }]
        }
      ]
    })
  })

  it('reads a compile error at its primary span, wherever it is listed, and skips rustc’s failure note', () => {
    const { diagnostics, state } = readAll('compile-error', ERRORS)
    const raw = (JSON.parse(ERRORS.find(l => l.includes('"level":"error"'))!) as { message: Json }).message
    const spans = raw.spans as { is_primary: boolean; line_start: number; column_start: number }[]
    const primary = spans.find(s => s.is_primary)!
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        crate: 'fx-err-broken',
        code: 'E0308',
        message: 'mismatched types',
        span: expect.objectContaining({ line: primary.line_start, column: primary.column_start })
      })
    ])
    expect([state.buildFinished, state.unreadableLines]).toEqual([false, 0])
    expect(spans.map(s => s.is_primary)).toEqual([true, false])
    const error = JSON.parse(ERRORS.find(l => l.includes('"level":"error"'))!) as Json & { message: Json }
    const reversed = withMessage(m => ({ ...m, spans: [...(m.spans as Json[])].reverse() }), error)
    expect(one(reversed, 'compile-error').diagnostics[0].span).toEqual(diagnostics[0].span)
  })

  it('takes the first span when none is primary, and no span when there is none', () => {
    const noPrimary = withMessage(m => ({
      ...m,
      spans: (m.spans as Json[]).map(s => ({ ...s, is_primary: false, line_start: 7, column_start: 3 }))
    }))
    expect(one(noPrimary).diagnostics[0].span).toEqual(
      expect.objectContaining({ file: 'crates/fx-warn-a/src/lib.rs', line: 7, column: 3 })
    )
    expect(one(withMessage(m => ({ ...m, spans: [] }))).diagnostics[0].span).toBeNull()
  })

  it('keeps the rendered text without colours, and the coloured one beside it', () => {
    const coloured = '\u001b[1m\u001b[33mwarning\u001b[0m: unused variable'
    const [d] = one(withMessage(m => ({ ...m, rendered: coloured }))).diagnostics
    expect([d.rendered, d.renderedAnsi]).toEqual(['warning: unused variable', coloured])
    const [plain] = one(withMessage(m => ({ ...m, rendered: null, code: null }))).diagnostics
    expect([plain.rendered, plain.code]).toEqual(['unused variable: `factor`', null])
    expect(plain).not.toHaveProperty('renderedAnsi')
  })

  it('counts every level that starts with error, and nothing below a warning', () => {
    const level = (l: string) => one(withMessage(m => ({ ...m, level: l }))).diagnostics.map(d => d.severity)
    expect(level('error')).toEqual(['error'])
    expect(level('error: internal compiler error')).toEqual(['error'])
    for (const l of ['note', 'help', 'failure-note', 'warn', 'Warning']) expect(level(l)).toEqual([])
  })

  it("does not count rustc's own tallies", () => {
    const said = (message: string, level = 'warning') =>
      one(withMessage(m => ({ ...m, message, level }))).diagnostics.length
    expect(said('2 warnings emitted')).toBe(0)
    expect(said('1 warning emitted')).toBe(0)
    expect(said('aborting due to 2 previous errors', 'error')).toBe(0)
    expect(said('warning: `fx-warn-a` (lib) generated 3 warnings')).toBe(0)
    expect(said('12 warnings emitted')).toBe(0)
    expect(said('warning: `fx-warn-a` (lib) generated 12 warnings')).toBe(0)
    expect(said('warning: `fx-warn-a` (lib) generated 1 warning')).toBe(0)
    expect(said('unused variable: `emitted`')).toBe(1)
    expect(said('see 2 warnings emitted')).toBe(1)
  })

  it("hands a dependency's warnings and errors to their own counts, not the workspace's", () => {
    const dep = { ...WARNING, package_id: 'registry+https://github.com/rust-lang/crates.io-index#dep@1.0.0' }
    const warning = one(withMessage(m => m, dep))
    expect([warning.diagnostics, warning.depWarnings]).toEqual([[], [dep.package_id]])
    const error = one(withMessage(m => ({ ...m, level: 'error', message: 'broke' }), dep))
    expect([error.diagnostics, error.depWarnings, error.depErrors]).toEqual([
      [],
      [],
      [[dep.package_id, 'broke']]
    ])
  })

  it.each([
    ['no message', () => undefined],
    ['a null message', () => null],
    ['a message that is text', () => 'warning'],
    ['no text', (m: Json) => ({ ...m, message: 7 })],
    ['no level', (m: Json) => ({ ...m, level: null })],
    ['spans that are not a list', (m: Json) => ({ ...m, spans: {} })],
    ['a span that is not an object', (m: Json) => ({ ...m, spans: [null] })],
    ['a span without a file', (m: Json) => ({ ...m, spans: [{ ...(m.spans as Json[])[0], file_name: 3 }] })],
    [
      'a span without a line',
      (m: Json) => ({ ...m, spans: [{ ...(m.spans as Json[])[0], line_start: '2' }] })
    ],
    [
      'a span without an end line',
      (m: Json) => ({ ...m, spans: [{ ...(m.spans as Json[])[0], line_end: null }] })
    ],
    [
      'a span without a column',
      (m: Json) => ({ ...m, spans: [{ ...(m.spans as Json[])[0], column_start: null }] })
    ],
    [
      'a span without an end column',
      (m: Json) => ({ ...m, spans: [{ ...(m.spans as Json[])[0], column_end: null }] })
    ],
    ['a code without its code', (m: Json) => ({ ...m, code: { explanation: null } })],
    ['rendered text that is not text', (m: Json) => ({ ...m, rendered: ['warning'] })]
  ])('a message with %s is unreadable, named, and not a diagnostic', (_, change) => {
    const line = withMessage(change as (m: Json) => Json)
    const r = one(line)
    expect(r.consumed).toEqual([true])
    expect(r.diagnostics).toEqual([])
    expect(r.state.unreadableLines).toBe(1)
    expect(r.state.firstUnreadable).toBe(JSON.stringify(JSON.parse(line)).slice(0, 200))
  })

  it('names the first unreadable line only, cut to 200 characters', () => {
    const cut = WARNINGS[0].slice(0, 300)
    const r = readAll('warnings', [cut, WARNINGS[1].slice(0, 50), ...WARNINGS])
    expect(r.state.unreadableLines).toBe(2)
    expect(r.state.firstUnreadable).toBe(cut.slice(0, 200))
  })
})

describe('the end of cargo and what is not cargo', () => {
  it('stops reading at build-finished, whatever it says, and takes only lines that start like cargo', () => {
    const finished = WARNINGS.findIndex(l => l.includes('"build-finished"'))
    const r = readAll('warnings', [
      ' {"reason":"compiler-message"}',
      '{"type":"suite"}',
      ...WARNINGS.slice(0, finished + 1),
      WARNINGS[0]
    ])
    expect(r.consumed).toEqual([false, false, ...WARNINGS.slice(0, finished + 1).map(() => true), false])
    expect(r.state.buildFinished).toBe(true)
    expect(r.diagnostics).toHaveLength(readAll('warnings', WARNINGS).diagnostics.length)
    const notSuccess = readAll('warnings', ['{"reason":"build-finished","success":"true"}'])
    expect(notSuccess.state.buildFinished).toBe(false)
    // Other cargo messages (a build script's output) are cargo's, but change nothing.
    const script = readAll('warnings', ['{"reason":"build-script-executed","package_id":"x"}'])
    expect([script.consumed, script.state.unreadableLines, script.state.buildFinished]).toEqual([
      [true],
      0,
      null
    ])
  })
})

describe('artifacts', () => {
  it('reads each test binary cargo built, sorting workspace and dependency units', () => {
    const input = captured('tests-mixed.test.stdout.txt').filter(l => l.startsWith('{"reason":'))
    const { artifacts, state } = readAll('tests-mixed', input)
    const lib = artifacts.find(a => a.executable?.includes('fx_mix_lib-'))
    expect(lib).toEqual({
      packageId: expect.stringMatching(/fx-mix-lib#0\.1\.0$/),
      targetName: 'fx_mix_lib',
      targetKind: ['lib'],
      isTest: true,
      executable: '/tmp/build-gate-capture/target-tests-mixed-test/debug/deps/fx_mix_lib-f13cc74f5c0176cc',
      fresh: false
    })
    const built = artifacts.filter(a => !a.fresh).length
    expect(state.units.workspace.compiled + state.units.dependencies.compiled).toBe(built)
    expect(artifacts.some(a => !a.isTest && a.executable === null)).toBe(true)
  })

  it('counts a fresh unit as fresh, in its bucket', () => {
    const fresh = (id: string) =>
      readAll('tests-mixed', [JSON.stringify({ reason: 'compiler-artifact', package_id: id, fresh: true })])
    const member = [...membersOf('tests-mixed').keys()][0]
    const ws = fresh(member)
    expect(ws.state.units).toEqual({
      workspace: { compiled: 0, fresh: 1 },
      dependencies: { compiled: 0, fresh: 0 }
    })
    expect(ws.artifacts).toEqual([
      { packageId: member, targetName: '', targetKind: [], isTest: false, executable: null, fresh: true }
    ])
    expect(fresh('dep').state.units).toEqual({
      workspace: { compiled: 0, fresh: 0 },
      dependencies: { compiled: 0, fresh: 1 }
    })
  })
})

describe('diagnosticKey', () => {
  it('is one for the same diagnostic replayed by another phase, and differs when anything a user reads does', () => {
    const [d] = one(WARNINGS[0]).diagnostics
    const key = diagnosticKey(d)
    expect(diagnosticKey({ ...d, phase: 'check', rendered: 'x' })).toBe(key)
    for (const other of [
      { ...d, crate: 'b' },
      { ...d, severity: 'error' as const },
      { ...d, code: null },
      { ...d, code: 'unused_mut' },
      { ...d, message: 'm' },
      { ...d, span: null },
      { ...d, span: { ...d.span!, file: 'x.rs' } },
      { ...d, span: { ...d.span!, line: 3 } },
      { ...d, span: { ...d.span!, column: 1 } }
    ])
      expect(diagnosticKey(other)).not.toBe(key)
  })
})
