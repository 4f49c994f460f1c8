// The output reader's line splitting, against readline's (the reader it replaced) on the same bytes,
// and its bound on one line. Part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { LineSplitter } from '../src/cargo/lines.js'
import { runProcess } from '../src/cargo/process.js'

function split(chunks: (string | Buffer)[], maxChars?: number) {
  const lines: string[] = []
  const s = new LineSplitter(l => lines.push(l), maxChars)
  for (const c of chunks) s.write(Buffer.from(c))
  s.end()
  return { lines, cut: s.cut }
}

async function readlineOf(chunks: (string | Buffer)[]): Promise<string[]> {
  const lines: string[] = []
  const rl = createInterface({ input: Readable.from(chunks.map(c => Buffer.from(c))), crlfDelay: Infinity })
  for await (const l of rl) lines.push(l)
  return lines
}

describe('LineSplitter', () => {
  it.each([
    ['plain lines', ['a\nb\n']],
    ['no final line break', ['a\nb']],
    ['empty lines', ['\n\na\n\n']],
    ['CRLF, and a lone CR', ['a\r\nb\rc\n']],
    ['a lone CR after a LF', ['a\nb\rc\n']],
    ['a CR ending a chunk, then a chunk, then a LF', ['a\r', 'b', '\nc']],
    ['CRLF split across chunks', ['a\r', '\nb\n']],
    ['a CR at the end of a chunk, then a line', ['a\r', 'b\n']],
    ['a line across many chunks', ['ab', 'cd', 'e\nf', 'g']],
    ['a CR at the very end', ['a\r']]
  ])('splits %s as readline does', async (_, chunks) => {
    expect(split(chunks).lines).toEqual(await readlineOf(chunks))
    expect(split(chunks).cut).toEqual({ count: 0, longestChars: 0 })
  })

  it('decodes a UTF-8 character split across chunks', () => {
    const bytes = Buffer.from('größe ✓\n')
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9)]
    expect(split(chunks).lines).toEqual(['größe ✓'])
  })

  it('keeps at most the limit of one line, counts what was cut, and reads the next line whole', () => {
    const { lines, cut } = split(['0123', '456789', '\nshort\n', 'x'.repeat(12), '\n'], 5)
    expect(lines).toEqual(['01234', 'short', 'xxxxx'])
    expect(cut).toEqual({ count: 2, longestChars: 12 })
  })

  it('does not count a line exactly as long as the limit', () => {
    expect(split(['12345\n'], 5)).toEqual({ lines: ['12345'], cut: { count: 0, longestChars: 0 } })
  })
})

describe('a process whose output has overlong lines', () => {
  it('is read to the end, its lines cut to the limit, and the cut lines reported from both streams', async () => {
    const out: string[] = []
    const err: string[] = []
    const outcome = await runProcess(
      'sh',
      ['-c', 'printf "%s\\n" 0123456789 ok; printf "%s\\n" abcdefghijklmnopqrstuvwxyz >&2'],
      { cwd: process.cwd(), onStdoutLine: l => out.push(l), onStderrLine: l => err.push(l), maxLineChars: 6 }
    )
    expect(outcome.exitCode).toBe(0)
    expect(out).toEqual(['012345', 'ok'])
    expect(err).toEqual(['abcdef'])
    expect(outcome.cutLines).toEqual({ count: 2, longestChars: 26 })
  })

  it('reports nothing when every line fits', async () => {
    const outcome = await runProcess('sh', ['-c', 'echo fits'], {
      cwd: process.cwd(),
      onStdoutLine: () => {}
    })
    expect(outcome.cutLines).toBeUndefined()
  })
})
