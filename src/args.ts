// Splits an argument string into argv the way a user expects from a shell, without a shell:
// whitespace separates, single and double quotes group, backslash escapes. Nothing is expanded.
export function splitArgs(input: string): string[] {
  const out: string[] = []
  let current = ''
  let inToken = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (quote) {
      if (c === quote) quote = null
      else if (c === '\\' && quote === '"' && i + 1 < input.length) current += input[++i]
      else current += c
    } else if (c === '"' || c === "'") {
      quote = c
      inToken = true
    } else if (c === '\\' && i + 1 < input.length) {
      current += input[++i]
      inToken = true
    } else if (/\s/.test(c)) {
      if (inToken) out.push(current)
      current = ''
      inToken = false
    } else {
      current += c
      inToken = true
    }
  }
  if (quote) throw new Error(`unclosed ${quote} quote in '${input}'.`)
  if (inToken) out.push(current)
  return out
}
