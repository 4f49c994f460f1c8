// The pure readers on real captured cargo output (see __fixtures__/captured/capture.sh).
import { outputTail } from '../src/capabilities/tests/output-tail.js'
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  binaryIdentity,
  failedTarget,
  LibtestJsonReader,
  panicMessage,
  type BinaryIdentity
} from '../src/cargo/libtest.js'
import { CargoMessageReader, type ArtifactInfo } from '../src/cargo/messages.js'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import { CargoStderrReader } from '../src/cargo/stderr.js'
import { parseRustcVersion } from '../src/cargo/toolchain.js'
import { DiagnosticTally } from '../src/cargo/diagnostics.js'
import { resolveTests } from '../src/capabilities/tests/results.js'
import type { Diagnostic } from '../src/report/schema.js'

const captured = (name: string) => readFileSync(`__fixtures__/captured/${name}`, 'utf8')
const lines = (name: string) => captured(name).split('\n').filter(Boolean)
const metadata = (name: string) => parseMetadata(captured(`${name}.metadata.json`))
const membersOf = (name: string) => new Map(workspaceMembers(metadata(name)).map(p => [p.id, p.name]))

function readMessages(name: string, input: string[]) {
  const diagnostics: Diagnostic[] = []
  const depWarnings: string[] = []
  const artifacts: ArtifactInfo[] = []
  const reader = new CargoMessageReader(membersOf(name), 'check', {
    diagnostic: d => diagnostics.push(d),
    dependencyWarning: id => depWarnings.push(id),
    artifact: a => artifacts.push(a)
  })
  const other: string[] = []
  for (const l of input) if (!reader.push(l)) other.push(l)
  return { diagnostics, depWarnings, artifacts, other, state: reader.state }
}

describe('CargoMessageReader', () => {
  it('reads workspace warnings with their primary span and code', () => {
    const { diagnostics, state } = readMessages('warnings', lines('warnings.check.jsonl'))
    expect(diagnostics.length).toBeGreaterThanOrEqual(3)
    expect(diagnostics.every(d => d.severity === 'warning')).toBe(true)
    const unused = diagnostics.find(d => d.code === 'unused_variables')!
    expect(unused.span).toEqual(
      expect.objectContaining({ file: 'crates/fx-warn-a/src/lib.rs', line: 2, column: 9 })
    )
    expect(state.buildFinished).toBe(true)
    expect(state.unreadableLines).toBe(0)
  })

  it('does not count rustc tallies or failure notes as diagnostics', () => {
    const { diagnostics, state } = readMessages('compile-error', lines('compile-error.check.jsonl'))
    expect(diagnostics.filter(d => d.severity === 'error').map(d => d.code)).toEqual(['E0308'])
    expect(diagnostics.some(d => /aborting|emitted|For more information/.test(d.message))).toBe(false)
    expect(state.buildFinished).toBe(false)
  })

  it('routes dependency warnings away from the workspace', () => {
    const { diagnostics, depWarnings } = readMessages('dep-warnings', lines('dep-warnings.check.jsonl'))
    expect(diagnostics).toEqual([])
    expect(depWarnings.length).toBeGreaterThan(0)
  })

  it('counts a truncated message line as unreadable and leaves other lines to other readers', () => {
    const input = lines('warnings.check.jsonl')
    const cut = input[0].slice(0, input[0].length / 2)
    const { diagnostics, other, state } = readMessages('warnings', [
      cut,
      'running 1 test',
      ...input.slice(1),
      'plain text'
    ])
    expect(state.unreadableLines).toBe(1)
    expect(state.firstUnreadable).toBe(cut.slice(0, 200))
    expect(other).toEqual(['running 1 test', 'plain text'])
    expect(diagnostics.length).toBe(readMessages('warnings', input).diagnostics.length - 1)
  })

  it('counts compiled and fresh units for workspace and dependencies', () => {
    const { state, artifacts } = readMessages('dep-warnings', lines('dep-warnings.check.jsonl'))
    expect(state.units.workspace.compiled).toBeGreaterThan(0)
    expect(state.units.dependencies.compiled).toBeGreaterThan(0)
    expect(artifacts.length).toBe(state.units.workspace.compiled + state.units.dependencies.compiled)
  })
})

