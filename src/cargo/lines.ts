// A process's output as lines, read as it arrives: UTF-8 decoded across chunk boundaries, split where
// readline splits (\n, \r\n, a lone \r), and no line kept longer than MAX_LINE_CHARS. A failing test
// that printed a gigabyte reaches the gate as one libtest event line, longer than the longest string
// V8 can hold: readline crashed on it with a stack trace.
import { StringDecoder } from 'node:string_decoder'

/** The most of one line the gate keeps (UTF-16 units); the rest is counted, not kept. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024

export interface CutLines {
  /** Lines longer than the limit. */
  count: number
  /** Length of the longest of them, in characters. */
  longestChars: number
}

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private parts: string[] = []
  private kept = 0
  private length = 0
  /** The previous chunk ended in \r: a \n starting the next one belongs to it. */
  private pendingCr = false
  readonly cut: CutLines = { count: 0, longestChars: 0 }

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxChars = MAX_LINE_CHARS
  ) {}

  write(chunk: Buffer): void {
    this.text(this.decoder.write(chunk))
  }

  /** The last line, when the output does not end with a line break. */
  end(): void {
    this.text(this.decoder.end())
    if (this.length > 0) this.emit()
  }

  private text(s: string): void {
    let from = this.pendingCr && s.startsWith('\n') ? 1 : 0
    this.pendingCr = false
    // Each searched once per chunk, not once per line: a chunk without \r is scanned for it once.
    let nl = s.indexOf('\n', from)
    let cr = s.indexOf('\r', from)
    while (from < s.length) {
      if (nl !== -1 && nl < from) nl = s.indexOf('\n', from)
      if (cr !== -1 && cr < from) cr = s.indexOf('\r', from)
      const at = cr !== -1 && (nl === -1 || cr < nl) ? cr : nl
      if (at === -1) {
        this.add(s.slice(from))
        return
      }
      this.add(s.slice(from, at))
      this.emit()
      if (s[at] === '\r') {
        if (at + 1 === s.length) {
          this.pendingCr = true
          return
        }
        from = s[at + 1] === '\n' ? at + 2 : at + 1
      } else from = at + 1
    }
  }

  private add(piece: string): void {
    this.length += piece.length
    const kept = piece.slice(0, this.maxChars - this.kept)
    this.parts.push(kept)
    this.kept += kept.length
  }

  private emit(): void {
    if (this.length > this.maxChars) {
      this.cut.count++
      this.cut.longestChars = Math.max(this.cut.longestChars, this.length)
    }
    const line = this.parts.join('')
    this.parts = []
    this.kept = 0
    this.length = 0
    this.onLine(line)
  }
}
