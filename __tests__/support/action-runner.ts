// Runs the bundled action (dist/index.js) exactly as the GitHub runner does: inputs as INPUT_*
// variables, outputs and summary through the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  annotations: { level: string; file?: string; line?: number; col?: number; message: string }[]
}

const DIST = path.resolve('dist/index.js')

export async function runAction(
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; event?: { name: string; payload: unknown }; cwd?: string } = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-action-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUSTUP_HOME: process.env.RUSTUP_HOME ?? '',
    CARGO_HOME: process.env.CARGO_HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: options.cwd ?? process.cwd(),
    RUNNER_TEMP: dir
  }
  for (const [k, v] of Object.entries(env)) if (v === '') delete env[k]
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  if (options.event) {
    const eventFile = path.join(dir, 'event.json')
    writeFileSync(eventFile, JSON.stringify(options.event.payload))
    env.GITHUB_EVENT_NAME = options.event.name
    env.GITHUB_EVENT_PATH = eventFile
  }
  Object.assign(env, options.env)
  const child = spawn(process.execPath, [DIST], {
    cwd: options.cwd ?? process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const exitCode = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout)
  }
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them. */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const list: ActionRun['annotations'] = []
  for (const m of stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map(p => p.split('=') as [string, string])
    )
    list.push({
      level: m[1],
      file: props.file,
      line: props.line ? Number(props.line) : undefined,
      col: props.col ? Number(props.col) : undefined,
      message: decodeURIComponent(m[3].replace(/%0A/g, '\n').replace(/%25/g, '%'))
    })
  }
  return list
}
