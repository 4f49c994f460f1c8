// Progress on stderr: cargo's own status lines as they come (`Compiling serde v1.0.219`, `Running
// unittests …`, `Blocking waiting for file lock …`), so a long build shows what it is doing; on a
// terminal a spinner with the phase's time stays below them; each phase ends with ✓ or ✗ and its time.
import type { ProgressEvent } from '../cargo/port.js'

export type Output = Pick<NodeJS.WriteStream, 'write' | 'isTTY'>

/**
 * The lines cargo prints about its own progress (JSON messages go to stdout; these come on stderr).
 * `Executable` (one per test binary of --no-run) and `Timing report saved` say nothing about progress.
 */
const STATUS =
  /^\s+(Compiling|Checking|Documenting|Running|Doc-tests|Finished|Blocking|Updating|Locking|Downloading|Downloaded|Adding)\s/

export class Progress {
  private timer: NodeJS.Timeout | null = null
  private started = 0
  private label = ''
  constructor(
    private readonly stream: Output,
    private readonly colour = false
  ) {}

  update(e: ProgressEvent): void {
    const label = e.phase === 'toolchain' ? 'rustc -vV' : `cargo ${e.phase}`
    if (e.state === 'start') {
      this.stop()
      this.started = Date.now()
      this.label = label
      if (this.stream.isTTY) {
        let frame = 0
        const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'
        this.timer = setInterval(() => {
          this.stream.write(`\r${frames[frame++ % frames.length]} ${this.label} (${this.elapsed(0)}s)`)
        }, 100)
      } else this.stream.write(`… ${label}\n`)
    } else {
      this.stop()
      // A phase that exited non-zero or could not be read is not a success, whatever came next.
      const mark = e.ok === false ? '✗' : '✓'
      this.stream.write(`${this.clear()}${mark} ${label} (${this.elapsed(1)}s)\n`)
    }
  }

  /** A line cargo wrote on stderr: shown when it is one of cargo's status lines. */
  cargoLine(line: string): void {
    const m = STATUS.exec(line)
    if (!m) return
    const text = this.colour ? line.replace(m[1], `\x1b[1;32m${m[1]}\x1b[0m`) : line
    // On a terminal the spinner's line is cleared first; the spinner redraws below at its next tick.
    this.stream.write(`${this.clear()}${text}\n`)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private clear(): string {
    return this.stream.isTTY ? '\r\x1b[K' : ''
  }

  private elapsed(digits: number): string {
    return ((Date.now() - this.started) / 1000).toFixed(digits)
  }
}
