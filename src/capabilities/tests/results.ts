// Pairs libtest suites with the binaries cargo announced, attributes each to a workspace crate, and
// cross-checks every binary against cargo's own verdict on it (the `to rerun pass …` lines).
import * as path from 'node:path'
import { panicMessage, suiteInconsistency, type BinaryIdentity, type Suite } from '../../cargo/libtest.js'
import type { ArtifactInfo } from '../../cargo/messages.js'
import type { CargoMetadata } from '../../cargo/metadata.js'
import { workspaceMembers } from '../../cargo/metadata.js'
import type { TestsSection } from './section.js'
import { outputTail } from './output-tail.js'

export interface TestRunRead {
  suites: Suite[]
  /** libtest-like events outside any suite. */
  orphans: string[]
  identities: BinaryIdentity[]
  /** cargo's `-p <package> --<kind> [name]` of each target it said failed. */
  failedTargets: string[]
  artifacts: ArtifactInfo[]
  /** `${packageId}\u0000${targetName}` of the `harness = false` targets. */
  harnessFree: ReadonlySet<string>
  /** Why the test run was killed (timeout, signal), when it was. */
  killed?: string | null
}

interface Binary {
  crate: string
  target: string
  /** How cargo names it in `to rerun pass …`; null when the binary could not be identified. */
  spec: string | null
  harnessFree: boolean
}

export function resolveTests(read: TestRunRead, meta: CargoMetadata): TestsSection {
  const section: TestsSection = {
    ran: true,
    passed: 0,
    failed: 0,
    ignored: 0,
    failures: [],
    binaries: [],
    untrusted: []
  }
  const failedSpecs = new Set(read.failedTargets.map(normalizeSpec))
  const binaries = read.identities.map(id => identify(id, read, meta))
  let next = 0
  for (const bin of binaries) {
    const cargoSaysFailed = bin.spec !== null && failedSpecs.has(bin.spec)
    if (bin.harnessFree) {
      // No libtest inside: the binary's exit status, as cargo reports it, is the whole result.
      addBinary(
        section,
        bin,
        { passed: cargoSaysFailed ? 0 : 1, failed: cargoSaysFailed ? 1 : 0, ignored: 0 },
        true,
        null
      )
      if (cargoSaysFailed)
        section.failures.push({
          ...where(bin),
          name: '(test binary)',
          message: 'the harness = false test binary exited with a failure'
        })
      continue
    }
    judgeSuite(section, bin, read.suites[next++] ?? null, cargoSaysFailed, read.killed ?? null)
  }
  const extra = read.suites.length - next
  if (extra > 0)
    section.untrusted!.push(
      `libtest printed ${extra} more suite(s) than cargo ran test binaries: a test printed libtest events of its own`
    )
  if (read.orphans.length > 0)
    section.untrusted!.push(
      `${read.orphans.length} libtest event(s) outside any test binary's suite (first: ${read.orphans[0]}): a test printed libtest events of its own`
    )
  return section
}

function judgeSuite(
  section: TestsSection,
  bin: Binary,
  suite: Suite | null,
  cargoSaysFailed: boolean,
  killed: string | null
): void {
  if (!suite) {
    addBinary(section, bin, { passed: 0, failed: 1, ignored: 0 }, false, null)
    section.failures.push({
      ...where(bin),
      name: '(test binary)',
      message: 'the test binary produced no libtest output'
    })
    return
  }
  const count = (o: string) => suite.tests.filter(t => t.outcome === o).length
  const tally = { passed: count('ok'), failed: count('failed'), ignored: count('ignored') }
  for (const t of suite.tests)
    if (t.outcome === 'failed')
      section.failures.push({
        ...where(bin),
        name: t.name,
        message: panicMessage((t.stdout ?? '').split('\n')),
        // The panic location (annotations, summary links) is read from it.
        output: t.stdout ? outputTail(t.stdout) : null
      })
  if (!suite.summary) {
    // Crashed or killed mid-run: the test that was running when it stopped is the one to look at.
    const running = [...suite.tests].reverse().find(t => t.outcome === null)
    tally.failed++
    section.failures.push({
      ...where(bin),
      name: running?.name ?? '(test binary)',
      message: `${killed ? `the test run was stopped: ${killed}` : 'the test binary stopped before reporting its result (crashed or killed)'}${running ? ` while running ${running.name}` : ''}`
    })
    addBinary(section, bin, tally, false, null)
    return
  }
  const odd = suiteInconsistency(suite)
  if (odd) section.untrusted!.push(`${bin.crate} ${bin.target}: libtest's output cannot be trusted (${odd})`)
  else if (bin.spec !== null && cargoSaysFailed !== tally.failed > 0) {
    if (cargoSaysFailed) {
      // libtest said all passed, yet the binary failed (e.g. it exited non-zero after the tests).
      tally.failed++
      section.failures.push({
        ...where(bin),
        name: '(test binary)',
        message: 'cargo reports the test binary failed although every test passed (it exited with a failure)'
      })
    } else
      section.untrusted!.push(
        `${bin.crate} ${bin.target}: libtest reported ${tally.failed} failure(s) but cargo says the binary passed`
      )
  }
  addBinary(section, bin, tally, true, suite.summary.seconds)
}

function addBinary(
  section: TestsSection,
  bin: Binary,
  tally: { passed: number; failed: number; ignored: number },
  finished: boolean,
  seconds: number | null
): void {
  section.binaries.push({
    ...where(bin),
    ...tally,
    finished,
    seconds,
    ...(bin.harnessFree ? { harness: false } : {})
  })
  section.passed += tally.passed
  section.failed += tally.failed
  section.ignored += tally.ignored
}

function where(bin: Binary): { crate: string; target: string } {
  return { crate: bin.crate, target: bin.target }
}

/** cargo writes `-p name@1.0.0` when a name is ambiguous; the version is not needed to match. */
function normalizeSpec(spec: string): string {
  return spec.replace(/^-p (\S+?)(?:@\S+)? /, '-p $1 ').replace(/\s+/g, ' ')
}

function identify(id: BinaryIdentity, read: TestRunRead, meta: CargoMetadata): Binary {
  const members = workspaceMembers(meta)
  if (id.kind === 'doc') {
    const owner = members.find(m =>
      m.targets.some(
        t => t.name === id.crateName && t.kind.some(k => k.endsWith('lib') || k === 'proc-macro')
      )
    )
    const crate = owner?.name ?? id.crateName
    return { crate, target: 'doc', spec: owner ? `-p ${crate} --doc` : null, harnessFree: false }
  }
  const artifact = read.artifacts.find(
    a => a.executable && path.basename(a.executable) === path.basename(id.executable)
  )
  const member = artifact && members.find(m => m.id === artifact.packageId)
  if (!artifact || !member) return { crate: '(unknown)', target: id.source, spec: null, harnessFree: false }
  const kind = artifact.targetKind[0] ?? 'lib'
  const isLib = kind.endsWith('lib') || kind === 'proc-macro'
  return {
    crate: member.name,
    target: isLib ? 'lib' : `${kind}:${artifact.targetName}`,
    spec: isLib ? `-p ${member.name} --lib` : `-p ${member.name} --${kind} ${artifact.targetName}`,
    harnessFree: read.harnessFree.has(`${artifact.packageId}\u0000${artifact.targetName}`)
  }
}
