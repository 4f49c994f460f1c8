// The cost of the fix search and verification on the bench workspace (16 generated crates) given two
// conflicts: base64ct 1.8.0 under a 1.80 MSRV (a lock fix) and a member asking base64 0.21 next to 0.22
// (a manifest fix). Prints, asserts nothing. Compared with one cold `cargo check` + test build of the
// same workspace: verification builds the workspace in the scratch copy once, then only what changed.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyzeConflicts } from '../src/capabilities/conflicts/analyze.js'
import { parseMetadata } from '../src/cargo/metadata.js'
import { runFixes } from '../src/capabilities/fixes/run.js'
import { crateName, generateWorkspace } from './generate-workspace.js'

const VENDOR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../__fixtures__/fixes/vendor')

function cargo(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): { seconds: number; stdout: string } {
  const start = process.hrtime.bigint()
  const r = spawnSync('cargo', args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28
  })
  if (r.status !== 0) throw new Error(`cargo ${args.join(' ')} failed:\n${r.stderr}`)
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout: r.stdout }
}

export async function fixesBench(work: string, crates = 16, size = 30): Promise<void> {
  const base = path.join(work, 'fixes')
  const dir = path.join(base, 'ws')
  mkdirSync(dir, { recursive: true })
  generateWorkspace({ dir, crates, size })
  cpSync(VENDOR, path.join(base, 'vendor'), { recursive: true })
  mkdirSync(path.join(dir, '.cargo'), { recursive: true })
  writeFileSync(
    path.join(dir, '.cargo/config.toml'),
    '[source.crates-io]\nreplace-with = "vendored"\n\n[source.vendored]\ndirectory = "../vendor"\n'
  )
  const root = path.join(dir, 'Cargo.toml')
  writeFileSync(
    root,
    readFileSync(root, 'utf8').replace(
      '[workspace.package]\n',
      '[workspace.package]\nrust-version = "1.80"\n'
    )
  )
  const addDeps = (i: number, lines: string) => {
    const file = path.join(dir, 'crates', crateName(i), 'Cargo.toml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('[dependencies]\n', `[dependencies]\n${lines}\n`))
  }
  addDeps(0, 'password-hash = "0.5"\nbase64 = "0.22"')
  addDeps(5, 'base64 = "0.21"')
  cargo(['generate-lockfile', '--offline'], dir)

  const target = path.join(base, 'cold-target')
  const check = cargo(['check', '--workspace', '--all-features'], dir, { CARGO_TARGET_DIR: target })
  const build = cargo(['test', '--workspace', '--no-run'], dir, { CARGO_TARGET_DIR: target })
  rmSync(target, { recursive: true, force: true })

  const meta = parseMetadata(cargo(['metadata', '--format-version', '1'], dir).stdout)
  const options = {
    toolchain: null,
    duplicateVersions: 'warn' as const,
    duplicateVersionsIncludeDev: false,
    allowDuplicates: [],
    singleVersionCrates: [],
    msrvCheck: 'deny' as const,
    msrvCheckIncludeDev: false
  }
  const start = process.hrtime.bigint()
  const result = await runFixes({
    root: realpathSync(dir),
    host: null,
    config: {
      toolchain: null,
      checkArgs: ['--workspace', '--all-features'],
      testArgs: ['--workspace'],
      runTests: true
    },
    conflicts: analyzeConflicts(meta, null, options),
    conflictOptions: options,
    metadata: meta
  })
  const total = Number(process.hrtime.bigint() - start) / 1e9
  const raw = check.seconds + build.seconds
  console.log(
    `\n4. Fix search and verification (${crates}-crate bench workspace, 2 conflicts, scratch copy, shared target dir)`
  )
  console.log(
    `   one cold cargo check + cargo test --no-run of the workspace: ${raw.toFixed(2)} s (${check.seconds.toFixed(2)} + ${build.seconds.toFixed(2)})`
  )
  for (const f of result.section.fixes)
    console.log(
      `   ${f.verified ? 'verified' : 'NOT verified'}  ${f.crate} ${f.from} → ${f.to} (${f.kind}): ${f.seconds.toFixed(2)} s${f.verified ? '' : ` — ${f.reason}`}`
    )
  for (const b of result.section.blockers) console.log(`   blocked  ${b.target.crate}: ${b.blockedBy}`)
  console.log(
    `   whole search (copy, resolve, verify all): ${total.toFixed(2)} s = ${(total / raw).toFixed(2)}× one cold build`
  )
  rmSync(base, { recursive: true, force: true })
}
