// Per-crate compile times written by the rustc wrapper (one JSON line per rustc run of a workspace
// crate), and how the pipeline switches the wrapper on.
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'node:fs'

export const TIMINGS_FILE_ENV = 'BUILD_GATE_TIMINGS_FILE'

export interface CrateTime {
  /** Package name (cargo's CARGO_PKG_NAME), else rustc's crate name. */
  crate: string
  /** e.g. `check:lib`, `build:test`, `build:build-script`. */
  kind: string
  seconds: number
  cpuSeconds: number | null
}

/**
 * Environment for the cargo phases: cargo runs the wrapper in front of rustc for workspace members only.
 * cargo executes the script itself (shebang), so it must be executable; a checkout may have lost the bit.
 */
export function crateTimesEnv(file: string, wrapperScript: string): Record<string, string> {
  try {
    accessSync(wrapperScript, constants.X_OK)
  } catch {
    chmodSync(wrapperScript, 0o755)
  }
  return { RUSTC_WORKSPACE_WRAPPER: wrapperScript, [TIMINGS_FILE_ENV]: file }
}

/** Every line of the file; a missing file means no workspace crate was compiled. */
export function readCrateTimes(file: string): CrateTime[] {
  if (!existsSync(file)) return []
  const out: CrateTime[] = []
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue
    let v: unknown
    try {
      v = JSON.parse(line)
    } catch {
      throw new Error(`${file} line ${i + 1} is not JSON (${line.slice(0, 80)}); delete the file and rerun.`)
    }
    const t = v as Partial<CrateTime>
    if (typeof t.crate !== 'string' || typeof t.kind !== 'string' || typeof t.seconds !== 'number')
      throw new Error(`${file} line ${i + 1} is not a crate timing ({crate, kind, seconds, cpuSeconds}).`)
    out.push({
      crate: t.crate,
      kind: t.kind,
      seconds: t.seconds,
      cpuSeconds: typeof t.cpuSeconds === 'number' ? t.cpuSeconds : null
    })
  }
  return out
}

/** Seconds per crate over all its rustc runs, in the chosen metric (CPU falls back to wall where unknown). */
export function totalsByCrate(times: CrateTime[], metric: 'cpu' | 'wall'): Map<string, number> {
  const totals = new Map<string, number>()
  for (const t of times) {
    const s = metric === 'cpu' ? (t.cpuSeconds ?? t.seconds) : t.seconds
    totals.set(t.crate, (totals.get(t.crate) ?? 0) + s)
  }
  return totals
}
