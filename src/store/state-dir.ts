// Where the local documents (the build-time baseline, the run history) live when their path is not
// given: the user's state directory (XDG_STATE_HOME, else ~/.local/state), one folder per workspace.
// Not the workspace: cargo fingerprints every file of a package whose build script has no
// rerun-if-changed, so a document written there rebuilds it. Not the target directory: `cargo clean`
// would take the history with it. A baseline is this machine's measurements, not the repository's.
import { createHash } from 'node:crypto'
import { existsSync, realpathSync } from 'node:fs'
import { homedir } from 'node:os'
import * as path from 'node:path'

type Env = Readonly<Record<string, string | undefined>>

export function stateDirectory(workingDirectory: string, env: Env = process.env): string {
  const xdg = env.XDG_STATE_HOME
  const base =
    xdg && path.isAbsolute(xdg)
      ? xdg
      : process.platform === 'win32' && env.LOCALAPPDATA
        ? env.LOCALAPPDATA
        : path.join(homedir(), '.local', 'state')
  let root = path.resolve(workingDirectory)
  try {
    root = realpathSync(root)
  } catch {
    // A workspace that does not exist yet has no other name.
  }
  const id = createHash('sha256').update(root).digest('hex').slice(0, 12)
  return path.join(base, 'build-gate', `${path.basename(root) || 'root'}-${id}`)
}

export interface LocalDocument {
  /** Where the document is read and written. */
  file: string
  /** Where earlier versions kept it by default, read while `file` does not exist yet. */
  legacy: string | null
}

/**
 * A local document's file: `documentPath` relative to the working directory when the input was given,
 * else `<state directory>/<its file name>`, carrying over what an earlier version kept at the default.
 */
export function localDocument(
  workingDirectory: string,
  documentPath: string,
  given: boolean,
  env: Env = process.env
): LocalDocument {
  if (given) return { file: path.resolve(workingDirectory, documentPath), legacy: null }
  const legacy = path.resolve(workingDirectory, documentPath)
  return {
    file: path.join(stateDirectory(workingDirectory, env), path.basename(documentPath)),
    legacy: existsSync(legacy) ? legacy : null
  }
}
