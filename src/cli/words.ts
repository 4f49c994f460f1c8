// The gate's hints name action inputs (`Input 'deny-warnings'`, "set `public-api: off`"); on the
// command line the same input is a flag, so the CLI says `--deny-warnings`, `--public-api off`.
// Only known input names in the forms the gate writes are rewritten, never the compiler's words.
import { INPUTS } from '../pipeline/config.js'

const VALUE = String.raw`[\w.@/*+-]+`

/** Hints in the CLI's words: every input the hint names, spelt as its flag. */
export function cliWords(text: string, names: readonly string[] = INPUTS.map(i => i.name)): string {
  const name = `(${[...names]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})`
  const bare = new RegExp(`(?<![\\w./-])${name}(?![\\w/-])`, 'g')
  return (
    text
      // Input 'check-args': … (a ConfigError)
      .replace(new RegExp(`\\bInput '${name}'`, 'g'), '--$1')
      // `public-api: off` and set public-api: off
      .replace(new RegExp('`' + name + ': (' + VALUE + ')`', 'g'), '`--$1 $2`')
      .replace(new RegExp(`\\bset ${name}: (${VALUE})`, 'g'), 'set --$1 $2')
      // `public-api-base`, set toolchain, set history-path to …
      .replace(new RegExp('`' + name + '`', 'g'), '`--$1`')
      .replace(new RegExp(`\\bset ${name}\\b(?!-)`, 'g'), 'set --$1')
      // A hyphenated input name on its own (public-api-crates) is no ordinary word, unless it is also
      // a value or a finding code (compile-once, dry-run, duplicate-versions).
      .replace(bare, (whole, n: string) => (n.includes('-') && !ALSO_A_VALUE.has(n) ? `--${n}` : whole))
  )
}

const ALSO_A_VALUE = new Set([
  'compile-once',
  'dry-run',
  'duplicate-versions',
  'fix-search',
  'fix-pr',
  'public-api'
])

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
