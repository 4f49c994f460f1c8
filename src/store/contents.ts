// The contents of the files a fix search changed, by git blob id, kept in this process only: the
// report names each changed file by its before/after blob ids (small, and evidence), and `--apply` and
// the fix PR read the contents from here. A report read back from disk has no contents to apply.
import { createHash } from 'node:crypto'

const store = new Map<string, string>()

/** git's blob id of a text: `sha1("blob <bytes>\0" + content)`. */
export function gitBlobSha(content: string): string {
  const data = Buffer.from(content)
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex')
}

export function remember(content: string): string {
  const sha = gitBlobSha(content)
  store.set(sha, content)
  return sha
}

export function recall(sha: string): string | null {
  return store.get(sha) ?? null
}

/** The changed files of a section with their contents, or null when this process does not hold them. */
export function filesOf(
  section: { files: { path: string; before: string; after: string }[] } | undefined
): { path: string; before: string; after: string }[] | null {
  if (!section) return null
  const out = []
  for (const f of section.files) {
    const before = recall(f.before)
    const after = recall(f.after)
    if (before === null || after === null) return null
    out.push({ path: f.path, before, after })
  }
  return out
}
