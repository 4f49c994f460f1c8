// The one error type: what stopped the gate before it could judge the build, with a kind that says
// whose move it is. `input`: fix an input or flag; `environment`: install or set something up;
// `cargo`: cargo's output could not be read; `baseline`: the build-time baseline; `github`: the API.
export type ErrorKind = 'input' | 'environment' | 'cargo' | 'baseline' | 'github'

export class GateError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** The input (action input / CLI flag) to change, when one is to blame. */
    readonly input: string | null = null
  ) {
    super(message)
    this.name = 'GateError'
  }
}

export function isGateError(e: unknown, kind?: ErrorKind): e is GateError {
  return e instanceof GateError && (kind === undefined || e.kind === kind)
}

/** The plain message of anything thrown. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
