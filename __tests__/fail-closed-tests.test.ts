// Test results as cargo test printed them (captured: libtest's suites on stdout, the binaries and
// cargo's own word on the failing ones on stderr), cross-checked: where libtest and cargo disagree, or a
// binary printed nothing or too much, the failure is counted or the run is untrusted, never passed.
// Pure: part of `npm run mutate`.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { binaryIdentity, failedTarget, LibtestJsonReader, type BinaryIdentity } from '../src/cargo/libtest.js'
import { CargoMessageReader, type ArtifactInfo } from '../src/cargo/messages.js'
import { parseMetadata, workspaceMembers, type CargoMetadata } from '../src/cargo/metadata.js'
import { resolveTests, type TestRunRead } from '../src/capabilities/tests/results.js'

const captured = (name: string) =>
  readFileSync(`__fixtures__/captured/${name}`, 'utf8').split('\n').filter(Boolean)
const META = parseMetadata(readFileSync('__fixtures__/captured/tests-mixed.metadata.json', 'utf8'))
const STDOUT = captured('tests-mixed.test.stdout.txt')
const STDERR = captured('tests-mixed.test.stderr.txt')
const SUITE_LINES = STDOUT.filter(l => !l.startsWith('{"reason":'))

function artifactsOf(meta: CargoMetadata): ArtifactInfo[] {
  const artifacts: ArtifactInfo[] = []
  const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]))
  const reader = new CargoMessageReader(members, 'test', {
    diagnostic: () => undefined,
    artifact: a => artifacts.push(a)
  })
  for (const l of STDOUT) reader.push(l)
  return artifacts
}
const ARTIFACTS = artifactsOf(META)

interface Run {
  suites?: string[]
  stderr?: string[]
  artifacts?: ArtifactInfo[]
  harnessFree?: string[]
  killed?: string | null
  meta?: CargoMetadata
}

function resolve(run: Run = {}) {
  const reader = new LibtestJsonReader()
  for (const l of run.suites ?? SUITE_LINES) reader.push(l)
  const stderr = run.stderr ?? STDERR
  const read: TestRunRead = {
    suites: reader.suites,
    orphans: reader.orphans,
    identities: stderr.map(binaryIdentity).filter((x): x is BinaryIdentity => !!x),
    failedTargets: stderr.map(failedTarget).filter((x): x is string => !!x),
    artifacts: run.artifacts ?? ARTIFACTS,
    harnessFree: new Set(run.harnessFree ?? []),
    killed: run.killed
  }
  return resolveTests(read, run.meta ?? META)
}

// The suites, one list of lines each, in the order the binaries ran.
function suites(): string[][] {
  const out: string[][] = []
  for (const l of SUITE_LINES) {
    if (l.includes('"type": "suite", "event": "started"')) out.push([])
    out.at(-1)!.push(l)
  }
  return out
}
const CLEAN = resolve()
const LABELS_ID = ARTIFACTS.find(a => a.targetName === 'labels')!.packageId
const rerun = (spec: string) => `error: test failed, to rerun pass \`${spec}\``

describe('resolveTests on a captured run', () => {
  it('counts each binary as libtest and cargo reported it, and names every failure', () => {
    expect(CLEAN.binaries).toEqual([
      {
        crate: 'fx-mix-app',
        target: 'lib',
        passed: 1,
        failed: 1,
        ignored: 1,
        finished: true,
        seconds: 0.003
      },
      {
        crate: 'fx-mix-app',
        target: 'test:labels',
        passed: 1,
        failed: 1,
        ignored: 0,
        finished: true,
        seconds: 0.003
      },
      {
        crate: 'fx-mix-lib',
        target: 'lib',
        passed: 2,
        failed: 1,
        ignored: 1,
        finished: true,
        seconds: 0.003
      },
      { crate: 'fx-mix-app', target: 'doc', passed: 0, failed: 0, ignored: 0, finished: true, seconds: 0 },
      expect.objectContaining({ crate: 'fx-mix-lib', target: 'doc', passed: 1, failed: 1, finished: true })
    ])
    expect([CLEAN.ran, CLEAN.passed, CLEAN.failed, CLEAN.ignored, CLEAN.untrusted]).toEqual([
      true,
      5,
      4,
      2,
      []
    ])
    expect(CLEAN.failures.map(f => [f.crate, f.target, f.name])).toEqual([
      ['fx-mix-app', 'lib', 'tests::custom_panic_fails'],
      ['fx-mix-app', 'test:labels', 'integration_fails'],
      ['fx-mix-lib', 'lib', 'tests::double_fails_assert_eq'],
      ['fx-mix-lib', 'doc', 'crates/fx-mix-lib/src/lib.rs - halve (line 14)']
    ])
    expect(CLEAN.failures[0]).toEqual(
      expect.objectContaining({
        message: 'config file missing: app.toml',
        output: expect.stringContaining('panicked at crates/fx-mix-app/src/lib.rs:14:9:')
      })
    )
  })

  it('finds the binary by its file name, wherever cargo printed its directory', () => {
    const relative = STDERR.map(l => l.replace('/tmp/build-gate-capture/', ''))
    expect(resolve({ stderr: relative })).toEqual(CLEAN)
  })

  it('matches cargo’s failing target when it names the version, and however it spaces it', () => {
    const stderr = STDERR.map(l =>
      l
        .replace('`-p fx-mix-app --lib`', '`-p fx-mix-app@0.1.0  --lib`')
        .replace('`-p fx-mix-lib --lib`', '`-p fx-mix-lib@0.1.0 --lib`')
    )
    expect(resolve({ stderr })).toEqual(CLEAN)
  })
})

