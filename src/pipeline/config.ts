// Inputs (action inputs or CLI flags, same names) → one validated GateConfig: the core's slice and
// each capability's, read with the shared parsers. Together their rows are the single table of inputs:
// action.yml must declare exactly these (a test checks it), and the CLI accepts each as --name VALUE.
import { CORE_INPUTS, parseCoreConfig } from '../config.js'
import { inputParsers, type InputReader, type InputSpec, type Surface } from '../inputs.js'
import { CAPABILITIES, type GateConfig } from './registry.js'

export const INPUTS: InputSpec[] = [...CORE_INPUTS, ...CAPABILITIES.flatMap(c => c.inputs)]

export function defaultFor(name: string, surface: Surface): string {
  const spec = INPUTS.find(i => i.name === name)
  if (!spec) throw new Error(`unknown input ${name}`)
  return surface === 'cli' && spec.cli !== undefined ? spec.cli : spec.default
}

export function parseConfig(read: InputReader, surface: Surface, cwd = process.cwd()): GateConfig {
  const p = inputParsers(read, name => defaultFor(name, surface))
  const core = parseCoreConfig(p, surface, cwd)
  return Object.assign(core, ...CAPABILITIES.map(c => c.parse?.(p) ?? {})) as GateConfig
}
