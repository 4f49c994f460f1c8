// Pairs libtest blocks with the binaries cargo announced, and attributes each to a workspace crate.
import * as path from 'node:path'
import { panicMessage, type BinaryIdentity, type TestBlock } from '../cargo/libtest.js'
import type { ArtifactInfo } from '../cargo/messages.js'
import type { CargoMetadata } from '../cargo/metadata.js'
import { workspaceMembers } from '../cargo/metadata.js'
import type { TestsSection } from '../report/schema.js'

export function resolveTests(
  blocks: TestBlock[],
  identities: BinaryIdentity[],
  artifacts: ArtifactInfo[],
  meta: CargoMetadata
): TestsSection {
  const members = workspaceMembers(meta)
  const byExecutable = new Map<string, ArtifactInfo>()
  for (const a of artifacts) if (a.executable) byExecutable.set(path.basename(a.executable), a)
  const memberById = new Map(members.map(m => [m.id, m.name]))
  const libOwner = new Map<string, string>()
  for (const m of members)
    for (const t of m.targets)
      if (t.kind.some(k => k.endsWith('lib') || k === 'proc-macro')) libOwner.set(t.name, m.name)

  const section: TestsSection = { ran: true, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [] }
  const count = Math.max(blocks.length, identities.length)
  for (let i = 0; i < count; i++) {
    const id = identities[i]
    const block = blocks[i]
    const { crate, target } = identify(id, byExecutable, memberById, libOwner)
    const finished = !!block?.summary
    const tally = block?.summary ?? {
      passed: block?.tests.filter(t => t.outcome === 'ok').length ?? 0,
      failed: block?.tests.filter(t => t.outcome === 'failed').length ?? 0,
      ignored: block?.tests.filter(t => t.outcome === 'ignored').length ?? 0
    }
    section.binaries.push({
      crate,
      target,
      passed: tally.passed,
      failed: tally.failed,
      ignored: tally.ignored,
      finished,
      seconds: block?.summary?.seconds ?? null
    })
    section.passed += tally.passed
    section.failed += tally.failed
    section.ignored += tally.ignored
    for (const t of block?.tests ?? [])
      if (t.outcome === 'failed')
        section.failures.push({
          crate,
          target,
          name: t.name,
          message: panicMessage(block!.output.get(t.name) ?? []),
          output: block!.output.get(t.name)?.join('\n') || null
        })
    if (!finished) {
      // A binary that never printed its `test result:` line crashed or was killed: a failure.
      section.failed++
      section.failures.push({
        crate,
        target,
        name: '(test binary)',
        message: block
          ? 'the test binary stopped before reporting its result (crashed or killed)'
          : 'the test binary produced no libtest output'
      })
    }
  }
  return section
}

function identify(
  id: BinaryIdentity | undefined,
  byExecutable: Map<string, ArtifactInfo>,
  memberById: Map<string, string>,
  libOwner: Map<string, string>
): { crate: string; target: string } {
  if (!id) return { crate: '(unknown)', target: '(unknown)' }
  if (id.kind === 'doc') return { crate: libOwner.get(id.crateName) ?? id.crateName, target: 'doc' }
  const artifact = byExecutable.get(path.basename(id.executable))
  const crate = (artifact && memberById.get(artifact.packageId)) ?? '(unknown)'
  if (!artifact) return { crate, target: id.source }
  const kind = artifact.targetKind[0] ?? 'lib'
  const target = kind.endsWith('lib') || kind === 'proc-macro' ? 'lib' : `${kind}:${artifact.targetName}`
  return { crate, target }
}
