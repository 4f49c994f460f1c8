// cargo's --timings HTML reports live in the target directory, which CI rarely uploads and the next
// build overwrites: copy them beside the JSON report, so a workflow uploads both from one place.
import { copyFileSync } from 'node:fs'
import * as path from 'node:path'
import type { TimingSection } from './section.js'

/** `build-gate-report.json` → `build-gate-report.cargo-timing-check.html`. */
export function keptReportPath(reportFile: string, phase: string): string {
  const stem = path.basename(reportFile).replace(/\.json$/i, '')
  return path.join(path.dirname(reportFile), `${stem}.cargo-timing-${phase}.html`)
}

/** Copies the reports; the returned section names the copies (a file that could not be copied keeps its path). */
export function keepTimingReports(
  report: { timing?: TimingSection },
  reportFile: string
): { timing?: TimingSection } {
  const files = report.timing?.cargoTimings
  if (!report.timing || !files || files.length === 0) return {}
  const kept = files.map(f => {
    const to = keptReportPath(reportFile, f.phase)
    try {
      copyFileSync(f.path, to)
      return { ...f, path: to }
    } catch {
      return f
    }
  })
  return { timing: { ...report.timing, cargoTimings: kept } }
}
