// `rustc -vV`: the release and host triple the build runs with.
import type { WorkspaceInfo } from '../report/schema.js'

export type Toolchain = NonNullable<WorkspaceInfo['toolchain']>

export function parseRustcVersion(text: string): Toolchain | null {
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}: (.+)$`, 'm').exec(text)
    return m ? m[1].trim() : null
  }
  const release = field('release')
  const host = field('host')
  if (!release || !host) return null
  const channel = /-(nightly|beta)/.exec(release)?.[1] ?? 'stable'
  return { release, host, channel }
}
