// The shape of bench/out/results.json, written by `npm run bench` and read by `npm run bench:readme`.
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FigureResult } from './overhead.js'
import type { StartupFigure } from './startup.js'

export const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out')

export interface BenchResults {
  date: string
  quick: boolean
  machine: { cpu: string; cores: number; os: string; node: string; cargo: string; loadAtStart: number }
  workspace: { crates: number; size: number; deps: number }
  figures: FigureResult[]
  /** CPU of the gate's fixed costs, measured each on its own (absent in older results). */
  fixedCost?: { label: string; cpu: number[] }[] | null
  /** Absent in results written before it was measured. */
  startup?: StartupFigure[] | null
  parse: { mb: number; lines: number; seconds: number; maxRssMb: number; jqSeconds: number } | null
  github: { first: { requests: number; writes: number }; rerun: { requests: number; writes: number } } | null
}
