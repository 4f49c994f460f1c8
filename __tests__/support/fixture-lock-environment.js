// Jest's node environment, plus a lock on every Rust workspace a test file builds in place. Test files
// run in two workers; two files that build the same fixture (its own target directory) would make each
// other's units dirty or fresh (different flags, features, RUSTFLAGS), so those files take turns, while
// files with other fixtures or none run beside them. The fixtures a file uses are read from its source
// and from the test modules it imports: `__fixtures__/…` and `examples/…` paths naming a directory with a
// Cargo.toml; a path naming a folder of workspaces (joined with a name at run time) locks each of them.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { TestEnvironment } from 'jest-environment-node'

const POLL_MS = 100
// A file that holds a fixture longer than this is stuck: fail the waiting file, naming both.
const MAX_WAIT_MS = 30 * 60 * 1000
// A lock directory without its owner file yet: being taken; after this long, left by a killed worker.
const UNOWNED_GRACE_MS = 10_000

export default class FixtureLockEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    this.rootDir = config.projectConfig.rootDir
    this.testPath = context.testPath
    this.held = []
  }

  async setup() {
    await super.setup()
    const dir = lockDir(this.rootDir)
    mkdirSync(dir, { recursive: true })
    try {
      for (const key of fixtureKeys(this.rootDir, this.testPath)) {
        await acquire(path.join(dir, key.replace(/[\\/]/g, '+')), key, this.testPath)
        this.held.push(path.join(dir, key.replace(/[\\/]/g, '+')))
      }
    } catch (e) {
      this.release()
      throw e
    }
  }

  async teardown() {
    this.release()
    await super.teardown()
  }

  release() {
    for (const lock of this.held.splice(0)) rmSync(lock, { recursive: true, force: true })
  }
}

function lockDir(rootDir) {
  const id = createHash('sha256').update(rootDir).digest('hex').slice(0, 12)
  return path.join(tmpdir(), `build-gate-fixture-locks-${id}`)
}

/** The workspaces the test file builds, sorted (every file takes its locks in one order: no deadlock). */
export function fixtureKeys(rootDir, testPath) {
  const keys = new Set()
  for (const source of sources(testPath, new Set())) {
    const text = source.replace(/(__fixtures__|examples)['"],\s*['"]/g, '$1/')
    for (const m of text.matchAll(/(?:__fixtures__|examples)(?:\/[A-Za-z0-9_.-]+){1,2}/g))
      for (const key of workspacesAt(rootDir, m[0])) keys.add(key)
  }
  return [...keys].sort()
}

/** The file's source and that of the test modules it imports (relative imports inside __tests__). */
function sources(file, seen) {
  if (seen.has(file) || !existsSync(file)) return []
  seen.add(file)
  const text = readFileSync(file, 'utf8')
  const out = [text]
  for (const m of text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
    const imported = path.resolve(path.dirname(file), `${m[1]}.ts`)
    if (imported.includes(`${path.sep}__tests__${path.sep}`)) out.push(...sources(imported, seen))
  }
  return out
}

/** `a/b`: the workspace at a/b, or every workspace under it (or under a, if b was joined at run time). */
function workspacesAt(rootDir, ref) {
  let rel = ref.replace(/\.[a-z]+$/, '')
  while (rel.includes('/')) {
    if (isDir(path.join(rootDir, rel))) return workspacesUnder(rootDir, rel, 3)
    rel = rel.slice(0, rel.lastIndexOf('/'))
  }
  return []
}

function workspacesUnder(rootDir, rel, depth) {
  const dir = path.join(rootDir, rel)
  if (existsSync(path.join(dir, 'Cargo.toml'))) return [rel]
  if (depth === 0) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter(e => e.isDirectory() && e.name !== 'target')
    .flatMap(e => workspacesUnder(rootDir, `${rel}/${e.name}`, depth - 1))
}

function isDir(p) {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

async function acquire(lock, key, testPath) {
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(path.join(lock, 'owner'), JSON.stringify({ pid: process.pid, test: testPath }))
      return
    } catch (e) {
      if (e.code !== 'EEXIST') throw e
    }
    const owner = readOwner(lock)
    if (owner ? !alive(owner.pid) : ageMs(lock) > UNOWNED_GRACE_MS) {
      rmSync(lock, { recursive: true, force: true })
      continue
    }
    if (Date.now() - started > MAX_WAIT_MS)
      throw new Error(
        `waited ${MAX_WAIT_MS / 60000} min for the fixture ${key}, held by ${owner?.test ?? 'a file being set up'}`
      )
    await new Promise(resolve => setTimeout(resolve, POLL_MS))
  }
}

function readOwner(lock) {
  try {
    return JSON.parse(readFileSync(path.join(lock, 'owner'), 'utf8'))
  } catch {
    return null
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === 'EPERM'
  }
}

function ageMs(p) {
  try {
    return Date.now() - statSync(p).mtimeMs
  } catch {
    return 0
  }
}
