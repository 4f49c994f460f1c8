// The bundle's start-up cost is paid by every run: Octokit and its HTTP stack (undici, which @actions/core
// also imports for OIDC tokens) must load only when a run talks to GitHub (a laptop without a token never
// does), and what only some runs need only in those. Read from dist/'s own import statements.
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'

const DIST = path.resolve('dist')
// Rollup writes its chunks' imports as `from './chunks/x.js'` and `import('./x.js')`.
const STATIC = /(?:^|[;\n])\s*(?:import|export)\s[^;]*?from\s*'(\.{1,2}\/[^']+\.js)'/g
const DYNAMIC = /import\(\s*'(\.{1,2}\/[^']+\.js)'\s*\)/g

function imports(file: string, pattern: RegExp): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(pattern)]
    .map(m => path.resolve(path.dirname(file), m[1]))
    .filter(f => existsSync(f))
}

/** Every file loaded before the entry's first line runs. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>()
  const queue = [entry]
  while (queue.length) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    queue.push(...imports(file, STATIC))
  }
  return seen
}

const defines = (file: string, what: string) => readFileSync(file, 'utf8').includes(what)

// What marks each library in the bundle: a function its module defines; and whether the bundle must
// hold it (undici may be left out altogether: the client uses Node's own fetch).
const LAZY = [
  ['Octokit', 'class Octokit {', true],
  ['undici', 'function requireUndici ()', false],
  // Only runs that keep a roadmap read YAML; only they and shard merges match globs.
  ['the YAML parser', 'class YAMLParseError ', true],
  ['the glob matcher', 'async function glob(', true]
] as const

describe.each(['cli.js', 'index.js'])('dist/%s', entry => {
  const closure = staticClosure(path.join(DIST, entry))

  it.each(LAZY)('loads %s only on first use', (_, marker, bundled) => {
    const eager = [...closure].filter(f => defines(f, marker))
    expect(eager.map(f => path.relative(DIST, f))).toEqual([])
    const lazy = [...closure]
      .flatMap(f => imports(f, DYNAMIC))
      .flatMap(f => [...staticClosure(f)])
      .filter(f => defines(f, marker))
    if (bundled) expect(lazy.length).toBeGreaterThan(0)
  })
})
