// runPhase on captured real cargo output, replayed with every way the process can end: only a phase
// that started, exited, was read whole and ended with build-finished is trusted. Part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { ProcessOutcome } from '../src/cargo/process.js'
import { runPhase, type ProcessRunner } from '../src/cargo/phase.js'
import { parseMetadata, workspaceMembers } from '../src/cargo/metadata.js'
import type { Diagnostic, PhaseName } from '../src/report/schema.js'

const captured = (name: string) =>
  readFileSync(`__fixtures__/captured/${name}`, 'utf8').split('\n').filter(Boolean)
const members = new Map(
  workspaceMembers(parseMetadata(readFileSync('__fixtures__/captured/warnings.metadata.json', 'utf8'))).map(
    p => [p.id, p.name]
  )
)

function replay(stdout: string[], stderr: string[], outcome: Partial<ProcessOutcome> = {}): ProcessRunner {
  return async (_program, _args, options) => {
    for (const l of stdout) options.onStdoutLine?.(l)
    for (const l of stderr) options.onStderrLine?.(l)
    return { exitCode: 0, signal: null, spawnError: null, wallSeconds: 1.23456, cpuSeconds: 2, ...outcome }
  }
}

async function check(
  stdout: string[],
  outcome: Partial<ProcessOutcome> = {},
  stderr: string[] = [],
  phase: PhaseName = 'check'
) {
  const diagnostics: Diagnostic[] = []
  const other: string[] = []
  const r = await runPhase(
    phase,
    { program: 'cargo', args: ['check'] },
    {
      cwd: '.',
      members,
      sink: { diagnostic: d => diagnostics.push(d) },
      onOtherStdout: l => other.push(l),
      run: replay(stdout, stderr, outcome)
    }
  )
  return { ...r, diagnostics, other }
}

const WARNINGS = captured('warnings.check.jsonl')

