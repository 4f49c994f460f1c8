// One input: its name, default and description (action.yml and the CLI flags are checked against the
// table built from these), and the parsers every capability reads its inputs with.
import { splitArgs } from './args.js'
import { GateError } from './errors.js'

export type Surface = 'action' | 'cli'

export interface InputSpec {
  name: string
  description: string
  /** Default for the action; `cli` overrides it for the command line. */
  default: string
  cli?: string
}

/** A GateError of kind `input`, naming the input and the fix. */
export class ConfigError extends GateError {
  constructor(input: string, message: string) {
    super('input', `Input '${input}': ${message}`, input)
    this.name = 'ConfigError'
  }
}

/** Reads one raw input; '' when not given (like core.getInput). */
export type InputReader = (name: string) => string

/** Typed readers of one input each; every error names the input and the fix. */
export interface InputParsers {
  raw(name: string): string
  /** Whether the input was given (not left to its default). */
  given(name: string): boolean
  optional(name: string): string | null
  bool(name: string): boolean
  oneOf<T extends string>(name: string, allowed: readonly T[]): T
  number(name: string, min: number, integer: boolean): number
  args(name: string): string[]
  names(name: string): string[]
}

const TRUE = ['true', 'True', 'TRUE', 'yes', 'on', '1']
const FALSE = ['false', 'False', 'FALSE', 'no', 'off', '0']

export function inputParsers(read: InputReader, defaultFor: (name: string) => string): InputParsers {
  const raw = (name: string): string => {
    const v = read(name).trim()
    return v === '' ? defaultFor(name) : v
  }
  return {
    raw,
    given: name => read(name).trim() !== '',
    optional: name => raw(name) || null,
    bool: name => {
      const v = raw(name)
      if (TRUE.includes(v)) return true
      if (FALSE.includes(v)) return false
      throw new ConfigError(name, `'${v}' is not a boolean; use true or false.`)
    },
    oneOf: <T extends string>(name: string, allowed: readonly T[]): T => {
      const v = raw(name)
      if ((allowed as readonly string[]).includes(v)) return v as T
      throw new ConfigError(name, `'${v}' is not allowed; use one of ${allowed.join(', ')}.`)
    },
    number: (name, min, integer) => {
      const v = raw(name)
      const n = Number(v)
      if (v === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
        throw new ConfigError(name, `'${v}' must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}.`)
      return n
    },
    args: name => {
      try {
        return splitArgs(raw(name))
      } catch (e) {
        throw new ConfigError(name, (e as Error).message)
      }
    },
    names: name => nameList(raw(name))
  }
}

/** Crate names from a comma/newline separated input. */
export function nameList(v: string): string[] {
  return [
    ...new Set(
      v
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(Boolean)
    )
  ]
}
