// A git repository made by a test: a two-crate workspace whose `a` has three warnings on main, the run
// history recorded by a trusted run of main, and pull requests against it, all through the CLI with
// the GitHub event a workflow would give it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { gitIn } from './git.js'
import { cli } from './cli-runner.js'

export const A_BASE = `pub fn three() {
    let x = 1;
    let y = 2;
    let z = 3;
}
`

export class RatchetRepo {
  readonly dir: string
  readonly repo: string
  readonly history: string

  constructor(files: Record<string, string>) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'gate-ratchet-'))
    this.repo = path.join(this.dir, 'repo')
    this.history = path.join(this.dir, 'history.json')
    this.write({
      'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\nresolver = "2"\n',
      'a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n',
      'b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n',
      'b/src/lib.rs': 'pub fn b() -> u32 {\n    1\n}\n',
      '.gitignore': '/target\nCargo.lock\n',
      ...files
    })
    this.git('init', '-q', '-b', 'main')
    this.commit('base')
  }

  write(files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.repo, file)), { recursive: true })
      writeFileSync(path.join(this.repo, file), text)
    }
  }

  git(...args: string[]): string {
    return gitIn(this.repo, ...args)
  }

  commit(message: string): string {
    this.git('add', '-A')
    this.git('commit', '-q', '--allow-empty', '-m', message)
    return this.git('rev-parse', 'HEAD')
  }

  /** A trusted run: a push to main, which records the run history. */
  push(args: string[] = []) {
    return this.gate({ eventName: 'push', ref: 'refs/heads/main', payload: {} }, args)
  }

  /** A pull request from branch `change` against `base` (a commit of main). */
  pullRequest(base: string, args: string[] = []) {
    const payload = {
      pull_request: {
        number: 7,
        head: { ref: 'change', repo: { full_name: 'o/r' } },
        base: { ref: 'main', sha: base, repo: { full_name: 'o/r' } }
      }
    }
    return this.gate({ eventName: 'pull_request', ref: 'refs/pull/7/merge', payload }, args)
  }

  /** The PR's head: `files` written on a branch off `base`, committed. */
  change(base: string, files: Record<string, string>): string {
    this.git('checkout', '-q', '-B', 'change', base)
    this.write(files)
    return this.commit('change')
  }

  private async gate(event: { eventName: string; ref: string; payload: object }, args: string[]) {
    const eventPath = path.join(this.dir, 'event.json')
    writeFileSync(eventPath, JSON.stringify({ ...event.payload, repository: { default_branch: 'main' } }))
    const env = {
      GITHUB_EVENT_NAME: event.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: event.ref,
      GITHUB_SHA: this.git('rev-parse', 'HEAD'),
      GITHUB_REPOSITORY: 'o/r'
    }
    const saved = Object.fromEntries(Object.keys(env).map(k => [k, process.env[k]]))
    Object.assign(process.env, env)
    const report = path.join(this.dir, 'report.json')
    try {
      return {
        ...(await cli([
          '--working-directory',
          this.repo,
          '--report-path',
          report,
          '--baseline-store',
          'file',
          '--baseline-path',
          path.join(this.dir, 'baseline.json'),
          '--history-path',
          this.history,
          '--deny-warnings',
          'new',
          // Unless the test says otherwise: only the check's warnings matter here.
          ...(args.includes('--run-tests') ? [] : ['--run-tests', 'false']),
          '--public-api',
          'off',
          ...args
        ])),
        report
      }
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
    }
  }
}
