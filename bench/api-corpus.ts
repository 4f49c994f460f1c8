// `npm run bench:api-corpus -- --reference <dir>`: the API rules against the reference tool's own
// corpus. <dir> is a checkout of cargo-semver-checks (github.com/obi1kenobi/cargo-semver-checks): its
// test_crates/<pair>/{old,new} are documented here (offline: they have no registry dependency), each
// pair compared by the gate's rules, and the result set against the reference tool's expectations
// (test_outputs/query_execution/<lint>.snap, each lint's required_update in src/lints/<lint>.ron).
//
// A pair is "major" when a lint that requires a new major version and denies by default fires on it.
// Printed: how many major pairs the gate calls breaking, every pair the gate calls breaking that the
// reference tool does not (a false alarm, or a miss of the reference tool: each is listed to be
// judged), and per lint, the reference tool's findings the gate has no breaking change for.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { diffSurfaces, type ApiChange } from '../src/capabilities/public-api/diff.js'
import { readRustdoc, type RustdocCrate } from '../src/capabilities/public-api/rustdoc.js'
import { DOC_FLAGS } from '../src/capabilities/public-api/rustdoc-run.js'
import { publicSurface } from '../src/capabilities/public-api/surface.js'

const { values } = parseArgs({
  options: {
    reference: { type: 'string' },
    work: { type: 'string', default: path.join(tmpdir(), 'gate-api-corpus') },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false }
  }
})
if (!values.reference) {
  console.error('Name a cargo-semver-checks checkout: --reference <dir> (it holds test_crates/).')
  process.exit(2)
}
const reference = path.resolve(values.reference)
const work = path.resolve(values.work)

interface Expected {
  lint: string
  level: 'major' | 'major-warn' | 'minor'
  path: string | null
  file: string | null
  lines: [number, number] | null
}

function lintLevels(): Map<string, Expected['level']> {
  const out = new Map<string, Expected['level']>()
  const dir = path.join(reference, 'src/lints')
  for (const f of readdirSync(dir).filter(f => f.endsWith('.ron'))) {
    const text = readFileSync(path.join(dir, f), 'utf8')
    const update = /required_update:\s*(\w+)/.exec(text)?.[1]
    const level = /lint_level:\s*(\w+)/.exec(text)?.[1]
    out.set(f.slice(0, -4), update === 'Major' ? (level === 'Deny' ? 'major' : 'major-warn') : 'minor')
  }
  return out
}

/** The reference tool's findings per pair, read from its snapshot files (RON-like text). */
function expectations(levels: Map<string, Expected['level']>): Map<string, Expected[]> {
  const out = new Map<string, Expected[]>()
  const dir = path.join(reference, 'test_outputs/query_execution')
  for (const f of readdirSync(dir).filter(f => f.endsWith('.snap'))) {
    const lint = f.slice(0, -5)
    const level = levels.get(lint)
    if (!level) continue
    const text = readFileSync(path.join(dir, f), 'utf8')
    const sections = text.split(/^ {2}"\.\/test_crates\/([^/]+)\/": \[$/m)
    for (let i = 1; i < sections.length; i += 2) {
      const pair = sections[i]
      for (const rec of sections[i + 1].split(/^ {4}\},?$/m)) {
        const begin = /"span_begin_line": Uint64\((\d+)\)/.exec(rec)
        const end = /"span_end_line": Uint64\((\d+)\)/.exec(rec)
        const file = /"span_filename": String\("([^"]+)"\)/.exec(rec)
        const p = /"path": List\(\[([^\]]*)\]\)/.exec(rec)
        if (!begin && !p) continue
        const segs = p ? [...p[1].matchAll(/String\("([^"]+)"\)/g)].map(m => m[1]) : []
        const list = out.get(pair) ?? []
        list.push({
          lint,
          level,
          path: segs.length ? segs.join('::') : null,
          file: file?.[1] ?? null,
          lines: begin ? [Number(begin[1]), Number(end?.[1] ?? begin[1])] : null
        })
        out.set(pair, list)
      }
    }
  }
  return out
}

