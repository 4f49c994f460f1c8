// cargo's own errors come as plain text on stderr, not JSON: a manifest it cannot parse, a
// resolution failure, `feature \`edition2024\` is required`, … The gate keeps them in cargo's words.

export interface CargoErrorBlock {
  text: string
  /** Errors that only summarise what the JSON/libtest readers already counted. */
  summary: boolean
}

const STATUS =
  /^\s+(Compiling|Checking|Running|Finished|Fresh|Doc-tests|Blocking|Updating|Locking|Downloaded|Downloading|Adding|Executable|Timing report saved)\b/
const SUMMARIES = [
  /^error: could not compile `/,
  /^error: (doc)?test failed, to rerun pass/,
  /^error: \d+ targets? failed:/
]
const MAX_BLOCK_LINES = 40

export class CargoStderrReader {
  readonly blocks: CargoErrorBlock[] = []
  /** The last lines of stderr, for an error message when nothing else explains a failure. */
  readonly tail: string[] = []
  private current: string[] | null = null

  push(line: string): void {
    this.tail.push(line)
    if (this.tail.length > 20) this.tail.shift()
    if (line.startsWith('error')) {
      this.flush()
      this.current = [line]
    } else if (line.startsWith('warning:') || STATUS.test(line)) {
      this.flush()
    } else if (this.current && this.current.length < MAX_BLOCK_LINES) {
      this.current.push(line)
    }
  }

  /** Call once after the last line. */
  finish(): CargoErrorBlock[] {
    this.flush()
    return this.blocks
  }

  private flush(): void {
    if (!this.current) return
    const text = this.current.join('\n').trimEnd()
    this.blocks.push({ text, summary: SUMMARIES.some(r => r.test(text)) })
    this.current = null
  }
}
