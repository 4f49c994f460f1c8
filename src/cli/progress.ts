// One line per phase on stderr: a spinner while it runs on a terminal, then ✓ or ✗ with its time.
import type { ProgressEvent } from '../cargo/port.js'

export type Output = Pick<NodeJS.WriteStream, 'write' | 'isTTY'>

export class Progress {
  private timer: NodeJS.Timeout | null = null
  private started = 0
  constructor(private readonly stream: Output) {}

  update(e: ProgressEvent): void {
    const label = e.phase === 'toolchain' ? 'rustc -vV' : `cargo ${e.phase}`
    if (e.state === 'start') {
      this.stop()
      this.started = Date.now()
      if (this.stream.isTTY) {
        let frame = 0
        const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'
        this.timer = setInterval(() => {
          const secs = ((Date.now() - this.started) / 1000).toFixed(0)
          this.stream.write(`\r${frames[frame++ % frames.length]} ${label} (${secs}s)`)
        }, 100)
      } else this.stream.write(`… ${label}\n`)
    } else {
      this.stop()
      const secs = ((Date.now() - this.started) / 1000).toFixed(1)
      // A phase that exited non-zero or could not be read is not a success, whatever came next.
      const mark = e.ok === false ? '✗' : '✓'
      this.stream.write(`${this.stream.isTTY ? '\r\x1b[K' : ''}${mark} ${label} (${secs}s)\n`)
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
