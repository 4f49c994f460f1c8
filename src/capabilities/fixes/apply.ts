// `build-gate --apply`: write the verified fixes into the working tree (Cargo.lock and the member
// manifests), only where the file is still what the gate read, and say what changed.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { ConfigOf } from '../capability.js'
import { filesOf } from '../../store/contents.js'
import { fixFindings } from './findings.js'
import { fixInputsFrom, type JudgedRun } from './inputs.js'
import { runFixes, type FixesResult, type FixPorts } from './run.js'
import type { FixesParts } from './section.js'

export interface ApplyOutcome {
  written: string[]
  /** Files left alone, with why. */
  skipped: { path: string; why: string }[]
  lines: string[]
}

export function applyFixes(root: string, result: FixesResult): ApplyOutcome {
  const written: string[] = []
  const skipped: ApplyOutcome['skipped'] = []
  for (const file of result.files) {
    const at = path.join(root, file.path)
    const current = readOrNull(at)
    if (current !== file.before) {
      skipped.push({ path: file.path, why: 'it changed since the gate read it; rerun build-gate --apply' })
      continue
    }
    writeFileSync(at, file.after)
    written.push(file.path)
  }
  return { written, skipped, lines: describe(result, written, skipped) }
}

/** Search the fixes of a judged run, then apply the verified ones. */
export async function applyAfterGate(
  config: ConfigOf<FixesParts>,
  run: JudgedRun,
  ports: FixPorts = {}
): Promise<ApplyOutcome & { result: FixesResult | null }> {
  const inputs = fixInputsFrom(config, run)
  if (!inputs)
    return {
      written: [],
      skipped: [],
      lines: ['--apply: no dependency analysis in this run, nothing to fix.'],
      result: null
    }
  // The gate's own fix search, when it ran in this process; otherwise search now.
  const files = filesOf(run.report.fixes)
  const result =
    run.report.fixes && files
      ? { section: run.report.fixes, findings: fixFindings(run.report.fixes), files }
      : await runFixes(inputs, ports)
  return { ...applyFixes(inputs.root, result), result }
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

function describe(result: FixesResult, written: string[], skipped: ApplyOutcome['skipped']): string[] {
  const verified = result.section.fixes.filter(f => f.verified)
  const lines: string[] = []
  if (verified.length === 0) lines.push('--apply: no verified fix to apply.')
  if (written.length > 0) {
    lines.push(`--apply: wrote ${written.join(', ')}`)
    for (const f of verified) {
      if (f.diff)
        lines.push(
          `  ${f.manifest}:${f.diff.line}`,
          ...(f.diff.before ? [`  - ${f.diff.before.trim()}`] : []),
          ...f.diff.after.split('\n').map(l => `  + ${l.trim()}`)
        )
      for (const c of f.lockChanges)
        lines.push(`  Cargo.lock: ${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`)
    }
  }
  for (const s of skipped) lines.push(`--apply: left ${s.path} alone: ${s.why}`)
  const unverified = result.section.fixes.filter(f => !f.verified)
  for (const f of unverified)
    lines.push(`--apply: not applied (not verified): ${f.crate} ${f.from} → ${f.to}: ${f.reason}`)
  return lines
}
