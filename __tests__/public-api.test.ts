// The public-API check on real git repositories and real rustdoc JSON. The oracle for "breaking" is
// rustc: a client crate using the base API is compiled against each head (see support/public-api-repo).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { checkPublicApi, realPorts, type PublicApiInputs } from '../src/capabilities/public-api/check.js'
import { apiFindings } from '../src/capabilities/public-api/findings.js'
import {
  publicApiAnnotations,
  publicApiMarkdown,
  publicApiOutputs,
  publicApiText
} from '../src/capabilities/public-api/render.js'
import type { PublicApiSection } from '../src/capabilities/public-api/section.js'
import {
  API_FIXTURES,
  clientErrors,
  fixtureRepo,
  git,
  members,
  setVersion
} from './support/public-api-repo.js'

// One target directory for every run of this file: rustdoc and the client reuse what was built.
const target = mkdtempSync(path.join(tmpdir(), 'gate-api-target-'))
const repos: string[] = []
afterAll(() => {
  for (const dir of [target, ...repos]) rmSync(dir, { recursive: true, force: true })
})

function repo(head: string, edit?: (dir: string) => void): string {
  const dir = fixtureRepo(head, edit)
  repos.push(dir)
  return dir
}

function inputs(dir: string, over: Partial<PublicApiInputs> = {}): PublicApiInputs {
  return {
    policy: 'deny',
    base: '',
    crates: [],
    workspaceRoot: dir,
    targetDir: target,
    toolchain: null,
    checkArgs: ['--workspace', '--all-features'],
    members: members(dir),
    env: {},
    ...over
  }
}

/** Every breaking change of head-breaking, and the client functions rustc rejects because of it. */
const EXPECTED: [path: string, rule: string, uses: string[]][] = [
  ['shapes::GONE_CONST', 'removed', ['use_gone_const']],
  ['shapes::GONE_STATIC', 'removed', ['use_gone_static']],
  ['shapes::GoneAlias', 'removed', ['use_gone_alias']],
  ['shapes::GoneEnum', 'removed', ['use_gone_enum']],
  ['shapes::GoneStruct', 'removed', ['use_gone_struct']],
  ['shapes::GoneTrait', 'removed', ['use_gone_trait']],
  ['shapes::Plugin::version', 'required-trait-item-added', ['MyPlugin']],
  ['shapes::Widget::stop', 'removed', ['use_widget_stop']],
  ['shapes::geometry::Color::Blue', 'variant-removed', ['use_color_blue']],
  ['shapes::geometry::Config', 'non-exhaustive-added', ['use_config_literal']],
  ['shapes::geometry::Mode', 'non-exhaustive-added', ['use_mode_match']],
  ['shapes::geometry::Point::y', 'field-removed', ['use_point_y', 'use_point_literal']],
  ['shapes::geometry::Shape::Triangle', 'variant-added', ['use_shape_match']],
  ['shapes::geometry::Size::d', 'field-added', ['use_size_literal']],
  ['shapes::geometry::area', 'params-changed', ['use_area']],
  ['shapes::geometry::perimeter', 'became-unsafe', ['use_perimeter']],
  ['shapes::gone', 'removed', ['use_gone']],
  ['shapes::old_module', 'removed', ['use_old_module']]
]

function breakList(section: PublicApiSection): string[] {
  return section.crates
    .flatMap(c => c.changes.filter(x => x.class === 'breaking').map(x => `${c.name} ${x.path} ${x.rule}`))
    .sort()
}

