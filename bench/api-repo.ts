// The public-API benches' workspace: the generated bench workspace in a git repository, a base commit
// and a head that changes the API of two crates, as a typical pull request does (one crate gains a
// function, another loses one: a break).
import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import * as path from 'node:path'
import { crateName, generateWorkspace } from './generate-workspace.js'

export function apiPullRequestRepo(dir: string, crates: number, size: number): void {
  generateWorkspace({ dir, crates, size })
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=b@b', '-c', 'user.name=b', ...args], {
      cwd: dir,
      encoding: 'utf8'
    })
  execFileSync('cargo', ['generate-lockfile', '--offline', '-q'], { cwd: dir })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-qm', 'base')
  appendFileSync(path.join(dir, 'crates', crateName(crates - 1), 'src/lib.rs'), 'pub fn added_in_head() {}\n')
  const victim = path.join(dir, 'crates', crateName(Math.floor(crates / 2)), 'src/lib.rs')
  writeFileSync(victim, readFileSync(victim, 'utf8').replace(/^pub fn run0\(/m, 'fn run0('))
  git('commit', '-qam', 'head')
}

/** What a fresh checkout does to the sources: new modification times. */
export function touchSources(dir: string): void {
  const now = new Date()
  for (const crate of readdirSync(path.join(dir, 'crates')))
    utimesSync(path.join(dir, 'crates', crate, 'src/lib.rs'), now, now)
}

/**
 * A first push, or a new base: the base surfaces the check keeps are removed, and only they (the rest
 * of the target directory, rustdoc's too, stays as it was).
 */
export function forgetBaseSurfaces(dir: string): void {
  const cache = path.join(dir, 'target', 'build-gate', 'public-api')
  for (const f of existsSync(cache) ? readdirSync(cache) : [])
    if (f.endsWith('.json')) rmSync(path.join(cache, f), { force: true })
}
