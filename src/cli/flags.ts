// Command-line flags → the same named inputs the action reads. node:util.parseArgs splits the words;
// the rules on top are the CLI's public interface: a positional PATH is the working directory, boolean
// inputs take no value (`--deny-warnings`, `--no-deny-warnings`) yet still accept one
// (`--deny-warnings false`, `--deny-warnings=false`), and an unknown flag gets a suggestion.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { INPUTS } from '../pipeline/config.js'
import { GateError } from '../errors.js'
import { editDistance, suggest } from './suggest.js'

/** A command line that cannot be read: an input error, reported like a bad action input. */
export class UsageError extends GateError {
  constructor(message: string) {
    super('input', message)
  }
}

const BOOLEAN_WORDS = ['true', 'false', 'True', 'False', 'TRUE', 'FALSE', 'yes', 'no', 'on', 'off', '1', '0']

/** Words a switch takes besides true and false (`--deny-warnings new`). */
const MORE_WORDS: Record<string, string[]> = { 'deny-warnings': ['new'] }

/** Inputs whose value is true or false: they work as bare switches on the command line. */
export const BOOLEAN_INPUTS = new Set(
  INPUTS.filter(i => i.default === 'true' || i.default === 'false').map(i => i.name)
)

/** Flags that are not inputs. */
const EXTRA = {
  help: 'h',
  version: 'V',
  'no-tests': undefined,
  apply: undefined,
  'allow-dirty': undefined,
  'allow-no-vcs': undefined
} as const

/** The consents cargo fix asks for, passed on only when given (with --apply). */
const CONSENTS = ['allow-dirty', 'allow-no-vcs'] as const

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'run'
      inputs: Map<string, string>
      apply: boolean
      /** cargo fix's consents for --apply: edit a tree with uncommitted changes, or one without version control. */
      allowDirty: boolean
      allowNoVcs: boolean
    }

export function parseCommandLine(argv: string[]): Command {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {}
  for (const i of INPUTS) {
    options[i.name] = { type: BOOLEAN_INPUTS.has(i.name) ? 'boolean' : 'string' }
    if (BOOLEAN_INPUTS.has(i.name)) options[`no-${i.name}`] = { type: 'boolean' }
  }
  for (const [name, short] of Object.entries(EXTRA))
    options[name] = { type: 'boolean', ...(short ? { short } : {}) }

  // strict: false so that unknown flags reach the suggestion below instead of a generic error.
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true })
  const inputs = new Map<string, string>()
  const positionals: string[] = []
  const set = (name: string, value: string, flag: string) => {
    if (inputs.has(name) && inputs.get(name) !== value)
      throw new UsageError(`${flag} contradicts an earlier flag for '${name}'; give it once.`)
    inputs.set(name, value)
  }
  let command: Command['kind'] = 'run'
  let apply = false
  const consents = new Set<string>()
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]
    if (token.kind === 'option-terminator') continue
    if (token.kind === 'positional') {
      positionals.push(token.value)
      continue
    }
    const { name, rawName, value, inlineValue } = token
    if (!(name in options)) throw unknownFlag(rawName, Object.keys(options))
    if (name === 'help' || name === 'version') {
      if (command === 'run') command = name
      continue
    }
    if (name === 'apply') {
      if (inlineValue) throw new UsageError(`${rawName} takes no value.`)
      apply = true
      continue
    }
    if ((CONSENTS as readonly string[]).includes(name)) {
      if (inlineValue) throw new UsageError(`${rawName} takes no value.`)
      consents.add(name)
      continue
    }
    if (name === 'no-tests') {
      if (inlineValue) throw new UsageError(`${rawName} takes no value.`)
      set('run-tests', 'false', rawName)
      continue
    }
    if (name.startsWith('no-') && BOOLEAN_INPUTS.has(name.slice(3))) {
      if (inlineValue) throw new UsageError(`${rawName} takes no value; use --${name.slice(3)}=${value}.`)
      set(name.slice(3), 'false', rawName)
      continue
    }
    if (BOOLEAN_INPUTS.has(name)) {
      const next = tokens[t + 1]
      const words = [...BOOLEAN_WORDS, ...(MORE_WORDS[name] ?? [])]
      if (inlineValue) {
        if (!words.includes(value ?? '')) throw notBoolean(name, value ?? '')
        set(name, value!, rawName)
      } else if (next?.kind === 'positional' && words.includes(next.value)) {
        set(name, next.value, rawName)
        t++
      } else if (next?.kind === 'positional' && misspeltBoolean(next.value)) {
        throw notBoolean(name, next.value)
      } else set(name, 'true', rawName)
      continue
    }
    if (value === undefined) throw new UsageError(`${rawName} needs a value${example(rawName, name)}.`)
    set(name, value, rawName)
  }
  if (command !== 'run') return { kind: command }
  for (const c of consents)
    if (!apply) throw new UsageError(`--${c} is cargo fix's consent for --apply; give it with --apply.`)
  if (positionals.length > 1)
    throw new UsageError(
      `one workspace PATH at a time; got ${positionals.map(p => `'${p}'`).join(', ')}. Quote an argument that holds spaces.`
    )
  if (positionals.length === 1) {
    if (inputs.has('working-directory'))
      throw new UsageError(
        `PATH '${positionals[0]}' and --working-directory both name the workspace; give one of them.`
      )
    inputs.set('working-directory', positionals[0])
  }
  return {
    kind: 'run',
    inputs,
    apply,
    allowDirty: consents.has('allow-dirty'),
    allowNoVcs: consents.has('allow-no-vcs')
  }
}

/** `--deny-warnings flase`: a word one slip from a boolean, and no such directory, is not the PATH. */
function misspeltBoolean(word: string): boolean {
  if (word.length < 3 || existsSync(word)) return false
  const w = word.toLowerCase()
  return ['true', 'false', 'yes'].some(b => editDistance(w, b) <= (b.length > 4 ? 2 : 1))
}

function notBoolean(name: string, value: string): UsageError {
  return new UsageError(
    `--${name}: '${value}' is not a boolean; use --${name} or --no-${name} (or --${name}=true, --${name}=false).`
  )
}

function unknownFlag(raw: string, known: string[]): UsageError {
  const near = suggest(raw.replace(/^-+/, '').replace(/=.*$/, ''), known)
  return new UsageError(
    `unknown option '${raw}'${near ? `; did you mean '--${near}'?` : '.'} Run build-gate --help for the list.`
  )
}

function example(flag: string, name: string): string {
  const spec = INPUTS.find(i => i.name === name)
  return spec?.default && !spec.default.startsWith('${{') ? `, e.g. ${flag} '${spec.default}'` : ''
}