describe('where libtest and cargo disagree', () => {
  it('counts a binary cargo says failed although every test passed', () => {
    const stderr = STDERR.flatMap(l =>
      l.includes('Doc-tests fx_mix_app')
        ? [l, rerun('-p fx-mix-app --doc').replace('test failed', 'doctest failed')]
        : [l]
    )
    const r = resolve({ stderr })
    expect([r.failed, r.untrusted]).toEqual([CLEAN.failed + 1, []])
    expect(r.binaries[3]).toEqual(expect.objectContaining({ target: 'doc', failed: 1, finished: true }))
    expect(r.failures).toContainEqual({
      crate: 'fx-mix-app',
      target: 'doc',
      name: '(test binary)',
      message: 'cargo reports the test binary failed although every test passed (it exited with a failure)'
    })
  })

  it('does not trust libtest failures cargo says passed', () => {
    const r = resolve({ stderr: STDERR.filter(l => !l.includes('`-p fx-mix-app --test labels`')) })
    expect(r.untrusted).toEqual([
      'fx-mix-app test:labels: libtest reported 1 failure(s) but cargo says the binary passed'
    ])
    expect(r.failed).toBe(CLEAN.failed)
  })

  it('cannot ask cargo about a binary it cannot identify, and says which it was', () => {
    const r = resolve({ artifacts: ARTIFACTS.filter(a => a.targetName !== 'labels') })
    expect(r.binaries[1]).toEqual(
      expect.objectContaining({ crate: '(unknown)', target: 'tests/labels.rs', failed: 1 })
    )
    expect(r.untrusted).toEqual([])
    // Nor about a binary of a package outside the workspace.
    const foreign = ARTIFACTS.map(a => (a.targetName === 'labels' ? { ...a, packageId: 'elsewhere' } : a))
    expect(resolve({ artifacts: foreign }).binaries[1].crate).toBe('(unknown)')
  })

  it('does not trust a suite whose bookkeeping does not add up, naming the binary', () => {
    const s = suites()
    s[2] = s[2].map(l => l.replace('"test_count": 4', '"test_count": 5'))
    const r = resolve({ suites: s.flat() })
    expect(r.untrusted).toEqual([
      "fx-mix-lib lib: libtest's output cannot be trusted (the suite announced 5 tests and reported 4)"
    ])
  })
})

describe('a binary that printed no result, or too many', () => {
  it('fails a binary that printed no libtest output at all', () => {
    const r = resolve({ suites: suites().slice(0, 4).flat() })
    expect(r.binaries[4]).toEqual({
      crate: 'fx-mix-lib',
      target: 'doc',
      passed: 0,
      failed: 1,
      ignored: 0,
      finished: false,
      seconds: null
    })
    expect(r.failures.at(-1)).toEqual({
      crate: 'fx-mix-lib',
      target: 'doc',
      name: '(test binary)',
      message: 'the test binary produced no libtest output'
    })
  })

  it('fails a binary that stopped mid-suite, naming the test it was running and why it stopped', () => {
    const s = suites()
    s[1] = s[1].filter(l => !l.includes('"event": "ok"') && !l.includes('"type": "suite", "event": "failed"'))
    const cut = s.slice(0, 2).flat()
    const r = resolve({
      suites: cut,
      stderr: STDERR.slice(
        0,
        STDERR.findIndex(l => l.includes('fx_mix_lib-'))
      )
    })
    expect(r.binaries[1]).toEqual({
      crate: 'fx-mix-app',
      target: 'test:labels',
      passed: 0,
      failed: 2,
      ignored: 0,
      finished: false,
      seconds: null
    })
    expect(r.failures.at(-1)).toEqual({
      crate: 'fx-mix-app',
      target: 'test:labels',
      name: 'integration_passes',
      message:
        'the test binary stopped before reporting its result (crashed or killed) while running integration_passes'
    })
    const killed = resolve({ suites: cut, stderr: STDERR.slice(0, 6), killed: 'test-timeout of 1 min' })
    expect(killed.failures.at(-1)?.message).toBe(
      'the test run was stopped: test-timeout of 1 min while running integration_passes'
    )
  })

  it('names the test started last when several were running', () => {
    const cut = suites()[0].slice(0, 5)
    expect(cut.at(-1)).toContain('"started", "name": "tests::label_passes"')
    const r = resolve({ suites: cut, stderr: STDERR.slice(0, 4) })
    expect(r.failures.map(f => f.name)).toEqual(['tests::label_passes'])
    expect(r.binaries[0]).toEqual(
      expect.objectContaining({ passed: 0, failed: 1, ignored: 1, finished: false })
    )
  })

  it('names a test still running, not the last one that finished', () => {
    const cut = suites()[0].slice(0, 6)
    expect(cut.at(-1)).toContain('"name": "tests::label_passes", "event": "ok"')
    const r = resolve({ suites: cut, stderr: STDERR.slice(0, 4) })
    expect(r.failures.map(f => f.name)).toEqual(['tests::custom_panic_fails'])
  })

  it('gives no panic message for a failed test that printed nothing', () => {
    const s = suites()
    s[0] = s[0].map(l =>
      l.includes('"event": "failed", "exec_time"') ? l.replace(/, "stdout": .*/, ' }') : l
    )
    const r = resolve({ suites: s.flat() })
    expect(r.failures[0]).toEqual({
      crate: 'fx-mix-app',
      target: 'lib',
      name: 'tests::custom_panic_fails',
      message: null,
      output: null
    })
  })

  it('names the binary when it stopped between tests', () => {
    const first = suites()[0].slice(0, 1)
    const r = resolve({ suites: first, stderr: STDERR.slice(0, 4) })
    expect(r.failures).toEqual([
      {
        crate: 'fx-mix-app',
        target: 'lib',
        name: '(test binary)',
        message: 'the test binary stopped before reporting its result (crashed or killed)'
      }
    ])
    expect([r.failed, r.passed]).toEqual([1, 0])
  })

  it('does not trust more suites than binaries, or libtest events outside any suite', () => {
    const extra = resolve({ suites: [...SUITE_LINES, ...suites()[3]] })
    expect(extra.untrusted).toEqual([
      'libtest printed 1 more suite(s) than cargo ran test binaries: a test printed libtest events of its own'
    ])
    expect([extra.passed, extra.failed]).toEqual([CLEAN.passed, CLEAN.failed])
    const stray = '{ "type": "test", "name": "x", "event": "ok" }'
    const orphan = resolve({ suites: [...SUITE_LINES, stray, stray] })
    expect(orphan.untrusted).toEqual([
      `2 libtest event(s) outside any test binary's suite (first: ${stray}): a test printed libtest events of its own`
    ])
  })
})