function worktrees(dir: string): number {
  return git(dir, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter(l => l.startsWith('worktree ')).length
}

describe('public API against the base revision', () => {
  let breaking: string
  let section: PublicApiSection
  beforeAll(async () => {
    breaking = repo('head-breaking')
    section = await checkPublicApi(inputs(breaking))
  })

  it('finds exactly the breaking changes, each one a use rustc rejects', () => {
    expect(section.status).toBe('checked')
    expect(breakList(section)).toEqual(EXPECTED.map(([p, rule]) => `shapes ${p} ${rule}`).sort())
    expect(clientErrors(breaking, target)).toEqual(new Set(EXPECTED.flatMap(([, , uses]) => uses)))
  })

  it('points at the item: head lines, base lines for what was removed', () => {
    const shapes = section.crates.find(c => c.name === 'shapes')!
    const lineOf = (p: string) => shapes.changes.find(x => x.path === p)!
    const headSource = readFileSync(path.join(breaking, 'crates/shapes/src/lib.rs'), 'utf8').split('\n')
    const baseSource = git(breaking, 'show', 'HEAD^:crates/shapes/src/lib.rs').split('\n')
    const area = lineOf('shapes::geometry::area')
    expect(area).toMatchObject({ side: 'head', file: 'crates/shapes/src/lib.rs' })
    expect(headSource[area.line! - 1]).toContain('pub fn area(w: u32, h: u32, scale: u32)')
    const gone = lineOf('shapes::GoneStruct')
    expect(gone.side).toBe('base')
    expect(baseSource[gone.line! - 1]).toBe('pub struct GoneStruct;')
  })

  it('skips publish = false crates, binaries, and crates the change did not touch', () => {
    expect(section.skipped).toEqual(['internal'])
    expect(section.crates.map(c => [c.name, c.status])).toEqual([
      ['shapes', 'compared'],
      ['untouched', 'unchanged']
    ])
    expect(worktrees(breaking)).toBe(1)
  })

  it('deny blocks, warn warns, and every finding names the crate, item and line', () => {
    const denied = apiFindings(section).filter(f => f.code === 'api-breaking')
    expect(denied).toHaveLength(EXPECTED.length)
    expect(new Set(denied.map(f => f.severity))).toEqual(new Set(['block']))
    const warned = apiFindings({ ...section, policy: 'warn' }).filter(f => f.code === 'api-breaking')
    expect(new Set(warned.map(f => f.severity))).toEqual(new Set(['warn']))
    const area = denied.find(f => f.message.includes('`shapes::geometry::area`'))!
    expect(area.message).toBe(
      'shapes: `shapes::geometry::area` (function): takes 3 parameter(s), took 2; breaks code like `geometry::area(…)` called with 2 argument(s); a breaking change needs a new version (0.4.0), the version is 0.3.1'
    )
    expect(area.location).toEqual({ file: 'crates/shapes/src/lib.rs', line: 3 })
    const removed = denied.find(f => f.message.includes('`shapes::gone`'))!
    expect(removed.message).toContain('(it was at crates/shapes/src/lib.rs:16 in the base ')
  })

  it('renders a Public API section with links, terminal lines, annotations and outputs', () => {
    const linked: PublicApiSection = {
      ...section,
      blob: {
        head: 'https://github.example/o/r/blob/HEADSHA',
        base: 'https://github.example/o/r/blob/BASESHA'
      }
    }
    const md = publicApiMarkdown(linked, apiFindings(linked))!
    expect(md).toContain('### Public API')
    expect(md).toContain(`${EXPECTED.length} breaking change(s)`)
    expect(md).toContain(
      '| shapes | `shapes::geometry::area` (function) | takes 3 parameter(s), took 2 | `geometry::area(…)` called with 2 argument(s) | [crates/shapes/src/lib.rs:3](https://github.example/o/r/blob/HEADSHA/crates/shapes/src/lib.rs#L3) |'
    )
    expect(md).toContain('(https://github.example/o/r/blob/BASESHA/crates/shapes/src/lib.rs#L16)')
    expect(publicApiText(section)!.split('\n')).toHaveLength(1 + EXPECTED.length)
    const notes = publicApiAnnotations(apiFindings(section))
    expect(notes).toHaveLength(EXPECTED.length)
    expect(notes[0]).toMatchObject({ level: 'error', title: 'Breaking API change in shapes' })
    const out = publicApiOutputs(section)
    expect(out['api-breaking']).toBe(String(EXPECTED.length))
    const changes = JSON.parse(out['api-changes']) as { crate: string; class: string; path: string }[]
    expect(changes.filter(c => c.class === 'breaking')).toHaveLength(EXPECTED.length)
  })
})

describe('the base cache', () => {
  it('a second run against the same base reads the base surfaces from the target directory', async () => {
    const dir = repo('head-breaking')
    const commands: string[][] = []
    const ports = {
      ...realPorts,
      exec: (program: string, args: string[], options: Parameters<typeof realPorts.exec>[2]) => {
        commands.push([program, ...args])
        return realPorts.exec(program, args, options)
      }
    }
    const cached = inputs(dir, { rustcRelease: '1.95.0' })
    const first = await checkPublicApi(cached, ports)
    const worktreesMade = () => commands.filter(c => c[1] === 'worktree' && c[2] === 'add').length
    expect(worktreesMade()).toBe(1)
    const second = await checkPublicApi(cached, ports)
    expect(worktreesMade()).toBe(1)
    expect(breakList(second)).toEqual(breakList(first))
    expect(breakList(second)).toHaveLength(EXPECTED.length)
    // Another toolchain is another key: the base is documented again.
    await checkPublicApi({ ...cached, rustcRelease: '1.96.0' }, ports)
    expect(worktreesMade()).toBe(2)
  })
})

describe('changes that break nobody', () => {
  it('reports no break for additions, moved re-exported items, #[non_exhaustive] variants, defaults, hidden items made public and private changes', async () => {
    const dir = repo('head-compatible')
    const section = await checkPublicApi(inputs(dir))
    expect(breakList(section)).toEqual([])
    expect(clientErrors(dir, target)).toEqual(new Set())
    const shapes = section.crates.find(c => c.name === 'shapes')!
    expect(shapes.changes.map(x => `${x.class} ${x.path}`).sort()).toEqual([
      'addition shapes::AddedStruct',
      'addition shapes::Plugin::version',
      'addition shapes::Sealed::b',
      'addition shapes::Widget::reset',
      'addition shapes::added',
      'addition shapes::geometry::Event::Renamed'
    ])
    // A member added changes the workspace's membership and adds its own lock entry: the crates built
    // from neither are not documented, and the new one has nothing to break.
    expect(section.crates.map(c => [c.name, c.status])).toEqual([
      ['extras', 'new'],
      ['shapes', 'compared'],
      ['untouched', 'unchanged']
    ])
    expect(apiFindings(section).filter(f => f.severity === 'block')).toEqual([])
  })
})

describe('a crate’s own lint levels', () => {
  it('a rustdoc lint denied by the crate, on a private item, does not stop its document', async () => {
    const dir = repo('head-compatible', d => {
      const lib = path.join(d, 'crates/shapes/src/lib.rs')
      const text = readFileSync(lib, 'utf8')
      writeFileSync(
        lib,
        `#![deny(warnings, rustdoc::broken_intra_doc_links)]\n${text}\n/// See [not_an_item].\n#[allow(dead_code)]\nfn private_linked() {}\n`
      )
    })
    // The oracle: rustdoc itself refuses that crate once private items are documented.
    const own = spawnSync('cargo', ['doc', '--no-deps', '--lib', '-p', 'shapes', '--offline'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        RUSTDOCFLAGS: '--document-private-items',
        CARGO_TARGET_DIR: path.join(target, 'own-doc')
      }
    })
    expect(own.status).not.toBe(0)
    expect(own.stderr).toMatch(/unresolved link to `not_an_item`/)
    const section = await checkPublicApi(inputs(dir))
    expect(section.crates.find(c => c.name === 'shapes')!.status).toBe('compared')
    expect(breakList(section)).toEqual([])
  })
})

