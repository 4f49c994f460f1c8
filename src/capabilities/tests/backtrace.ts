// A failing test's backtrace, as people need it: the frames of their own code. The standard library's
// frames (`at /rustc/<commit>/library/…`, or std/core/alloc symbols with no location) are left out and
// counted, so the test's own frames are not lost among them.

const FRAME = /^\s*\d+: (.*)$/
const AT = /^\s+at (.*)$/
const STD_SYMBOL = /^(?:<.*? as )?(?:std|core|alloc|test)::|^(?:__rustc::)?rust_begin_unwind$|^__rust/

/** `text` without the standard library's backtrace frames, and a line saying how many were left out. */
export function withoutStdFrames(text: string): string {
  const lines = text.split('\n')
  const out: string[] = []
  let dropped = 0
  for (let i = 0; i < lines.length; i++) {
    const frame = FRAME.exec(lines[i])
    if (!frame) {
      out.push(lines[i])
      continue
    }
    let end = i + 1
    while (end < lines.length && AT.test(lines[end])) end++
    const at = lines.slice(i + 1, end).map(l => AT.exec(l)![1])
    const std = at.length > 0 ? at.every(a => a.startsWith('/rustc/')) : STD_SYMBOL.test(frame[1].trim())
    if (std) dropped++
    else out.push(...lines.slice(i, end))
    i = end - 1
  }
  if (dropped === 0) return text
  const note = `(${dropped} frame${dropped === 1 ? '' : 's'} of the standard library left out)`
  // After the backtrace, before libtest's own `note:` line when there is one.
  let last = out.length - 1
  while (
    last >= 0 &&
    !(FRAME.test(out[last]) || AT.test(out[last]) || out[last].startsWith('stack backtrace:'))
  )
    last--
  out.splice(last + 1, 0, note)
  return out.join('\n')
}