/** Pairs that build offline: an old and a new manifest, no registry dependency, no own workspace. */
function pairs(): string[] {
  const root = path.join(reference, 'test_crates')
  return readdirSync(root)
    .filter(p => ['old', 'new'].every(s => existsSync(path.join(root, p, s, 'Cargo.toml'))))
    .filter(p =>
      ['old', 'new'].every(s => {
        const toml = readFileSync(path.join(root, p, s, 'Cargo.toml'), 'utf8')
        if (/^\[workspace\]/m.test(toml)) return false
        const deps = /^\[dependencies\]\n([\s\S]*?)(?=^\[|$(?![\s\S]))/m.exec(toml)?.[1] ?? ''
        return deps
          .split('\n')
          .filter(l => l.trim() && !l.trim().startsWith('#'))
          .every(l => /path\s*=/.test(l) && !/package\s*=/.test(l))
      })
    )
    .sort()
}

/** Documents one side of every pair with one cargo invocation (a workspace of them); lib name → file. */
function documentSide(side: 'old' | 'new', list: string[]): string {
  const ws = path.join(work, side)
  const docs = path.join(ws, 'target', 'doc')
  if (existsSync(path.join(ws, 'done'))) return docs
  mkdirSync(ws, { recursive: true })
  cpSync(path.join(reference, 'test_crates'), path.join(ws, 'test_crates'), { recursive: true })
  writeFileSync(
    path.join(ws, 'Cargo.toml'),
    `[workspace]\nresolver = "2"\nmembers = [${list.map(p => `"test_crates/${p}/${side}"`).join(', ')}]\n`
  )
  const r = spawnSync(
    'cargo',
    ['doc', '--workspace', '--no-deps', '--lib', '--keep-going', '--offline', '-q'],
    {
      cwd: ws,
      encoding: 'utf8',
      env: {
        ...process.env,
        RUSTC_BOOTSTRAP: '1',
        CARGO_TARGET_DIR: path.join(ws, 'target'),
        // The gate's own flags, so the corpus is documented as the gate documents a crate.
        RUSTDOCFLAGS: DOC_FLAGS
      }
    }
  )
  if (values.verbose) console.error(r.stderr)
  writeFileSync(path.join(ws, 'done'), '')
  return docs
}

function libName(side: string, pair: string): string {
  const toml = readFileSync(path.join(reference, 'test_crates', pair, side, 'Cargo.toml'), 'utf8')
  const lib = /^\[lib\][\s\S]*?^name\s*=\s*"([^"]+)"/m.exec(toml)?.[1]
  const pkg = /^\[package\][\s\S]*?^name\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? pair
  return (lib ?? pkg).replace(/-/g, '_')
}

function load(docs: string, side: string, pair: string): RustdocCrate | null {
  const file = path.join(docs, `${libName(side, pair)}.json`)
  if (!existsSync(file)) return null
  return readRustdoc(readFileSync(file, 'utf8'), `${pair} (${side})`)
}

/** A reference finding is met by a change at the same item (path) or within its lines, on either side. */
function meets(e: Expected, c: ApiChange): boolean {
  if (e.path && c.path === e.path) return true
  if (!e.lines) return false
  return [c.base, c.head].some(
    at =>
      !!at?.line &&
      !!at.file &&
      (!e.file || at.file.endsWith(e.file)) &&
      at.line >= e.lines![0] &&
      at.line <= e.lines![1]
  )
}

const started = Date.now()
const levels = lintLevels()
const expected = expectations(levels)
const list = pairs()
const oldDocs = documentSide('old', list)
const newDocs = documentSide('new', list)

interface PairResult {
  pair: string
  reference: 'major' | 'major-warn' | 'minor' | 'none'
  gate: 'breaking' | 'warning' | 'none' | 'undocumented'
  breaking: ApiChange[]
  unmet: Expected[]
  /** Breaking changes of the gate no reference finding (of any level) is at. */
  extra: ApiChange[]
}