describe('DiagnosticTally', () => {
  it('keeps one copy of a warning cargo replays in several phases, and caps what it keeps', () => {
    const { diagnostics } = readMessages('warnings', lines('warnings.check.jsonl'))
    const tally = new DiagnosticTally(1)
    for (const d of [...diagnostics, ...diagnostics]) tally.add(d)
    const section = tally.section()
    expect(section.warnings).toBe(diagnostics.length)
    expect(section.items).toHaveLength(1)
    expect(section.omitted).toBe(diagnostics.length - 1)
  })
})

describe('libtest JSON reader and test attribution', () => {
  function readTests(name: string, extraStdout: (l: string[]) => string[] = l => l) {
    const reader = new LibtestJsonReader()
    const other = readMessages(name, lines(`${name}.test.stdout.txt`))
    for (const l of extraStdout(other.other)) reader.push(l)
    const stderr = lines(`${name}.test.stderr.txt`)
    const identities = stderr.map(binaryIdentity).filter((x): x is BinaryIdentity => !!x)
    const failedTargets = stderr.map(failedTarget).filter((x): x is string => !!x)
    const read = {
      ...reader,
      identities,
      failedTargets,
      artifacts: other.artifacts,
      harnessFree: new Set<string>()
    }
    return { reader, ids: identities, section: resolveTests(read, metadata(name)) }
  }

  it('pairs every suite with the binary cargo announced and attributes it to its crate', () => {
    const { reader, ids, section } = readTests('tests-mixed')
    expect(reader.suites).toHaveLength(ids.length)
    expect(section.binaries.map(b => `${b.crate}:${b.target}`)).toEqual([
      'fx-mix-app:lib',
      'fx-mix-app:test:labels',
      'fx-mix-lib:lib',
      'fx-mix-app:doc',
      'fx-mix-lib:doc'
    ])
    expect(section.untrusted).toEqual([])
  })

  it('counts what libtest and cargo say, with panic messages from the captured output', () => {
    const { section } = readTests('tests-mixed')
    const stdout = captured('tests-mixed.test.stdout.txt')
    const sum = (k: string) =>
      [...stdout.matchAll(new RegExp(`"type": "suite", "event": "\\w+", .*"${k}": (\\d+)`, 'g'))].reduce(
        (n, m) => n + Number(m[1]),
        0
      )
    expect([section.passed, section.failed, section.ignored]).toEqual([
      sum('passed'),
      sum('failed'),
      sum('ignored')
    ])
    // cargo's own list of failing targets (stderr) agrees with the binaries that have failures.
    const failing = [...captured('tests-mixed.test.stderr.txt').matchAll(/to rerun pass `(.+)`/g)].length
    expect(section.binaries.filter(b => b.failed > 0)).toHaveLength(failing)
    const byName = Object.fromEntries(section.failures.map(f => [f.name, f.message]))
    expect(byName['tests::custom_panic_fails']).toBe('config file missing: app.toml')
    expect(byName['tests::double_fails_assert_eq']).toBe(
      'assertion `left == right` failed\n  left: 6\n right: 7'
    )
    expect(byName['integration_fails']).toBe('label was #2')
  })

  it('ignores human-readable results and fake cargo messages a test prints', () => {
    const clean = readTests('tests-mixed').section
    const spoofed = readTests('tests-mixed', l => [
      ...l.slice(0, 3),
      'running 3 tests',
      'test fake ... ok',
      'test result: ok. 999 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s',
      '{"reason":"compiler-message","package_id":"x","message":{"message":"boom","level":"error","spans":[],"code":null,"rendered":"boom"}}',
      ...l.slice(3)
    ]).section
    expect(spoofed).toEqual(clean)
  })

  it('does not let a leaked libtest event change a tally: the suite becomes untrusted', () => {
    const clean = readTests('tests-mixed').section
    const leaked = readTests('tests-mixed', l => {
      const i = l.findIndex(x => x.includes('"name": "tests::label_passes", "event": "ok"'))
      return [
        ...l.slice(0, i),
        '{ "type": "test", "name": "tests::custom_panic_fails", "event": "ok" }',
        ...l.slice(i)
      ]
    }).section
    expect([leaked.passed, leaked.failed]).toEqual([clean.passed, clean.failed])
    expect(leaked.untrusted).toEqual([
      expect.stringMatching(/^fx-mix-app lib: libtest's output cannot be trusted/)
    ])
    const extraSuite = readTests('tests-mixed', l => [
      ...l,
      '{ "type": "suite", "event": "started", "test_count": 999 }',
      '{ "type": "suite", "event": "ok", "passed": 999, "failed": 0, "ignored": 0, "measured": 0, "filtered_out": 0 }'
    ]).section
    expect(extraSuite.passed).toBe(clean.passed)
    expect(extraSuite.untrusted).toEqual([expect.stringMatching(/1 more suite/)])
  })

  it('names the binary and the running test when a binary stops mid-suite', () => {
    const reader = new LibtestJsonReader()
    for (const l of [
      '{ "type": "suite", "event": "started", "test_count": 2 }',
      '{ "type": "test", "event": "started", "name": "a" }',
      '{ "type": "test", "name": "a", "event": "ok" }',
      '{ "type": "test", "event": "started", "name": "b" }'
    ])
      reader.push(l)
    const identities: BinaryIdentity[] = [
      { kind: 'running', source: 'src/lib.rs', executable: 'target/debug/deps/x-1' }
    ]
    const read = { ...reader, identities, failedTargets: [], artifacts: [], harnessFree: new Set<string>() }
    const section = resolveTests(read, metadata('tests-mixed'))
    expect([section.passed, section.failed]).toEqual([1, 1])
    expect(section.failures[0]).toEqual(
      expect.objectContaining({
        name: 'b',
        message: expect.stringMatching(/stopped before reporting its result .* while running b/)
      })
    )
  })

  it('reads the pre-1.73 panic format and a test that did not panic as expected', () => {
    expect(panicMessage(["thread 'x' panicked at 'boom', src/lib.rs:3:5"])).toBe('boom')
    expect(panicMessage(['note: test did not panic as expected at src/lib.rs:9:5'])).toBe(
      'note: test did not panic as expected at src/lib.rs:9:5'
    )
  })
})

describe('CargoStderrReader', () => {
  it('keeps cargo own errors in its words, separating summaries of counted failures', () => {
    const reader = new CargoStderrReader()
    for (const l of lines('tests-mixed.test.stderr.txt')) reader.push(l)
    const blocks = reader.finish()
    expect(blocks.length).toBeGreaterThan(0)
    expect(blocks.every(b => b.summary)).toBe(true)
  })

  it('reads a manifest error with its context', () => {
    const reader = new CargoStderrReader()
    for (const l of lines('missing-member.metadata.stderr.txt')) reader.push(l)
    const [block] = reader.finish()
    expect(block.summary).toBe(false)
    expect(block.text).toMatch(/^error: failed to load manifest for workspace member/)
    expect(block.text).toContain('Caused by:')
  })
})

describe('metadata and toolchain', () => {
  it('rejects output that is not cargo metadata', () => {
    expect(() => parseMetadata('{"packages": 1}')).toThrow(/lacks packages/)
    expect(() => parseMetadata('not json')).toThrow(/not JSON/)
  })
  it('reads rustc -vV', () => {
    const text =
      'rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\n'
    expect(parseRustcVersion(text)).toEqual({
      release: '1.95.0',
      host: 'x86_64-unknown-linux-gnu',
      channel: 'stable'
    })
    expect(parseRustcVersion('release: 1.96.0-nightly\nhost: x')?.channel).toBe('nightly')
  })
})

describe("a failing test's output, kept to its end", () => {
  it('keeps short output whole, and of long output the last lines within the limit, after a note', () => {
    expect(outputTail('a\nb\n', 10)).toBe('a\nb\n')
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    const kept = outputTail(lines, 40)
    const [note, ...rest] = kept.split('\n')
    expect(rest.join('\n')).toBe(lines.slice(lines.length - rest.join('\n').length))
    expect(rest[0]).toMatch(/^line \d+$/)
    expect(rest.at(-1)).toBe('line 99')
    expect(rest.join('\n').length).toBeLessThanOrEqual(40)
    expect(note).toBe(`[… ${lines.length - rest.join('\n').length} earlier characters of output left out]`)
    // One huge line: cut inside it rather than keep nothing.
    expect(outputTail('x'.repeat(100), 10)).toBe(
      `[… 90 earlier characters of output left out]\n${'x'.repeat(10)}`
    )
  })
})
