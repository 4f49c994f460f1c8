// What GitHub lists as a pull request's files, from git itself: `git diff base...head` (the merge
// base against the head, as GitHub compares a pull request) cut into one patch per file, each the
// file's hunks without git's header lines, as GitHub's `patch` field has them.
import { execFileSync } from 'node:child_process'
import type { PullFile } from './github-api/index.js'

export function pullFilesFromGit(repo: string, base: string, head: string): PullFile[] {
  const diff = execFileSync('git', ['diff', '--no-color', '--no-ext-diff', '-U3', `${base}...${head}`], {
    cwd: repo,
    encoding: 'utf8'
  })
  return diff
    .split(/^(?=diff --git )/m)
    .filter(s => s.startsWith('diff --git '))
    .map(section => {
      const lines = section.replace(/\n$/, '').split('\n')
      const to = lines.find(l => l.startsWith('+++ '))?.slice(4)
      const from = lines.find(l => l.startsWith('--- '))?.slice(4)
      const name = (to && to !== '/dev/null' ? to : from)!.replace(/^[ab]\//, '')
      const status = lines.some(l => l.startsWith('new file mode'))
        ? 'added'
        : lines.some(l => l.startsWith('deleted file mode'))
          ? 'removed'
          : 'modified'
      const first = lines.findIndex(l => l.startsWith('@@'))
      return { filename: name, status, ...(first < 0 ? {} : { patch: lines.slice(first).join('\n') }) }
    })
}

/** The head's lines the pull request added, by file: `git diff -U0` hunk headers. */
export function addedLines(repo: string, base: string, head: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>()
  let file = ''
  const diff = execFileSync('git', ['diff', '--no-color', '-U0', `${base}...${head}`], {
    cwd: repo,
    encoding: 'utf8'
  })
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ b/')) file = line.slice(6)
    const m = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (!m) continue
    const set = out.get(file) ?? new Set<number>()
    for (let n = Number(m[1]); n < Number(m[1]) + Number(m[2] ?? 1); n++) set.add(n)
    out.set(file, set)
  }
  return out
}
