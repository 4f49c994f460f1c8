// The workspace's manifests, read once at the edge: analyses get their text, never the file system.
import { readFileSync } from 'node:fs'
import type { CargoMetadata } from './metadata.js'

/** Text of each file by path; null for a file that cannot be read (an analysis then says "line unknown"). */
export function readManifests(
  files: Iterable<string>,
  readText: (file: string) => string | null = readTextFile
): Map<string, string | null> {
  const out = new Map<string, string | null>()
  for (const file of files) if (!out.has(file)) out.set(file, readText(file))
  return out
}

export function readTextFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** The manifests of the workspace members. */
export function memberManifestPaths(meta: CargoMetadata): string[] {
  const members = new Set(meta.workspace_members)
  return meta.packages.filter(p => members.has(p.id)).map(p => p.manifest_path)
}
