// `build-gate --help`: flags in one column, descriptions wrapped in the next, whatever the widths.
import { defaultFor, INPUTS } from '../pipeline/config.js'
import { plainText } from '../report/text.js'
import { BOOLEAN_INPUTS } from './flags.js'

const HIDDEN = new Set(['github-token'])

export function usage(columns = 100): string {
  const rows: [string, string][] = [
    ['PATH', 'The Rust workspace to gate (same as --working-directory) [default: .]'],
    ['--no-tests', 'Same as --no-run-tests.'],
    [
      '--apply',
      "Write the verified dependency fixes into Cargo.lock and the manifests, and apply rustc's (with --clippy, clippy's) machine-applicable suggestions with cargo fix (cargo clippy --fix), which refuses a tree with uncommitted changes."
    ],
    ['--allow-dirty', 'With --apply: let cargo fix edit a working tree with uncommitted changes.'],
    ['--allow-no-vcs', 'With --apply: let cargo fix edit a workspace that is not under version control.'],
    ...INPUTS.filter(i => !HIDDEN.has(i.name) && i.name !== 'working-directory').map(
      (i): [string, string] => {
        const flag = BOOLEAN_INPUTS.has(i.name) ? `--[no-]${i.name}` : `--${i.name} VALUE`
        const def = defaultFor(i.name, 'cli')
        return [flag, `${plainText(i.description)}${def ? ` [default: ${def}]` : ''}`]
      }
    ),
    ['--working-directory DIR', 'Same as PATH.'],
    ['-h, --help', 'Show this help.'],
    ['-V, --version', 'Print the version.']
  ]
  return [
    'Usage: build-gate [PATH] [options]',
    '',
    'Runs cargo check and cargo test on the Rust workspace at PATH; says whether its build is stable.',
    'Exit status: 0 stable; 1 unstable, could not be judged, or bad input;',
    '             2 stable, but the roadmap sync failed (the last line says both).',
    '',
    'Options (every action input is a flag of the same name; --[no-]flags also take true or false):',
    ...columnsOf(rows, columns),
    '',
    'Build time: the baseline is a local file (--baseline-store file) in your state directory',
    '(~/.local/state/build-gate/, or $XDG_STATE_HOME/build-gate/), one per workspace: outside the',
    'workspace and the target directory, so cargo never rebuilds for it and cargo clean keeps it.',
    'With --update-baseline auto (the default) every stable run adds its sample to it, so later runs',
    'compare with your own history; --update-baseline never leaves the file alone.',
    '',
    'Report: build-gate/build-gate-report.json in the target directory (--report-path moves it).',
    '',
    'GITHUB_TOKEN in the environment is used for GitHub features (roadmap preview, baseline branch).'
  ].join('\n')
}

/** Two columns: the first as wide as its widest entry, the second wrapped to the terminal. */
export function columnsOf(rows: [string, string][], columns: number): string[] {
  const indent = 2
  const left = Math.max(...rows.map(r => r[0].length)) + indent + 2
  const width = Math.max(30, columns - left)
  const out: string[] = []
  for (const [flag, text] of rows) {
    const lines = wrap(text, width)
    out.push(`${' '.repeat(indent)}${flag.padEnd(left - indent)}${lines[0]}`)
    for (const more of lines.slice(1)) out.push(`${' '.repeat(left)}${more}`)
  }
  return out
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(line)
  return lines
}
