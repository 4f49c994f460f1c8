// What cargo itself says about a workspace, read from its human output (not the JSON the gate
// reads), so the gate's counts are checked against an independent source.
import { spawnSync } from 'node:child_process'

function cargo(cwd: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('cargo', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TERM_COLOR: 'never' }
  })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status }
}

/** Per crate: cargo's own `generated N warnings` / `due to N previous errors` tallies of `cargo check`. */
export function checkTallies(cwd: string, args = ['--workspace', '--all-features']) {
  const { stderr } = cargo(cwd, ['check', ...args])
  const warnings: Record<string, number> = {}
  const errors: Record<string, number> = {}
  for (const m of stderr.matchAll(/^warning: `([^`]+)` \([^)]*\) generated (\d+) warnings?/gm))
    warnings[m[1]] = (warnings[m[1]] ?? 0) + Number(m[2])
  for (const m of stderr.matchAll(
    /^error: could not compile `([^`]+)` \([^)]*\) due to (\d+) previous errors?(?:; (\d+) warnings? emitted)?/gm
  )) {
    errors[m[1]] = (errors[m[1]] ?? 0) + Number(m[2])
    if (m[3]) warnings[m[1]] = (warnings[m[1]] ?? 0) + Number(m[3])
  }
  return { warnings, errors, stderr }
}

/** Per crate: the sum of libtest's `test result:` lines when cargo tests that crate alone. */
export function testTallies(cwd: string, crate: string) {
  const { stdout } = cargo(cwd, ['test', '-p', crate, '--no-fail-fast'])
  const t = { passed: 0, failed: 0, ignored: 0, failing: [] as string[] }
  for (const m of stdout.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/gm)) {
    t.passed += Number(m[1])
    t.failed += Number(m[2])
    t.ignored += Number(m[3])
  }
  // libtest's closing list of each binary: `failures:` then the names, indented by four spaces.
  for (const m of stdout.matchAll(/^failures:\n((?: {4}.+\n)+)/gm))
    t.failing.push(
      ...m[1]
        .trimEnd()
        .split('\n')
        .map(l => l.trim())
    )
  return t
}

export function members(cwd: string): string[] {
  const { stdout } = cargo(cwd, ['metadata', '--format-version', '1', '--no-deps', '--offline'])
  const meta = JSON.parse(stdout) as { packages: { name: string; id: string }[]; workspace_members: string[] }
  return meta.packages.filter(p => meta.workspace_members.includes(p.id)).map(p => p.name)
}
