// External JSON is checked where it enters: a wrong shape is a clear error naming the file (or, for
// cargo's stream, an unreadable line that makes the phase untrusted), never a crash deeper in.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { CargoMessageReader } from '../src/cargo/messages.js'
import { parseMetadata } from '../src/cargo/metadata.js'
import { isGateError } from '../src/errors.js'
import { readRunContext } from '../src/github/context.js'
import type { Diagnostic } from '../src/report/schema.js'

const captured = (name: string) => readFileSync(path.resolve('__fixtures__/captured', name), 'utf8')
const tmp = mkdtempSync(path.join(tmpdir(), 'gate-edge-'))

function thrown(f: () => unknown): unknown {
  try {
    f()
  } catch (e) {
    return e
  }
  throw new Error('expected an error')
}

describe('cargo messages', () => {
  const lines = captured('compile-error.check.jsonl').split('\n').filter(Boolean)
  const members = new Map(
    lines
      .map(l => JSON.parse(l) as { package_id?: string })
      .filter(m => m.package_id?.includes('/compile-error/crates/'))
      .map(m => [m.package_id!, m.package_id!.replace(/.*\/crates\/([^#]+)#.*/, '$1')])
  )

  function read(stream: string[]) {
    const diagnostics: Diagnostic[] = []
    const reader = new CargoMessageReader(members, 'check', { diagnostic: d => void diagnostics.push(d) })
    for (const l of stream) reader.push(l)
    return { diagnostics, state: reader.state }
  }

  it('reads the real stream whole', () => {
    const { diagnostics, state } = read(lines)
    expect(state.unreadableLines).toBe(0)
    expect(diagnostics.filter(d => d.severity === 'error').length).toBeGreaterThan(0)
  })

  it('counts a compiler message of the wrong shape as unreadable instead of crashing', () => {
    const i = lines.findIndex(l => l.includes('"reason":"compiler-message"'))
    const msg = JSON.parse(lines[i]) as { message: Record<string, unknown> }
    const broken = [
      { ...msg, message: { ...msg.message, spans: 'not a list' } },
      { ...msg, message: { ...msg.message, level: 7 } },
      { ...msg, message: null }
    ].map(m => JSON.stringify(m))
    const { state } = read([...lines.slice(0, i), ...broken, ...lines.slice(i + 1)])
    expect(state.unreadableLines).toBe(3)
    expect(state.firstUnreadable).toContain('compiler-message')
  })
})

describe('cargo metadata', () => {
  const real = JSON.parse(captured('compile-error.metadata.json')) as { packages: Record<string, unknown>[] }

  it('reads the real document', () => {
    expect(parseMetadata(JSON.stringify(real)).packages.length).toBe(real.packages.length)
  })

  it('names what is missing in a document of the wrong shape', () => {
    const broken = { ...real, packages: [{ ...real.packages[0], dependencies: null }] }
    const e = thrown(() => parseMetadata(JSON.stringify(broken)))
    expect(isGateError(e, 'cargo')).toBe(true)
    expect((e as Error).message).toMatch(
      /^cargo metadata output cannot be read: package .* has no dependencies\/targets lists\.$/
    )
  })
})

describe('the event payload', () => {
  function event(payload: string): unknown {
    const file = path.join(tmp, `event-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(file, payload)
    return thrown(() => readRunContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file }))
  }

  it('names the file and the field of a payload of the wrong shape', () => {
    const e = event('{"pull_request": {"number": "7"}}')
    expect(isGateError(e, 'environment')).toBe(true)
    expect((e as Error).message).toMatch(
      /^GITHUB_EVENT_PATH \(.*event-.*\.json\): `pull_request.number` is not a number$/
    )
    expect((event('[1, 2]') as Error).message).toMatch(/the event payload is not a JSON object$/)
    expect((event('{"pull_req') as Error).message).toMatch(/could not be read as JSON/)
  })

  it('reads a well-formed pull request payload', () => {
    const file = path.join(tmp, 'pr.json')
    writeFileSync(
      file,
      JSON.stringify({
        pull_request: { number: 7, head: { ref: 'f', repo: { fork: true } }, base: { ref: 'main' } }
      })
    )
    const ctx = readRunContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file })
    expect(ctx.pullRequest).toEqual({ number: 7, fork: true, headRef: 'f', baseRef: 'main' })
  })
})
