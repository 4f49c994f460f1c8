// build: cargo check (and the test build) read per crate: compile errors, warnings, phases.
import { diagnosticAnnotations } from '../../report/annotations.js'
import type { GateReport } from '../../report/schema.js'
import type { Capability } from '../capability.js'
import { diagnosticFindings, phaseFindings } from './findings.js'
import { mergeBuild } from './merge.js'

export const build: Capability = {
  name: 'build',
  stage: 'build',
  inputs: [
    {
      name: 'check-args',
      default: '--workspace --all-features',
      description: 'Arguments for `cargo check` (split on spaces, quotes respected; never passed to a shell).'
    },
    {
      name: 'compile-once',
      default: 'auto',
      description:
        "With `auto`, when check-args and test-args select the same packages, features and profile, one `cargo build --lib --bins --tests --examples` replaces `cargo check` and the test build (the same diagnostics, each crate compiled once) and `cargo test` reuses it; otherwise, or with `off`, check and test build run apart. The report's `compileOnce` section says which ran and why."
    },
    {
      name: 'deny-warnings',
      default: 'true',
      description: 'Warnings from workspace crates make the build unstable (dependency warnings never count).'
    }
  ],
  parse: p => ({
    checkArgs: p.args('check-args'),
    compileOnce: p.oneOf('compile-once', ['auto', 'off'] as const),
    denyWarnings: p.bool('deny-warnings')
  }),
  outputs: [
    {
      name: 'errors',
      description: 'Compile errors in workspace crates.',
      value: r => String(r.diagnostics.errors)
    },
    {
      name: 'warnings',
      description: 'Warnings in workspace crates (dependency warnings are not counted).',
      value: r => String(r.diagnostics.warnings)
    },
    {
      name: 'check-seconds',
      description:
        'Wall seconds of `cargo check` (with compile-once, of the one `cargo build` that replaced check and test build).',
      // With compile-once, the one build that did the check's work.
      value: r => phaseSeconds(r, r.phases.some(p => p.name === 'build') ? ['build'] : ['check'])
    }
  ],
  findings: (report, config) => [...phaseFindings(report, config), ...diagnosticFindings(report, config)],
  merge: mergeBuild,
  annotations: diagnosticAnnotations
}

/** Wall seconds of the phases; empty (never 0) when one of them did not run or was killed. */
export function phaseSeconds(report: GateReport, names: string[]): string {
  const p = report.phases.filter(x => names.includes(x.name))
  if (p.length === 0 || p.some(x => !x.ran || x.signal)) return ''
  const seconds = Math.round(p.reduce((n, x) => n + x.wallSeconds, 0) * 100) / 100
  return Number.isFinite(seconds) ? String(seconds) : ''
}