describe('runPhase', () => {
  it('trusts a complete run and records what it measured', async () => {
    const r = await check(WARNINGS)
    expect(r.result).toEqual(
      expect.objectContaining({
        name: 'check',
        command: ['cargo', 'check'],
        ran: true,
        exitCode: 0,
        signal: null,
        wallSeconds: 1.235,
        cpuSeconds: 2,
        unreadableLines: 0,
        failure: null
      })
    )
    expect(r.result.units.workspace.compiled + r.result.units.workspace.fresh).toBeGreaterThan(0)
    expect(r.diagnostics.length).toBeGreaterThan(0)
  })

  it('does not trust a run without build-finished', async () => {
    const r = await check(WARNINGS.filter(l => !l.includes('"build-finished"')))
    expect(r.result.failure).toBe(
      'cargo exited without its final build-finished message, so its output cannot be trusted'
    )
  })

  it('does not trust a run with an unreadable message line, and names the line', async () => {
    const cut = WARNINGS[0].slice(0, 40)
    const r = await check([cut, ...WARNINGS.slice(1)])
    expect(r.result.unreadableLines).toBe(1)
    expect(r.result.failure).toBe(`1 line(s) of cargo's JSON output could not be read (first: ${cut})`)
  })

  it('names a killed cargo and a cargo that did not start', async () => {
    expect((await check(WARNINGS, { exitCode: null, signal: 'SIGKILL' })).result.failure).toBe(
      'cargo was killed by signal SIGKILL before it finished'
    )
    const missing = await check([], { exitCode: null, spawnError: 'spawn cargo ENOENT' })
    expect(missing.result.ran).toBe(false)
    expect(missing.result.failure).toBe(
      'could not start cargo: spawn cargo ENOENT. Is cargo installed and on PATH?'
    )
    const denied = await check([], { exitCode: null, spawnError: 'spawn cargo EACCES' })
    expect(denied.result.failure).toBe('could not start cargo: spawn cargo EACCES.')
  })

  it('names a timeout', async () => {
    const r = await check(WARNINGS, { exitCode: null, signal: 'SIGKILL', timedOut: true, wallSeconds: 3 })
    expect(r.result.failure).toBe(
      'cargo did not finish within 3 s (test-timeout) and was killed with everything it started'
    )
    const long = await check(WARNINGS, {
      exitCode: null,
      signal: 'SIGKILL',
      timedOut: true,
      wallSeconds: 3600
    })
    expect(long.result.failure).toMatch(/within 60 min/)
  })

  it('leaves a failing exit to the readers (build-finished false is not a trust problem)', async () => {
    const r = await check(captured('compile-error.check.jsonl'), { exitCode: 101 })
    expect(r.result.failure).toBeNull()
    expect(r.result.exitCode).toBe(101)
  })

  it('passes lines after build-finished and non-cargo lines to the other reader', async () => {
    const fake =
      '{"reason":"compiler-message","package_id":"x","message":{"message":"fake","level":"error","spans":[],"code":null,"rendered":"fake"}}'
    const r = await check(['plain', ...WARNINGS, fake])
    expect(r.other).toEqual(['plain', fake])
    expect(r.diagnostics.some(d => d.message === 'fake')).toBe(false)
  })

  it('does not trust a build whose output goes on after build-finished: a proc macro forged one', async () => {
    // A proc macro's stdout reaches cargo's: a forged build-finished would end the reading before the
    // warnings that follow it.
    const forged = '{"reason":"build-finished","success":true}'
    const cut = WARNINGS.findIndex(l => l.includes('"compiler-message"'))
    const r = await check([...WARNINGS.slice(0, cut), forged, ...WARNINGS.slice(cut)])
    const late = WARNINGS.length - cut
    expect(r.result.failure).toBe(
      `${late} line(s) in cargo's message format came after a build-finished message: something the build ran (a proc macro) printed cargo-like JSON to stdout, so cargo's own messages cannot be told from forged ones (first line after it: ${WARNINGS[cut].slice(0, 200)})`
    )
    for (const phase of ['test-build', 'build'] as const)
      expect((await check([...WARNINGS, forged], {}, [], phase)).result.failure).toMatch(
        /^1 line\(s\) in cargo's message format came after a build-finished/
      )
  })

  it('does not trust a run with a line longer than the gate reads, and says how long', async () => {
    const r = await check(WARNINGS, { cutLines: { count: 1, longestChars: 700 * 2 ** 20 } })
    expect(r.result.failure).toBe(
      "1 line(s) of cargo's output were longer than the 64 MiB the gate reads of one line (the longest: 700 MiB), so they could not be read whole (does a test print that much?)"
    )
  })

  it("trusts cargo test with cargo-like lines after build-finished: they are the tests' output", async () => {
    const fake = '{"reason":"build-finished","success":false}'
    const r = await check([...WARNINGS, 'running 1 test', fake], {}, [], 'test')
    expect(r.result.failure).toBeNull()
    expect(r.other).toEqual(['running 1 test', fake])
  })

  it('keeps cargo own stderr errors, and collects stdout whole for metadata', async () => {
    const r = await check([], { exitCode: 101 }, [
      'error: could not find `Cargo.toml` in `/x` or any parent directory'
    ])
    expect(r.result.cargoErrors).toEqual([
      'error: could not find `Cargo.toml` in `/x` or any parent directory'
    ])
    const meta = await runPhase(
      'metadata',
      { program: 'cargo', args: ['metadata'] },
      { cwd: '.', collectStdout: true, run: replay(['{"a":', '1}'], []) }
    )
    expect(meta.stdout).toBe('{"a":\n1}')
    // Its one line is as long as the dependency graph is large: read whole, whatever its length.
    let limit: number | undefined
    await runPhase(
      'metadata',
      { program: 'cargo', args: ['metadata'] },
      {
        cwd: '.',
        collectStdout: true,
        run: async (p, a, o) => ((limit = o.maxLineChars), replay([], [])(p, a, o))
      }
    )
    expect(limit).toBe(Infinity)
    let checkLimit: number | undefined = 0
    await runPhase(
      'check',
      { program: 'cargo', args: ['check'] },
      {
        cwd: '.',
        members,
        run: async (p, a, o) => ((checkLimit = o.maxLineChars), replay(WARNINGS, [])(p, a, o))
      }
    )
    expect(checkLimit).toBeUndefined()
    expect(meta.result.failure).toBeNull()
    expect(meta.result.units).toEqual({
      workspace: { compiled: 0, fresh: 0 },
      dependencies: { compiled: 0, fresh: 0 }
    })
  })

  it('keeps only the errors cargo explains itself, not the summary of what the readers counted', async () => {
    const stderr = readFileSync('__fixtures__/captured/compile-error.check.stderr.txt', 'utf8').split('\n')
    const lines: string[] = []
    const r = await runPhase(
      'check',
      { program: 'cargo', args: ['check'] },
      {
        cwd: '.',
        members,
        onStderr: l => lines.push(l),
        run: replay(captured('compile-error.check.jsonl'), stderr, { exitCode: 101 })
      }
    )
    expect(stderr.some(l => l.startsWith('error: could not compile'))).toBe(true)
    expect(r.result.cargoErrors).toEqual([])
    expect(r.errors.map(e => e.summary)).toEqual([true])
    // Every stderr line reaches the log, and the last ones explain a failure nothing else names.
    expect(lines).toEqual(stderr)
    expect(r.stderrTail).toEqual(stderr.slice(-20))
  })

  it('reads cargo messages without a sink, workspace and dependency diagnostics alike', async () => {
    for (const name of ['warnings', 'dep-warnings']) {
      const r = await runPhase(
        'check',
        { program: 'cargo', args: ['check'] },
        { cwd: '.', members, run: replay(captured(`${name}.check.jsonl`), []) }
      )
      expect([r.result.failure, r.result.unreadableLines]).toEqual([null, 0])
    }
  })

  it('hands the test-timeout to the process, so a hung cargo is killed', async () => {
    const seen: (number | undefined)[] = []
    const run: ProcessRunner = async (program, args, options) => {
      seen.push(options.timeoutSeconds)
      return replay(WARNINGS, [])(program, args, options)
    }
    const phase = (timeoutSeconds?: number) =>
      runPhase('test', { program: 'cargo', args: ['test'] }, { cwd: '.', run, timeoutSeconds })
    await phase(90)
    await phase()
    expect(seen).toEqual([90, undefined])
  })

  it('says the time a killed run was given in seconds up to two minutes, then in minutes', async () => {
    const after = async (wallSeconds: number) =>
      (await check(WARNINGS, { exitCode: null, signal: 'SIGKILL', timedOut: true, wallSeconds })).result
        .failure
    expect(await after(119.4)).toMatch(/within 119 s /)
    expect(await after(120)).toMatch(/within 2 min /)
    expect(await after(150)).toMatch(/within 3 min /)
  })
})
