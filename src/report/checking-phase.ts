// The phase that checked the workspace: `cargo check`, or the one `cargo build` that stands for check and
// test build when compile-once applies. Everything that asks "did the workspace get checked?" asks this.
import type { PhaseResult } from './schema.js'

export function checkingPhase<P extends Pick<PhaseResult, 'name'>>(phases: readonly P[]): P | undefined {
  return phases.find(p => p.name === 'check' || p.name === 'build')
}