const results: PairResult[] = []
for (const pair of list) {
  const exp = expected.get(pair) ?? []
  const ref = exp.some(e => e.level === 'major')
    ? 'major'
    : exp.some(e => e.level === 'major-warn')
      ? 'major-warn'
      : exp.length
        ? 'minor'
        : 'none'
  const oldDoc = load(oldDocs, 'old', pair)
  const newDoc = load(newDocs, 'new', pair)
  if (!oldDoc || !newDoc) {
    results.push({ pair, reference: ref, gate: 'undocumented', breaking: [], unmet: [], extra: [] })
    continue
  }
  const changes = diffSurfaces(
    publicSurface(oldDoc),
    publicSurface(newDoc),
    publicSurface(newDoc, true),
    publicSurface(oldDoc, true)
  )
  const breaking = changes.filter(c => c.class === 'breaking')
  const warning = changes.some(c => c.class === 'warning')
  const unmet = exp.filter(
    e =>
      e.level !== 'minor' &&
      !changes.some(
        c => (c.class === 'breaking' || (e.level === 'major-warn' && c.class === 'warning')) && meets(e, c)
      )
  )
  results.push({
    pair,
    reference: ref,
    gate: breaking.length ? 'breaking' : warning ? 'warning' : 'none',
    breaking,
    unmet,
    extra: breaking.filter(c => !exp.some(e => meets(e, c)))
  })
}

const major = results.filter(r => r.reference === 'major' && r.gate !== 'undocumented')
const caught = major.filter(r => r.gate === 'breaking')
const falseAlarms = results.filter(r => r.gate === 'breaking' && r.reference !== 'major')
const majorFindings = results.flatMap(r =>
  (expected.get(r.pair) ?? []).filter(e => e.level === 'major').map(e => ({ r, e }))
)
const unmetMajor = results.flatMap(r => r.unmet.filter(e => e.level === 'major').map(e => ({ r, e })))
const undocumented = results.filter(r => r.gate === 'undocumented').map(r => r.pair)

console.log(
  `Reference corpus: ${list.length} pairs built offline, ${undocumented.length} not documented (${undocumented.join(', ') || 'none'})`
)
console.log(
  `Major pairs the gate calls breaking: ${caught.length} of ${major.length} (${((100 * caught.length) / Math.max(1, major.length)).toFixed(1)}%)`
)
console.log(
  `Major findings of the reference tool met by a gate change: ${majorFindings.length - unmetMajor.length} of ${majorFindings.length}`
)
console.log(`Pairs the gate calls breaking that the reference tool does not: ${falseAlarms.length}`)
for (const r of falseAlarms) {
  console.log(`  ${r.pair} (reference: ${r.reference})`)
  for (const c of r.breaking)
    console.log(`    ${c.rule} ${c.path}: ${c.what} [${c.side} ${c.file}:${c.line}]`)
}
const missed = major.filter(r => r.gate !== 'breaking')
console.log(`Major pairs the gate does not call breaking: ${missed.length}`)
for (const r of missed) console.log(`  ${r.pair}: ${[...new Set(r.unmet.map(e => e.lint))].join(', ')}`)
const byLint = new Map<string, number>()
for (const { e } of unmetMajor) byLint.set(e.lint, (byLint.get(e.lint) ?? 0) + 1)
console.log('Unmet major findings by lint:')
for (const [lint, n] of [...byLint].sort((a, b) => b[1] - a[1])) console.log(`  ${n} ${lint}`)
const extra = results.flatMap(r => r.extra.map(c => ({ r, c })))
console.log(`Breaking changes of the gate at no finding of the reference tool: ${extra.length}`)
if (values.verbose)
  for (const { r, c } of extra)
    console.log(`  extra ${r.pair} ${c.rule} ${c.path}: ${c.what} [${c.side} ${c.line}]`)
if (values.verbose)
  for (const { r, e } of unmetMajor)
    console.log(`  unmet ${r.pair} ${e.lint} ${e.path ?? ''} ${e.file ?? ''}:${e.lines?.join('-') ?? ''}`)
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`)
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2))
