// What a member builds by itself, in cargo's own words. `cargo metadata` resolves the workspace as one:
// every member's features and every dev-dependency's are unified, so a library's optional proc-macro
// looks like its dependency as soon as any test suite asks for it. `cargo tree -p MEMBER` resolves the
// member alone (its default features), which is what its rust-version promises. Only members the
// resolved graph suspects are asked, so a workspace without MSRV trouble runs no extra cargo.
import * as path from 'node:path'
import { CARGO_OUTPUT_ENV } from '../../cargo/commands.js'
import {
  compareLoose,
  type DependencyChainLink,
  type DependencyGraph,
  type EdgeKind,
  type Reach
} from '../../cargo/graph.js'
import type { MetadataPackage } from '../../cargo/metadata.js'
import type { ProcessRunner } from '../../cargo/phase.js'
import { msrvSuspects, type MemberDeps } from './rust-version.js'

export interface TreePorts {
  run: ProcessRunner
  /** The workspace root. */
  cwd: string
  /** Added to cargo's environment (a target directory). */
  env?: Record<string, string | undefined>
  /** The target platform `cargo metadata` was filtered for (the host). */
  host: string | null
  /** `+toolchain`, as the build runs cargo. */
  toolchain: string | null
  timeoutSeconds?: number
}

/** `cargo tree` for each member the resolved graph suspects; a member cargo could not answer for is left out. */
export async function readMemberDeps(
  graph: DependencyGraph,
  includeDev: boolean,
  ports: TreePorts
): Promise<{ deps: MemberDeps; notes: string[] }> {
  const deps = new Map<string, Map<string, Reach>>()
  const notes: string[] = []
  for (const id of msrvSuspects(graph, { includeDev })) {
    const normal = await tree(graph, id, false, ports)
    const all = includeDev && normal.chains ? await tree(graph, id, true, ports) : normal
    if (!normal.chains || !all.chains) {
      notes.push(
        `cargo tree could not say what ${graph.packages.get(id)!.name} builds (${normal.problem ?? all.problem}); its rust-version is judged on the whole resolved graph`
      )
      continue
    }
    const reach = new Map<string, Reach>()
    for (const [pkg, chain] of normal.chains) reach.set(pkg, { chain, devOnly: false })
    for (const [pkg, chain] of all.chains) if (!reach.has(pkg)) reach.set(pkg, { chain, devOnly: true })
    deps.set(id, reach)
  }
  return { deps, notes }
}

export function treeArgs(
  graph: DependencyGraph,
  member: string,
  withDev: boolean,
  host: string | null
): string[] {
  const pkg = graph.packages.get(member)!
  // The package id is a spec cargo accepts (cargo ≥ 1.77); a name alone can be ambiguous (a path crate
  // and its registry copy).
  const spec = member.includes('#') ? member : `${pkg.name}@${pkg.version}`
  return [
    'tree',
    '-p',
    spec,
    '-e',
    withDev ? 'normal,build,dev' : 'normal,build',
    '--prefix',
    'depth',
    '--format',
    '{p}',
    '--color',
    'never',
    ...(host ? ['--target', host] : [])
  ]
}

async function tree(
  graph: DependencyGraph,
  member: string,
  withDev: boolean,
  ports: TreePorts
): Promise<{ chains: Map<string, DependencyChainLink[]> | null; problem: string | null }> {
  const args = treeArgs(graph, member, withDev, ports.host)
  const stdout: string[] = []
  const stderr: string[] = []
  const r = await ports.run('cargo', ports.toolchain ? [`+${ports.toolchain}`, ...args] : args, {
    cwd: ports.cwd,
    env: { ...CARGO_OUTPUT_ENV, ...ports.env },
    timeoutSeconds: ports.timeoutSeconds ?? 120,
    onStdoutLine: l => stdout.push(l),
    onStderrLine: l => stderr.push(l)
  })
  if (r.exitCode !== 0)
    return {
      chains: null,
      problem: r.spawnError ?? (stderr.find(l => l.startsWith('error')) || `exit ${r.exitCode ?? r.signal}`)
    }
  const chains = parseTree(stdout, graph, member, withDev)
  return chains ? { chains, problem: null } : { chains: null, problem: 'its output could not be read' }
}

/**
 * `cargo tree --prefix depth --format {p}` lines (`2syn v1.0.107`, `1serde v1.0.152 (/path)`) as the
 * shortest chain to each package; null when a line names no package of the graph, or the tree is
 * not the member's.
 */
export function parseTree(
  lines: string[],
  graph: DependencyGraph,
  member: string,
  withDev: boolean
): Map<string, DependencyChainLink[]> | null {
  const chains = new Map<string, DependencyChainLink[]>()
  const byName = new Map<string, MetadataPackage[]>()
  for (const p of graph.packages.values()) byName.set(p.name, [...(byName.get(p.name) ?? []), p])
  const stack: string[] = []
  for (const line of lines) {
    if (line.trim() === '') continue
    const m = /^(\d+)(\S+) v(\S+)(.*)$/.exec(line)
    if (!m) return null
    const depth = Number(m[1])
    const id = packageOf(byName.get(m[2]) ?? [], m[3], m[4])
    // One root, the member; it may come again deeper (a dev-dependency that depends on it).
    if (!id || depth > stack.length || (depth === 0 && (id !== member || chains.size > 0))) return null
    stack.length = depth
    stack.push(id)
    const known = chains.get(id)
    if (!known || known.length > stack.length) chains.set(id, links(graph, stack, withDev))
  }
  return chains.has(member) ? chains : null
}

/** The package a `{p}` line names: name, version, and for a path package its directory. */
function packageOf(named: MetadataPackage[], version: string, rest: string): string | null {
  const same = named.filter(p => p.version === version)
  const dir = /\((\/[^)]*|[A-Za-z]:\\[^)]*)\)/.exec(rest)?.[1]
  const pick = dir
    ? same.find(p => p.source === null && path.dirname(p.manifest_path) === dir)
    : same.filter(p => p.source !== null).sort((a, b) => compareLoose(a.id, b.id))[0]
  return pick?.id ?? null
}

const ORDER: EdgeKind[] = ['normal', 'build', 'dev']

function links(graph: DependencyGraph, ids: string[], withDev: boolean): DependencyChainLink[] {
  return ids.map((id, i) => {
    const pkg = graph.packages.get(id)!
    const next = ids[i + 1]
    const kinds = new Set((graph.edges.get(id) ?? []).filter(e => e.to === next).map(e => e.kind))
    // Only the member's own dev-dependencies are built, and only when asked for. Then a dev edge out of
    // the member comes first: the resolved graph may also have a normal edge that only another member's
    // features enable (serde's optional serde_derive), and what the dev tree adds arrives by the dev edge.
    const order: EdgeKind[] = withDev && i === 0 ? ['dev', 'normal', 'build'] : ORDER
    const usable = order.filter(k => kinds.has(k) && (k !== 'dev' || (withDev && i === 0)))
    return { name: pkg.name, version: pkg.version, kind: next ? (usable[0] ?? 'normal') : 'normal' }
  })
}