describe('harness = false binaries', () => {
  // The labels test without libtest: its binary prints no suite, and its exit status is the result.
  const noLabels = suites()
    .filter((_, i) => i !== 1)
    .flat()
  const harnessFree = [`${LABELS_ID}\u0000labels`]

  it('counts one failed test when cargo says it failed', () => {
    const r = resolve({ suites: noLabels, harnessFree })
    expect(r.binaries[1]).toEqual({
      crate: 'fx-mix-app',
      target: 'test:labels',
      passed: 0,
      failed: 1,
      ignored: 0,
      finished: true,
      seconds: null,
      harness: false
    })
    expect(r.failures).toContainEqual({
      crate: 'fx-mix-app',
      target: 'test:labels',
      name: '(test binary)',
      message: 'the harness = false test binary exited with a failure'
    })
    // The suites after it still pair with their own binaries.
    expect(r.binaries.slice(2)).toEqual(CLEAN.binaries.slice(2))
    expect(r.untrusted).toEqual([])
  })

  it('counts one passed test when cargo does not', () => {
    const r = resolve({
      suites: noLabels,
      harnessFree,
      stderr: STDERR.filter(l => !l.includes('--test labels'))
    })
    expect(r.binaries[1]).toEqual(expect.objectContaining({ passed: 1, failed: 0, harness: false }))
    expect(r.failures.filter(f => f.target === 'test:labels')).toEqual([])
    expect(r.passed).toBe(CLEAN.passed)
  })
})

describe('which crate a binary belongs to', () => {
  const retarget = (kind: string) => {
    const meta = structuredClone(META)
    for (const p of meta.packages) for (const t of p.targets) if (t.name === 'fx_mix_lib') t.kind = [kind]
    const artifacts = ARTIFACTS.map(a => (a.targetName === 'fx_mix_lib' ? { ...a, targetKind: [kind] } : a))
    return resolve({ meta, artifacts })
  }

  it.each(['lib', 'rlib', 'cdylib', 'proc-macro'])(
    'a %s target is the crate’s lib and has doc tests',
    kind => {
      const r = retarget(kind)
      expect(r.binaries.map(b => `${b.crate}:${b.target}`)).toEqual(
        CLEAN.binaries.map(b => `${b.crate}:${b.target}`)
      )
      expect(r.untrusted).toEqual([])
    }
  )

  it('another kind of target is named by its kind and name', () => {
    const r = retarget('bench')
    expect(r.binaries[2].target).toBe('bench:fx_mix_lib')
    // Its doc tests have no owner in the workspace: named as rustdoc names them, not matched to cargo.
    expect(r.binaries[4].crate).toBe('fx_mix_lib')
  })

  it('a target without a kind is taken for a lib', () => {
    const artifacts = ARTIFACTS.map(a => (a.targetName === 'fx_mix_lib' ? { ...a, targetKind: [] } : a))
    expect(resolve({ artifacts })).toEqual(CLEAN)
  })
})