describe('semver', () => {
  it('a new minor version of a 0.x crate allows its breaks; listed publish = false crates are compared', async () => {
    const dir = repo('head-breaking', d => setVersion(d, 'shapes', '0.4.0'))
    const section = await checkPublicApi(inputs(dir, { crates: ['internal', 'nonesuch'] }))
    const shapes = section.crates.find(c => c.name === 'shapes')!
    expect(shapes).toMatchObject({ baseVersion: '0.3.1', headVersion: '0.4.0', bumpAllowsBreaks: true })
    const findings = apiFindings(section)
    const allowed = findings.filter(f => f.severity === 'allowed')
    expect(allowed).toHaveLength(EXPECTED.length)
    expect(allowed[0].message).toMatch(/; allowed by the version bump 0\.3\.1 → 0\.4\.0$/)
    // internal is still 0.1.0: its removed function blocks.
    expect(findings.filter(f => f.severity === 'block').map(f => f.message)).toEqual([
      expect.stringMatching(/^internal: `internal::tool` \(function\): function no longer reachable/)
    ])
    expect(findings.find(f => f.code === 'api-crates-unmatched')?.message).toContain('nonesuch')
    expect(publicApiOutputs(section)['api-breaking']).toBe('1')
  })
})

describe('unknown, never a pass and never a crash', () => {
  it('a base the clone does not have (shallow clone) says to fetch it', async () => {
    const full = repo('head-breaking')
    const shallow = mkdtempSync(path.join(tmpdir(), 'gate-api-shallow-'))
    repos.push(shallow)
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${full}`, shallow])
    const section = await checkPublicApi(inputs(shallow))
    expect(section.status).toBe('unknown')
    expect(section.reason).toContain("HEAD^ (the head's parent) is not in this clone (it is a shallow clone)")
    expect(section.reason).toContain('fetch-depth: 0')
    expect(apiFindings(section).map(f => [f.code, f.severity])).toEqual([['api-unknown', 'block']])
    expect(apiFindings({ ...section, policy: 'warn' }).map(f => f.severity)).toEqual(['warn'])
    expect(publicApiOutputs(section)['api-breaking']).toBe('')
  })

  it('a directory outside git says why there is nothing to compare with', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'gate-api-nogit-'))
    repos.push(plain)
    cpSync(path.join(API_FIXTURES, 'base'), plain, { recursive: true })
    const section = await checkPublicApi(inputs(plain, { base: 'main' }))
    expect(section.status).toBe('unknown')
    expect(section.reason).toMatch(/is not inside a git repository/)
  })

  it('a head rustdoc cannot document is unknown, in cargo words, and costs no base documentation', async () => {
    const dir = repo('head-breaking', d =>
      appendFileSync(path.join(d, 'crates/shapes/src/lib.rs'), 'pub fn broken( {}\n')
    )
    const commands: string[] = []
    const section = await checkPublicApi(inputs(dir), {
      ...realPorts,
      exec: (program, args, options) => {
        commands.push(`${program} ${args[0]}`)
        return realPorts.exec(program, args, options)
      }
    })
    const shapes = section.crates.find(c => c.name === 'shapes')!
    expect(shapes.status).toBe('unknown')
    expect(shapes.reason).toMatch(/^rustdoc wrote no JSON for shapes \(head\): error/)
    // The base worktree was checked out meanwhile (it overlaps the head's rustdoc), never documented.
    expect(commands.filter(c => c === 'cargo doc')).toHaveLength(1)
    expect(worktrees(dir)).toBe(1)
    expect(apiFindings(section).map(f => [f.code, f.severity])).toEqual([['api-unknown', 'block']])
  })

  it('an unsupported rustdoc format_version is unknown, and the base worktree is removed', async () => {
    const dir = repo('head-breaking')
    const captured = path.join(API_FIXTURES, 'rustdoc-format-99.json')
    // What another toolchain would have written: the head's document is replaced after cargo ran.
    const section = await checkPublicApi(inputs(dir), {
      ...realPorts,
      exec: async (program, args, options) => {
        const r = await realPorts.exec(program, args, options)
        if (program === 'cargo' && args.includes('doc') && options.cwd === dir)
          copyFileSync(captured, path.join(options.env!.CARGO_TARGET_DIR!, 'doc', 'shapes.json'))
        return r
      }
    })
    const shapes = section.crates.find(c => c.name === 'shapes')!
    expect(shapes.status).toBe('unknown')
    expect(shapes.reason).toBe(
      'shapes (head): rustdoc JSON format_version 99 is not supported (supported: 56, 57). Use a toolchain that produces a supported version (stable 1.95 does), or set `toolchain`.'
    )
    expect(apiFindings(section).map(f => [f.code, f.severity, f.crate])).toEqual([
      ['api-unknown', 'block', 'shapes']
    ])
    expect(worktrees(dir)).toBe(1)
  })
})
